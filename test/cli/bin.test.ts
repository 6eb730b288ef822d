import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHieraRepo } from '../../bench/hiera-repo.js';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../hiera/helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/hieradrift.js`;
const repo = `${root}fixtures/repos/example`;

describe('bin/hieradrift.js', () => {
  it('stops quietly when the reader closes the pipe early (`| head`)', async () => {
    const child = spawn(process.execPath, [bin, 'dump', `${repo}/data/common.yaml`, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Read nothing: close our end at once, as `head -0` would.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(err, '');
    assert.ok(code === 0 || code === 1, `exit ${code}`);
  });

  it('--version and -V print the package version and exit 0', async () => {
    const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const out = await sameAsInProcess([flag], repo);
      assert.equal(out, `${version}\n`);
    }
  });

  it('runs the bundle the build made (dist/cli), not older than tsc output', () => {
    const bundle = statSync(`${root}dist/cli/main.cjs`, { throwIfNoEntry: false });
    const worker = statSync(`${root}dist/cli/resolve-worker.js`, { throwIfNoEntry: false });
    const cache = statSync(`${root}dist/cli/main.v8-cache`, { throwIfNoEntry: false });
    const loader = statSync(`${root}dist/cli/loader.cjs`, { throwIfNoEntry: false });
    assert.ok(bundle && worker && cache && loader, 'npm run build must write dist/cli/main.cjs, main.v8-cache, loader.cjs and resolve-worker.js');
    assert.ok(bundle.mtimeMs >= statSync(`${root}dist/src/cli/main.js`).mtimeMs, 'the bundle is older than dist/src: rebuild');
  });

  it('runs tsc\'s output when there is no bundle', function () {
    this.timeout(30_000);
    // A checkout whose build stopped after tsc: bin beside a dist holding only dist/src.
    const dir = mkdtempSync(join(tmpdir(), 'hieradrift-nobundle-'));
    try {
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'dist'));
      for (const f of ['hieradrift.js', 'package.json']) copyFileSync(`${root}bin/${f}`, join(dir, 'bin', f));
      symlinkSync(`${root}dist/src`, join(dir, 'dist/src'));
      const r = spawnSync(process.execPath, [join(dir, 'bin/hieradrift.js'), 'lint', 'data', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
      const viaBundle = spawnSync(process.execPath, [bin, 'lint', 'data', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
      assert.deepEqual([r.stdout, r.stderr, r.status], [viaBundle.stdout, viaBundle.stderr, viaBundle.status]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Loads the bundle as bin does, in a Node without flags (V8 refuses a cache made under other flags). */
  function loadInChild(cacheFile: string, argv: string[]): { cache: string; out: string; status: number | null } {
    const script = `const { loadBundle } = await import(${JSON.stringify(`${root}dist/src/cli/bundle-loader.js`)});
      const b = loadBundle(${JSON.stringify(`${root}dist/cli/main.cjs`)}, ${JSON.stringify(cacheFile)});
      let out = '';
      const code = await b.run(${JSON.stringify(argv)}, { stdout: (s) => (out += s), stderr: (s) => (out += s), cwd: process.cwd(), env: {}, isTTY: false });
      process.stdout.write(JSON.stringify({ cache: b.cache, out, code }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8', env: {} });
    assert.equal(r.stderr, '');
    const parsed = JSON.parse(r.stdout) as { cache: string; out: string; code: number };
    return { cache: parsed.cache, out: parsed.out, status: parsed.code };
  }

  it("V8 takes the build's code cache, and runs the same without it or with a foreign one", function () {
    this.timeout(30_000);
    const argv = ['lint', 'data', '--format', 'json'];
    const taken = loadInChild(`${root}dist/cli/main.v8-cache`, argv);
    assert.equal(taken.cache, 'accepted');
    const dir = mkdtempSync(join(tmpdir(), 'hieradrift-cache-'));
    try {
      writeFileSync(join(dir, 'foreign'), Buffer.alloc(4096, 7));
      const foreign = loadInChild(join(dir, 'foreign'), argv);
      const none = loadInChild(join(dir, 'missing'), argv);
      assert.deepEqual([foreign.cache, none.cache], ['rejected', 'none']);
      for (const r of [foreign, none]) assert.deepEqual([r.out, r.status], [taken.out, taken.status]);
      assert.match(taken.out, /"ruleId"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The bundle must behave as the modules do: shipped files found from its own place, the worker beside it.
  const commands: [string, string[]][] = [
    ['check (schemas/, rules, validate)', ['check', '.', '--format', 'json']],
    ['lint with SARIF (package.json version)', ['lint', 'data', '--format', 'sarif']],
    ['dump', ['dump', 'data/common.yaml', '--format', 'json']],
    ['lookup', ['lookup', 'nova::debug', '--node', 'compute01.example.com', '--facts', 'facts', '--render-as', 'json']],
    ['drift (config-resources table)', ['drift', '--node', 'compute01.example.com', '--facts', 'facts/compute01.example.com.yaml', '--deployed', 'deployed/compute01.example.com', '--format', 'json']],
  ];
  /** Runs a command through the bin and in process; both must print the same and exit the same. Returns stdout. */
  async function sameAsInProcess(args: string[], cwd: string): Promise<string> {
    const io = fakeIo(cwd);
    const code = await run(args, io);
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
    assert.equal(r.stderr, io.err);
    assert.equal(r.stdout, io.out);
    assert.equal(r.status, code);
    return r.stdout;
  }

  for (const [name, args] of commands) {
    it(`prints what the library prints in process: ${name}`, async function () {
      this.timeout(30_000);
      await sameAsInProcess(args, repo);
    });
  }

  it('prints what the library prints in process: resolve with rows from a worker thread beside the bundle', async function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'hieradrift-bin-'));
    try {
      // Six nodes on two threads: the main thread takes four, the worker two.
      const { envDir, factsDir } = generateHieraRepo(dir, 6, 20);
      const out = await sameAsInProcess(['resolve', '--environment-dir', envDir, '--facts', factsDir, '--jobs', '2'], dir);
      assert.equal(Object.keys(JSON.parse(out) as object).length, 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
