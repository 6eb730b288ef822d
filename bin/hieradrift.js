#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): Node starts a CommonJS entry sooner than an ES module one, and nothing on the
// usual path below needs the ES module loader.
const { statSync } = require('node:fs');
const { join } = require('node:path');

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The bundle (scripts/bundle-cli.ts) starts faster, with V8's code cache; tsc's output is the fallback when the
// bundle is missing or older than it.
const dist = join(__dirname, '..', 'dist');
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;
const bundled = (mtime(join(dist, 'cli/main.cjs')) ?? -1) >= (mtime(join(dist, 'src/cli/main.js')) ?? Infinity);

(async () => {
  const { run } = bundled
    ? require(join(dist, 'cli/loader.cjs')).loadBundle(join(dist, 'cli/main.cjs'), join(dist, 'cli/main.v8-cache'))
    : await import(require('node:url').pathToFileURL(join(dist, 'src/cli/main.js')).href);
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  });
})();
