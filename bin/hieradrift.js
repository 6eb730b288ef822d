#!/usr/bin/env node
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The bundle (scripts/bundle-cli.ts) starts faster, with V8's code cache; tsc's output is the fallback when the
// bundle is missing or older than it.
const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = (mtime('../dist/cli/main.cjs') ?? -1) >= (mtime('../dist/src/cli/main.js') ?? Infinity);
const { run } = bundled
  ? (await import('../dist/src/cli/bundle-loader.js')).loadBundle(
      fileURLToPath(new URL('../dist/cli/main.cjs', import.meta.url)),
      fileURLToPath(new URL('../dist/cli/main.v8-cache', import.meta.url)),
    )
  : await import('../dist/src/cli/main.js');

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
});
