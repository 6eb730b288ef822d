import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { commands } from '../../src/cli/commands/index.js';
import { DATA_FILE } from '../../src/lint/repo/load-repo.js';
import { serviceFiles, serviceForFile } from '../../src/openstack/index.js';
import { runCli } from '../support/cli.js';
import { requireOracle } from '../support/oracle.js';
import { controlRepo } from '../support/lint-repo.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The keys pre-commit documents for a hook in .pre-commit-hooks.yaml (https://pre-commit.com/#new-hooks). */
const HOOK_KEYS = new Set([
  'id', 'name', 'entry', 'language', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'always_run', 'fail_fast',
  'verbose', 'pass_filenames', 'require_serial', 'description', 'language_version', 'minimum_pre_commit_version', 'args', 'stages',
]);
const REQUIRED = ['id', 'name', 'entry', 'language'];

/** identify's tags for the extensions that matter here (identify/extensions.py): what types_or is matched against. */
const IDENTIFY: Record<string, string[]> = {
  yaml: ['text', 'yaml'], yml: ['text', 'yaml'], eyaml: ['text', 'yaml'], json: ['text', 'json'],
  conf: ['text'], ini: ['text', 'ini'], pp: ['text', 'puppet'], md: ['text', 'markdown'],
};

interface Hook {
  id: string;
  entry: string;
  language: string;
  files?: string;
  types_or?: string[];
  types?: string[];
  [k: string]: unknown;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = load(readFileSync(`${root}/.pre-commit-hooks.yaml`, 'utf8')) as Hook[];
  const hook = (id: string): Hook => hooks.find((h) => h.id === id)!;
  /** Whether pre-commit would pass `path` to the hook: `files` (re.search), then types/types_or by tags. */
  const selects = (h: Hook, path: string): boolean => {
    const tags = new Set(['file', ...(IDENTIFY[path.split('.').pop()!] ?? ['text'])]);
    if (h.files !== undefined && !new RegExp(h.files).test(path)) return false;
    if (!(h.types ?? ['file']).every((t) => tags.has(t))) return false;
    return !h.types_or?.length || h.types_or.some((t) => tags.has(t));
  };

  it('is a list of hooks with the documented keys only, required ones present', () => {
    assert.ok(Array.isArray(hooks));
    assert.deepEqual(hooks.map((h) => h.id), ['hieradrift-lint', 'hieradrift-validate']);
    for (const h of hooks) {
      for (const k of Object.keys(h)) assert.ok(HOOK_KEYS.has(k), `${h.id}: unknown key ${k}`);
      for (const k of REQUIRED) assert.equal(typeof h[k], 'string', `${h.id}: ${k}`);
      assert.equal(h.language, 'node');
      // types_or arrived in pre-commit 2.9.0: an older pre-commit would reject the manifest.
      const [major, minor] = String(h.minimum_pre_commit_version).split('.').map(Number);
      assert.ok(major! > 2 || (major === 2 && minor! >= 9), h.id);
    }
  });

  it("each entry is the package's bin and one of its commands, and runs", async () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { bin: Record<string, string> };
    for (const h of hooks) {
      const [bin, command, ...rest] = h.entry.split(/\s+/);
      assert.ok(bin! in pkg.bin, h.entry);
      assert.ok(commands.has(command!), h.entry);
      assert.deepEqual(rest, []);
    }
    const dir = controlRepo({ 'data/roles/web.yaml': 'nova::debug: false\n', 'etc/nova.conf': '[DEFAULT]\ndebug = true\n' });
    try {
      const lint = await runCli([...hook('hieradrift-lint').entry.split(' ').slice(1), 'data/roles/web.yaml'], dir);
      assert.equal(lint.code, 0);
      assert.match(lint.out, /hiera\/redundant-override/);
      const validate = await runCli([...hook('hieradrift-validate').entry.split(' ').slice(1), 'etc/nova.conf'], dir);
      assert.equal(validate.code, 0, validate.err);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hieradrift-lint gets every kind of Hiera data file, never Puppet code or docs; one process for the repo', () => {
    const h = hook('hieradrift-lint');
    for (const f of ['hiera.yaml', 'data/common.yaml', 'data/nodes/a.yml', 'data/secrets.eyaml', 'data/os/Debian.json', 'modules/foo/data/common.yaml']) {
      assert.ok(DATA_FILE.test(f) || f.endsWith('hiera.yaml'));
      assert.ok(selects(h, f), f);
    }
    for (const f of ['manifests/site.pp', 'README.md', 'etc/nova.conf']) assert.ok(!selects(h, f), f);
    assert.equal(h.require_serial, true);
  });

  it('hieradrift-validate gets the config files of every known service, and no other .conf or .ini', () => {
    const h = hook('hieradrift-validate');
    for (const f of Object.values(serviceFiles)) {
      assert.ok(selects(h, f), f);
      assert.ok(selects(h, `etc/${f}`), f);
    }
    // Files validate cannot map to a service fail with exit 2: a control repo's environment.conf used to fail every commit.
    for (const f of ['environment.conf', 'puppet.conf', 'tox.ini', 'etc/nova.conf.erb', 'data/common.yaml', 'anova.conf']) {
      assert.ok(!selects(h, f), f);
    }
    for (const f of ['nova.conf', 'x/ml2_conf.ini']) assert.ok(selects(h, f) && serviceForFile(f) !== undefined, f);
  });
});

describe('the hooks installed and run by the real pre-commit', function () {
  // pre-commit clones this repository at HEAD, runs `npm install` (which builds dist/) and `npm pack`, then
  // installs the tarball: minutes at worst on a cold npm cache.
  this.timeout(600_000);
  let work: string;
  before(function () {
    requireOracle(this, 'pre-commit');
    work = mkdtempSync(join(tmpdir(), 'hieradrift-pre-commit-'));
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('a control repo using hieradrift-lint gets its findings on commit (exit 1 on an error, 0 on warnings only)', () => {
    const head = git(root, 'rev-parse', 'HEAD').trim();
    const repo = join(work, 'control');
    mkdirSync(join(repo, 'data'), { recursive: true });
    writeFileSync(join(repo, 'hiera.yaml'), 'version: 5\ndefaults:\n  datadir: data\n  data_hash: yaml_data\nhierarchy:\n  - name: common\n    path: common.yaml\n');
    writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${root}\n    rev: ${head}\n    hooks:\n      - id: hieradrift-lint\n`);
    writeFileSync(join(repo, 'data/common.yaml'), 'x::mode: 0644\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'cache') };
    const run = (): { status: number | null; out: string } => {
      const r = spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], { cwd: repo, env, encoding: 'utf8' });
      return { status: r.status, out: r.stdout + r.stderr };
    };
    const warned = run();
    assert.equal(warned.status, 0, warned.out);
    assert.match(warned.out, /hieradrift lint \(Hiera data and hiera\.yaml\)\.+Passed/);
    writeFileSync(join(repo, 'data/common.yaml'), 'x::mode: 0644\nx::a: 1\nx::a: 2\n');
    git(repo, 'add', '-A');
    const failed = run();
    assert.equal(failed.status, 1, failed.out);
    assert.match(failed.out, /2:1 +error +Key 'x::a' appears again later in this mapping.*yaml\/duplicate-key/);
  });
});

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
