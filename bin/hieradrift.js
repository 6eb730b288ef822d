#!/usr/bin/env node
import { statSync } from 'node:fs';

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The bundle (scripts/bundle-cli.ts) starts faster; tsc's output is the fallback when it is missing or stale.
const mtime = (rel) => statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = (mtime('../dist/cli/main.js') ?? -1) >= (mtime('../dist/src/cli/main.js') ?? Infinity);
const { run } = await import(bundled ? '../dist/cli/main.js' : '../dist/src/cli/main.js');

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
});
