import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tree } from '../hiera/helpers.js';
import { runCli } from '../support/cli.js';
import { brief, controlRepo, controlRepos, HIERA, lintJson, WEB01 } from '../support/lint-repo.js';

/** A config error: exit 2, one `FILE:LINE:COL: message` line per problem, no stack trace. */
async function configError(config: string): Promise<string> {
  const dir = controlRepo({ '.hieradrift.yaml': config });
  try {
    const r = await runCli(['lint'], dir);
    assert.equal(r.code, 2, r.out + r.err);
    assert.equal(r.out, '');
    assert.doesNotMatch(r.err, /\n\s+at |internal error/);
    return r.err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('.hieradrift.yaml', () => {
  const { repo, keep } = controlRepos();
  // data/roles/web.yaml repeats common.yaml's value for the only node: hiera/redundant-override (a warning).
  const redundant = { 'data/roles/web.yaml': 'nova::debug: false\n' };

  describe('discovery', () => {
    it('is read from the repo root when linting from a subdirectory, .yml too', async () => {
      for (const name of ['.hieradrift.yaml', '.hieradrift.yml']) {
        const dir = repo({ ...redundant, [name]: 'rules:\n  hiera/redundant-override: error\n' });
        const r = await lintJson(['lint', 'web.yaml'], join(dir, 'data/roles'));
        assert.deepEqual(brief(r.findings), ['web.yaml hiera/redundant-override error'], name);
        assert.equal(r.code, 1);
      }
    });

    it('searches upward past the hiera.yaml directory, and stops at .git', async () => {
      // The config of a monorepo sits at its top, the control repo in env/.
      const mono = tree({
        '.git/HEAD': '', '.hieradrift.yaml': 'rules:\n  hiera/redundant-override: error\n',
        'env/hiera.yaml': HIERA, 'env/facts/web01.yaml': WEB01, 'env/data/common.yaml': 'nova::debug: false\n', 'env/data/roles/web.yaml': 'nova::debug: false\n',
      });
      keep(mono);
      assert.deepEqual(brief((await lintJson(['lint', 'env'], mono)).findings), ['env/data/roles/web.yaml hiera/redundant-override error']);
      // A config outside the checkout (above .git) belongs to something else.
      const outer = tree({
        '.hieradrift.yaml': 'rules:\n  hiera/redundant-override: error\n',
        'repo/.git/HEAD': '', 'repo/hiera.yaml': HIERA, 'repo/facts/web01.yaml': WEB01, 'repo/data/common.yaml': 'nova::debug: false\n', 'repo/data/roles/web.yaml': 'nova::debug: false\n',
      });
      keep(outer);
      assert.deepEqual(brief((await lintJson(['lint', 'repo'], outer)).findings), ['repo/data/roles/web.yaml hiera/redundant-override warning']);
    });

    it('--config FILE replaces the discovered one; a missing FILE is exit 2', async () => {
      const dir = repo({ ...redundant, '.hieradrift.yaml': 'rules:\n  hiera/redundant-override: off\n', 'ci/strict.yaml': 'rules:\n  hiera/redundant-override: error\n' });
      assert.deepEqual(brief((await lintJson(['lint'], dir)).findings), []);
      const r = await lintJson(['lint', '--config', 'ci/strict.yaml'], dir);
      assert.deepEqual(brief(r.findings), ['data/roles/web.yaml hiera/redundant-override error']);
      assert.equal(r.code, 1);
      const missing = await runCli(['lint', '-c', 'ci/nope.yaml'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /^hieradrift: cannot read config .*ci\/nope\.yaml: ENOENT/);
    });
  });

  describe('validation: exit 2 with FILE:LINE:COL', () => {
    it('an unknown rule id, with a near miss suggested', async () => {
      const err = await configError('rules:\n  yaml/truthy: warn\n  yaml/truty: off\n');
      assert.equal(err, ".hieradrift.yaml:3:3: rules.yaml/truty: unknown rule 'yaml/truty' (did you mean 'yaml/truthy'?)\n");
    });

    it('an unknown rule id in an override', async () => {
      const err = await configError('overrides:\n  - files: ["data/**"]\n    rules:\n      hiera/nope: error\n');
      assert.equal(err, ".hieradrift.yaml:4:7: overrides.0.rules.hiera/nope: unknown rule 'hiera/nope'\n");
    });

    it('a bad level: only the allowed levels, not the array branch of the schema', async () => {
      const err = await configError('rules:\n  yaml/octal: fatal\n');
      assert.equal(err, '.hieradrift.yaml:2:15: rules.yaml/octal: must be one of off, info, warn, error\n');
    });

    it('bad option shapes: not an object, an unknown option, a wrong type', async () => {
      assert.equal(await configError('rules:\n  yaml/truthy: [warn, true]\n'), '.hieradrift.yaml:2:23: rules.yaml/truthy.1: must be object\n');
      assert.equal(await configError('rules:\n  yaml/truthy: [warn, {allways: true}]\n'), ".hieradrift.yaml:2:24: rules.yaml/truthy: option 'allways': unknown option\n");
      assert.equal(await configError('rules:\n  yaml/truthy: [warn, {always: yes}]\n'), ".hieradrift.yaml:2:32: rules.yaml/truthy: option 'always': must be boolean\n");
      // A rule without options takes none.
      assert.equal(await configError('rules:\n  yaml/octal: [warn, {x: 1}]\n'), ".hieradrift.yaml:2:23: rules.yaml/octal: option 'x': unknown option\n");
    });

    it('an unknown top-level key, with the known ones; every problem on its own line, in file order', async () => {
      const err = await configError('rules:\n  yaml/octal: fatal\nignore: ["data/x/**"]\n');
      assert.equal(
        err,
        '.hieradrift.yaml:2:15: rules.yaml/octal: must be one of off, info, warn, error\n' +
          ".hieradrift.yaml:3:1: unknown top-level key 'ignore' (known: rules, overrides, ignores, hiera, facts, environment, reportUnusedDisableDirectives, drift)\n",
      );
    });

    it('a missing property and a bad rule name', async () => {
      assert.equal(await configError('overrides:\n  - files: ["data/**"]\n'), ".hieradrift.yaml:2:5: overrides.0: missing property 'rules'\n");
      assert.equal(await configError('rules:\n  Truthy: warn\n'), ".hieradrift.yaml:2:3: rules.Truthy: 'Truthy' is not a valid name here\n");
    });

    it('a YAML syntax error', async () => {
      const err = await configError('rules:\n  yaml/octal: warn\n bad: indent\n');
      assert.match(err, /^\.hieradrift\.yaml:3:2: YAML syntax error: bad indentation of a mapping entry\n$/);
    });
  });

  describe('levels', () => {
    it('off removes the rule; info, warn and error set the severity, and only error fails (exit 1)', async () => {
      const cases: [string, string[], number][] = [
        ['off', [], 0],
        ['info', ['data/roles/web.yaml hiera/redundant-override info'], 0],
        ['warn', ['data/roles/web.yaml hiera/redundant-override warning'], 0],
        ['error', ['data/roles/web.yaml hiera/redundant-override error'], 1],
      ];
      for (const [level, expected, code] of cases) {
        const r = await lintJson(['lint'], repo({ ...redundant, '.hieradrift.yaml': `rules:\n  hiera/redundant-override: ${level}\n` }));
        assert.deepEqual(brief(r.findings), expected, level);
        assert.equal(r.code, code, level);
      }
    });

    it('an error-level rule set to warn no longer fails the run', async () => {
      const dup = { 'data/common.yaml': 'a::b: 1\na::b: 2\n' };
      const r1 = await lintJson(['lint'], repo(dup));
      assert.deepEqual(brief(r1.findings), ['data/common.yaml yaml/duplicate-key error']);
      assert.equal(r1.code, 1);
      const r2 = await lintJson(['lint'], repo({ ...dup, '.hieradrift.yaml': 'rules:\n  yaml/duplicate-key: [warn]\n' }));
      assert.deepEqual(brief(r2.findings), ['data/common.yaml yaml/duplicate-key warning']);
      assert.equal(r2.code, 0);
    });
  });

  it('options reach the rule: yaml/truthy always reports a bare on without string peers', async () => {
    const files = { 'data/common.yaml': 'apache::keepalive: on\n' };
    assert.deepEqual(brief((await lintJson(['lint'], repo(files))).findings), []);
    const r = await lintJson(['lint'], repo({ ...files, '.hieradrift.yaml': 'rules:\n  yaml/truthy: [warn, {always: true}]\n' }));
    assert.deepEqual(brief(r.findings), ['data/common.yaml yaml/truthy warning']);
  });

  describe('overrides', () => {
    it('apply to the paths their globs match; later entries win', async () => {
      const dup = (k: string): string => `${k}: 1\n${k}: 2\n`;
      const files = { 'data/common.yaml': dup('a::b'), 'data/roles/web.yaml': dup('a::c'), 'data/roles/db.yaml': dup('a::d') };
      const cfg =
        'rules:\n  hiera/unreachable-data-file: off\n' +
        'overrides:\n' +
        '  - files: ["data/roles/**"]\n    rules:\n      yaml/duplicate-key: warn\n' +
        '  - files: ["data/roles/db.yaml"]\n    rules:\n      yaml/duplicate-key: off\n';
      const r = await lintJson(['lint'], repo({ ...files, '.hieradrift.yaml': cfg }));
      assert.deepEqual(brief(r.findings), ['data/common.yaml yaml/duplicate-key error', 'data/roles/web.yaml yaml/duplicate-key warning']);
    });

    it('enable a rule that is off elsewhere', async () => {
      const cfg = 'rules:\n  hiera/redundant-override: off\noverrides:\n  - files: ["data/roles/*.yaml"]\n    rules:\n      hiera/redundant-override: error\n';
      const r = await lintJson(['lint'], repo({ ...redundant, '.hieradrift.yaml': cfg }));
      assert.deepEqual(brief(r.findings), ['data/roles/web.yaml hiera/redundant-override error']);
    });

    it("carry options for their paths only (they used to be checked, then ignored)", async () => {
      const files = { 'data/common.yaml': 'apache::keepalive: on\n', 'data/roles/web.yaml': 'apache::timeout: off\n' };
      const cfg = 'overrides:\n  - files: ["data/roles/**"]\n    rules:\n      yaml/truthy: [warn, {always: true}]\n';
      const r = await lintJson(['lint'], repo({ ...files, '.hieradrift.yaml': cfg }));
      assert.deepEqual(brief(r.findings), ['data/roles/web.yaml yaml/truthy warning']);
      // A later override that sets only a level keeps the options.
      const cfg2 = `${cfg}  - files: ["data/roles/web.yaml"]\n    rules:\n      yaml/truthy: error\n`;
      const r2 = await lintJson(['lint'], repo({ ...files, '.hieradrift.yaml': cfg2 }));
      assert.deepEqual(brief(r2.findings), ['data/roles/web.yaml yaml/truthy error']);
    });
  });

  describe('ignores', () => {
    it('an ignored file is never linted, even when named on the command line', async () => {
      const dir = repo({ 'data/legacy/old.yaml': 'a::b: 1\na::b: 2\n', '.hieradrift.yaml': 'rules:\n  hiera/unreachable-data-file: off\nignores: ["data/legacy/**"]\n' });
      const all = await lintJson(['lint'], dir);
      assert.deepEqual(brief(all.findings), []);
      assert.equal(all.summary.fileCount, 3, 'hiera.yaml, data/common.yaml and data/roles/web.yaml');
      const named = await lintJson(['lint', 'data/legacy/old.yaml'], dir);
      assert.deepEqual([named.code, named.findings, named.summary.fileCount], [0, [], 0]);
    });

    it('an ignored file is not data: nothing is redundant against it, and its level finds no file', async () => {
      const r = await lintJson(['lint'], repo({ ...redundant, '.hieradrift.yaml': 'ignores: ["data/common.yaml"]\n' }));
      assert.deepEqual(brief(r.findings), ['hiera.yaml hiera/level-matches-no-file warning']);
      assert.match(r.findings[0]!.message, /'common.yaml' matches no data file/);
    });
  });

  describe('hiera and facts locations', () => {
    it('hiera: a hiera.yaml in a subdirectory, its datadir relative to it (as Hiera reads it)', async () => {
      const dir = tree({
        '.git/HEAD': '', '.hieradrift.yaml': 'hiera: puppet/hiera.yaml\nfacts: puppet/facts\n',
        'puppet/hiera.yaml': HIERA, 'puppet/facts/web01.yaml': WEB01,
        'puppet/data/common.yaml': 'nova::debug: false\n', 'puppet/data/roles/web.yaml': 'nova::debug: false\n',
      });
      keep(dir);
      const r = await lintJson(['check', '.'], dir);
      assert.deepEqual(brief(r.findings), ['puppet/data/roles/web.yaml hiera/redundant-override warning']);
      assert.equal(r.summary.fileCount, 3);
    });

    it('facts: the known nodes come from the configured directory', async () => {
      const files = { 'data/roles/db.yaml': 'db::x: 1\n', 'inventory/db01.yaml': 'name: db01.example.com\nvalues:\n  role: db\n' };
      // With facts/ (web01) no node reads roles/db.yaml; with inventory/ (db01) none reads roles/web.yaml.
      assert.deepEqual(brief((await lintJson(['lint'], repo(files))).findings), ['data/roles/db.yaml hiera/unreachable-data-file warning']);
      const r = await lintJson(['lint'], repo({ ...files, '.hieradrift.yaml': 'facts: inventory\n' }));
      assert.deepEqual(brief(r.findings), ['data/roles/web.yaml hiera/unreachable-data-file warning']);
    });
  });

  describe('environment: %{environment} in hiera.yaml', () => {
    // Each environment's file is reached only when the repo is read as that environment: the others are reported.
    const ENV_HIERA = HIERA.replace('hierarchy:\n', 'hierarchy:\n  - name: Environment\n    path: "env/%{environment}.yaml"\n  - name: Settings\n    path: "settings/%{settings::environment}.yaml"\n');
    const ENV_FILES = {
      'hiera.yaml': ENV_HIERA,
      'data/env/production.yaml': 'a::x: 1\n', 'data/env/staging.yaml': 'a::x: 2\n', 'data/env/dev.yaml': 'a::x: 3\n',
      'data/settings/production.yaml': 'a::y: 1\n', 'data/settings/staging.yaml': 'a::y: 2\n', 'data/settings/dev.yaml': 'a::y: 3\n',
    };
    const unreachable = async (argv: string[], dir: string): Promise<string[]> => {
      const r = await lintJson(argv, dir);
      assert.equal(r.code, 0, r.err);
      return r.findings.filter((f) => f.ruleId === 'hiera/unreachable-data-file').map((f) => f.file).sort();
    };
    const others = (env: string): string[] => ['production', 'staging', 'dev'].filter((e) => e !== env).flatMap((e) => [`data/env/${e}.yaml`, `data/settings/${e}.yaml`]).sort();

    it('a checkout elsewhere is production, `puppet lookup`\'s default', async () => {
      assert.deepEqual(await unreachable(['lint'], repo(ENV_FILES)), others('production'));
    });

    it('a repo in an environments directory is the environment its directory names, as Puppet reads it', async () => {
      const dir = keep(tree(Object.fromEntries(Object.entries({ ...ENV_FILES, '.git/HEAD': '', 'facts/web01.yaml': WEB01, 'data/common.yaml': 'a::z: 1\n', 'data/roles/web.yaml': 'a::w: 1\n' }).map(([k, v]) => [`environments/staging/${k}`, v]))));
      assert.deepEqual(await unreachable(['lint'], join(dir, 'environments/staging')), others('staging'));
    });

    it('the config names it, and --environment wins over the config', async () => {
      const dir = repo({ ...ENV_FILES, '.hieradrift.yaml': 'environment: staging\n' });
      assert.deepEqual(await unreachable(['lint'], dir), others('staging'));
      assert.deepEqual(await unreachable(['lint', '--environment', 'dev'], dir), others('dev'));
      assert.deepEqual(await unreachable(['check', '.', '--environment', 'dev'], dir), others('dev'));
    });

    it('a name Puppet refuses is exit 2: in the config with its position, on the command line with the name', async () => {
      assert.match(await configError('environment: my-env\n'), /^\.hieradrift\.yaml:1:14: .*environment.*pattern/m);
      const r = await runCli(['lint', '--environment', 'my-env'], repo(ENV_FILES));
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /invalid environment name 'my-env'/);
    });
  });

  it('reportUnusedDisableDirectives: false silences lint/unused-suppression', async () => {
    const files = { 'data/roles/web.yaml': 'nova::x: 1 # hieradrift-disable-line yaml/octal\n' };
    assert.deepEqual(brief((await lintJson(['lint'], repo(files))).findings), ['data/roles/web.yaml lint/unused-suppression warning']);
    const r = await lintJson(['lint'], repo({ ...files, '.hieradrift.yaml': 'reportUnusedDisableDirectives: false\n' }));
    assert.deepEqual(brief(r.findings), []);
  });
});
