/**
 * Bundles tsc's output of the CLI into dist/cli, with V8's code cache for it. Run by `npm run build` after tsc.
 *
 * - main.cjs: the whole CLI as one classic script. A cold command loads 2 files instead of ~85 (measured on
 *   2 cores: `hieradrift lint FILE` 0.39 s as modules, 0.32 s bundled).
 * - main.v8-cache: the code cache taken after a warm-up run of lint and check on the example repo; with it a
 *   cold command skips compiling what the warm-up compiled (`lint FILE` 0.32 → 0.29 s, `lint .` 0.66 →
 *   0.59 s, medians of 11-15 alternating runs). Node 20 has no compile cache for ES modules, hence CommonJS.
 * - loader.cjs: src/cli/bundle-loader.ts for bin/hieradrift.js, which is CommonJS because Node starts a CommonJS
 *   entry ~13 ms sooner than an ES module one.
 * - resolve-worker.js: the fleet worker, beside main.cjs where `new URL('./resolve-worker.js', import.meta.url)`
 *   looks for it.
 *
 * bin/hieradrift.js falls back to dist/src when the bundle is missing or older than it.
 */
import { build, type BuildOptions } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../src/cli/bundle-loader.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = `${root}dist/cli`;
// Chunk names of older builds would pile up.
rmSync(out, { recursive: true, force: true });

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: ['dist/src/cli/main.js'],
  outfile: `${out}/main.cjs`,
  format: 'cjs',
  // Shipped files and the worker are found from the bundle's own place.
  define: { 'import.meta.url': '__hieradriftBundleUrl' },
  banner: { js: "var __hieradriftBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// bin/hieradrift.js is CommonJS (it starts sooner): it takes the loader in that form.
await build({ ...common, entryPoints: ['dist/src/cli/bundle-loader.js'], outfile: `${out}/loader.cjs`, format: 'cjs' });
await build({
  ...common,
  entryPoints: ['dist/src/hiera/resolve-worker.js'],
  outfile: `${out}/resolve-worker.js`,
  format: 'esm',
  // commander and ajv are CommonJS: their require() of Node's own modules needs a real require in an ES module.
  banner: { js: "import { createRequire as __hieradriftRequire } from 'node:module'; const require = __hieradriftRequire(import.meta.url);" },
});

// The warm-up compiles what a lint and a check need; the cache then holds their bytecode. Output is dropped.
const bundle = loadBundle(`${out}/main.cjs`);
const example = `${root}fixtures/repos/example`;
const io = { stdout: () => undefined, stderr: () => undefined, cwd: example, env: {}, isTTY: false };
for (const argv of [['lint', 'data/common.yaml'], ['lint', '.'], ['check', '.']]) await bundle.run(argv, io);
writeFileSync(`${out}/main.v8-cache`, bundle.script.createCachedData());
