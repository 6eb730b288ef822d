// Builds dist/ after `npm install` in a checkout of this repository: pre-commit installs the hooks of
// .pre-commit-hooks.yaml that way (npm install, then npm pack, whose stdout must be the tarball's name only,
// so the build cannot be a `prepare` script). A published package ships dist/ without the sources: nothing to do.
// Plain JavaScript: it runs before tsc has built anything. Build output goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}tsconfig.json`) || !existsSync(`${root}src`)) process.exit(0);
const npm = process.env.npm_execpath;
const r = npm
  ? spawnSync(process.execPath, [npm, 'run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  : spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
