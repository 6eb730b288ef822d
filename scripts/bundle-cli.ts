/**
 * Bundles tsc's output of the CLI into a few files under dist/cli. A cold command then loads ~15 files
 * instead of ~85: measured on 2 cores, `hieradrift lint FILE` 0.39 s instead of 0.48 s and `lint .` 0.85 s
 * instead of 0.95 s (medians of 7-11 runs; Node 20 has no compile cache for ES modules). bin/hieradrift.js
 * falls back to dist/src when the bundle is missing or older than it. Run by `npm run build` after tsc.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Chunk names change with their content: old ones would pile up.
rmSync(`${root}dist/cli`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // The worker sits beside the chunks, where `new URL('./resolve-worker.js', import.meta.url)` looks for it.
  entryPoints: ['dist/src/cli/main.js', 'dist/src/hiera/resolve-worker.js'],
  outdir: 'dist/cli',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // commander is CommonJS: its require() of Node's own modules needs a real require in an ES module.
  banner: { js: "import { createRequire as __hieradriftRequire } from 'node:module'; const require = __hieradriftRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: 'warning',
});
