import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatters } from '../../src/report/index.js';
import { tree } from '../hiera/helpers.js';
import { runCli } from '../support/cli.js';
import { brief, controlRepos, HIERA, lintJson, WEB01 } from '../support/lint-repo.js';

describe('hieradrift lint / check (CLI, throwaway repos)', () => {
  const { repo, keep } = controlRepos();
  // Two warnings: a redundant override and an octal-looking number.
  const twoWarnings = { 'data/roles/web.yaml': 'nova::debug: false\n', 'data/common.yaml': 'nova::debug: false\nx::mode: 0644\n' };

  describe('--max-warnings', () => {
    it('exit 0 at exactly N warnings, 1 above N; -1 and no option mean no limit', async () => {
      const dir = repo(twoWarnings);
      const cases: [string[], number][] = [[[], 0], [['--max-warnings', '-1'], 0], [['--max-warnings', '2'], 0], [['--max-warnings', '1'], 1], [['--max-warnings', '0'], 1]];
      for (const [args, code] of cases) {
        const r = await runCli(['lint', ...args], dir);
        assert.equal(r.code, code, args.join(' '));
        assert.match(r.out, /2 problems \(0 errors, 2 warnings\)/);
        if (code === 1) assert.match(r.err, /2 warning\(s\), more than --max-warnings/);
      }
    });

    it('info findings are no warnings', async () => {
      const dir = repo({ ...twoWarnings, '.hieradrift.yaml': 'rules:\n  yaml/octal: info\n' });
      assert.equal((await runCli(['lint', '--max-warnings', '1'], dir)).code, 0);
    });

    it('a value that is not an integer is a usage error, before any report', async () => {
      const dir = repo(twoWarnings);
      for (const v of ['two', '1.5', '']) {
        const r = await runCli(['lint', '--max-warnings', v], dir);
        assert.equal(r.code, 2, v);
        assert.equal(r.out, '', v);
        assert.match(r.err, /--max-warnings expects an integer/);
      }
    });
  });

  it('--output FILE writes the report there (no colour) and nothing to stdout', async () => {
    const dir = repo(twoWarnings);
    const r = await runCli(['lint', '--output', 'report.json', '--format', 'json', '--color'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    assert.equal(report.summary.warningCount, 2);
    await runCli(['lint', '-o', 'report.txt', '--color'], dir);
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    assert.match(text, /hiera\/redundant-override/);
    assert.ok(!text.includes('\x1b['));
    const bad = await runCli(['lint', '--output', 'no/such/dir/r.txt'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^hieradrift: cannot write no\/such\/dir\/r\.txt: /);
  });

  it('--output and --write-baseline never replace an input of the run, nor add one (exit 2, nothing written)', async () => {
    const dir = repo({ ...twoWarnings, '.hieradrift.yaml': 'rules: {}\n', 'site/keystone.conf': '[DEFAULT]\ndebug = true\n' });
    assert.equal((await runCli(['lint', '--write-baseline', 'baseline.json'], dir)).code, 0);
    const inputs: [string[], RegExp][] = [
      [['lint', '--output', 'data/common.yaml'], /is a Hiera data file/],
      [['lint', '--output', './data/../hiera.yaml'], /is a hiera\.yaml of the repo/],
      [['lint', '--output', 'facts/web01.yaml'], /is inside the facts directory/],
      [['lint', '--output', 'facts/new.json'], /is inside the facts directory/],
      [['lint', '--output', 'data/roles/new.yaml'], /is inside a data directory, where Hiera would read it as data/],
      [['lint', '--output', '.hieradrift.yaml'], /is the configuration file/],
      [['lint', '--baseline', 'baseline.json', '--output', 'baseline.json'], /is the baseline this run reads/],
      [['lint', '--write-baseline', 'data/common.yaml'], /--write-baseline data\/common\.yaml is a Hiera data file/],
      [['check', '.', '--output', 'site/keystone.conf'], /is an OpenStack config file this run validates/],
    ];
    const before = new Map(['data/common.yaml', 'hiera.yaml', 'facts/web01.yaml', '.hieradrift.yaml', 'baseline.json', 'site/keystone.conf'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    for (const [args, why] of inputs) {
      const r = await runCli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '', args.join(' '));
      assert.match(r.err, why, args.join(' '));
      assert.match(r.err, /hieradrift never writes to its inputs/);
    }
    for (const [f, text] of before) assert.equal(readFileSync(join(dir, f), 'utf8'), text, f);
    assert.equal(existsSync(join(dir, 'facts/new.json')) || existsSync(join(dir, 'data/roles/new.yaml')), false);
    // Refreshing the baseline it reads is allowed; a report beside the data is too.
    assert.equal((await runCli(['lint', '--baseline', 'baseline.json', '--write-baseline', 'baseline.json'], dir)).code, 0);
    assert.equal((await runCli(['lint', '--output', 'data.txt'], dir)).code, 0);
  });

  it('--format: every reporter names the findings; an unknown one is exit 2', async () => {
    const dir = repo(twoWarnings);
    for (const name of Object.keys(formatters)) {
      const r = await runCli(['lint', '--format', name], dir);
      assert.equal(r.code, 0, name);
      assert.match(r.out, /redundant-override/, name);
      assert.match(r.out, /yaml\/octal/, name);
      if (name !== 'stylish' && name !== 'github' && name !== 'junit') assert.doesNotThrow(() => JSON.parse(r.out), name);
    }
    assert.match((await runCli(['lint', '--format', 'junit'], dir)).out, /^<\?xml /);
    assert.match((await runCli(['lint', '--format', 'github'], dir)).out, /::warning file=data\/roles\/web\.yaml,line=1,/);
    const bad = await runCli(['lint', '--format', 'html'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /html/);
  });

  describe('the pre-commit path: lint FILE', () => {
    it('one staged file still has the whole repo as context (other files, facts)', async () => {
      const dir = repo({ 'data/roles/web.yaml': 'nova::debug: false\n', 'data/roles/db.yaml': 'db::x: 1\n' });
      let r = await lintJson(['lint', 'data/roles/web.yaml'], dir);
      assert.deepEqual(brief(r.findings), ['data/roles/web.yaml hiera/redundant-override warning']);
      assert.match(r.findings[0]!.message, /same value in data\/common\.yaml/);
      assert.equal(r.summary.fileCount, 1);
      r = await lintJson(['lint', 'data/roles/db.yaml'], dir);
      assert.deepEqual(brief(r.findings), ['data/roles/db.yaml hiera/unreachable-data-file warning']);
      assert.match(r.findings[0]!.message, /any of the 1 known nodes/);
    });

    it('a module data file alone is linted with the control repo, not as a repo of its own', async () => {
      // modules/foo/hiera.yaml used to be taken for the repo root: the module layer and its rules were lost.
      const dir = repo({
        'modules/foo/hiera.yaml': 'version: 5\nhierarchy:\n  - name: common\n    path: common.yaml\n',
        'modules/foo/data/common.yaml': 'foo::x: 1\nbar::y: 2\n',
      });
      const r = await lintJson(['lint', 'modules/foo/data/common.yaml'], dir);
      assert.deepEqual(brief(r.findings), ['modules/foo/data/common.yaml hiera/module-namespace error']);
      assert.equal(r.code, 1);
      // Also from inside the module, as an editor integration runs it.
      const inside = await lintJson(['lint', 'data/common.yaml'], join(dir, 'modules/foo'));
      assert.deepEqual(brief(inside.findings), ['data/common.yaml hiera/module-namespace error']);
    });

    it('a module in a modulepath directory of another name (environment.conf) is linted with the control repo too', async () => {
      // dist/foo/hiera.yaml was taken for the repo root: only modules/, site/ and site-modules/ were known by name.
      const dir = repo({
        'environment.conf': 'modulepath = dist:modules:$basemodulepath\n',
        'dist/foo/hiera.yaml': 'version: 5\nhierarchy:\n  - name: common\n    path: common.yaml\n',
        'dist/foo/data/common.yaml': 'foo::x: 1\nbar::y: 2\n',
      });
      const r = await lintJson(['lint', 'dist/foo/data/common.yaml'], dir);
      assert.deepEqual(brief(r.findings), ['dist/foo/data/common.yaml hiera/module-namespace error']);
      const inside = await lintJson(['lint', 'data/common.yaml'], join(dir, 'dist/foo'));
      assert.deepEqual(brief(inside.findings), ['data/common.yaml hiera/module-namespace error']);
    });

    it('a control repo with module data only (no hiera.yaml of its own) is found from a module file', async () => {
      const dir = tree({
        '.git/HEAD': '', 'facts/web01.yaml': WEB01,
        'modules/foo/hiera.yaml': 'version: 5\nhierarchy:\n  - name: common\n    path: common.yaml\n',
        'modules/foo/data/common.yaml': 'foo::x: 1\nbar::y: 2\n',
      });
      keep(dir);
      const r = await lintJson(['lint', 'data/common.yaml'], join(dir, 'modules/foo'));
      assert.deepEqual(brief(r.findings), ['data/common.yaml hiera/module-namespace error']);
    });

    it('an environment below the checkout root is a repo of its own, not a module', async () => {
      const dir = tree({
        '.git/HEAD': '', 'hiera.yaml': HIERA,
        'environments/staging/hiera.yaml': HIERA, 'environments/staging/facts/web01.yaml': WEB01,
        'environments/staging/data/common.yaml': 'bar::y: 2\n', 'environments/staging/data/roles/web.yaml': 'bar::y: 2\n',
      });
      keep(dir);
      // Linted as its own repo: its facts and its hierarchy make roles/web.yaml a redundant override.
      const r = await lintJson(['lint', 'environments/staging/data/roles/web.yaml'], dir);
      assert.deepEqual(brief(r.findings), ['environments/staging/data/roles/web.yaml hiera/redundant-override warning']);
    });

    it('staged files that are not Hiera data are skipped; the repo does not depend on their order', async () => {
      // A monorepo: the control repo in puppet/, CI files beside it. The first file used to decide the root.
      const dir = tree({
        '.git/HEAD': '', '.gitlab-ci.yml': 'test:\n  script: [make]\n',
        'puppet/hiera.yaml': HIERA, 'puppet/facts/web01.yaml': WEB01,
        'puppet/data/common.yaml': 'nova::debug: false\n', 'puppet/data/roles/web.yaml': 'nova::debug: false\n',
      });
      keep(dir);
      for (const files of [['.gitlab-ci.yml', 'puppet/data/roles/web.yaml'], ['puppet/data/roles/web.yaml', '.gitlab-ci.yml']]) {
        const r = await lintJson(['lint', ...files], dir);
        assert.deepEqual(brief(r.findings), ['puppet/data/roles/web.yaml hiera/redundant-override warning'], files.join(' '));
        assert.equal(r.summary.fileCount, 1);
      }
      const only = await lintJson(['lint', '.gitlab-ci.yml'], dir);
      assert.deepEqual([only.code, only.findings, only.summary.fileCount], [0, [], 0]);
    });

    it('a data file that is not UTF-8 is refused at its first bad byte; one over the size limit is reported, never passed', async () => {
      const dir = repo({});
      // Latin-1 é: Puppet fails every lookup that reaches the file ("invalid trailing UTF-8 octet").
      writeFileSync(join(dir, 'data/roles/web.yaml'), Buffer.from([...Buffer.from('web::port: 80\nweb::name: "caf'), 0xe9, ...Buffer.from('"\n')]));
      const r = await lintJson(['lint', 'data/roles/web.yaml'], dir);
      assert.equal(r.code, 1);
      assert.deepEqual(r.findings.map((f) => [f.ruleId, f.line, f.message]), [
        ['yaml/refused', 2, 'Puppet refuses this file, so every lookup through it fails: it is not valid UTF-8 (Psych: invalid trailing UTF-8 octet)'],
      ]);
      writeFileSync(join(dir, 'data/roles/web.yaml'), `web::big:\n${'  - "0123456789012345678901234567890"\n'.repeat(300_000)}`);
      const big = await lintJson(['lint', 'data/roles/web.yaml'], dir);
      assert.equal(big.code, 1);
      assert.deepEqual(big.findings.map((f) => f.ruleId), ['yaml/refused']);
      assert.match(big.findings[0]!.message, /^hieradrift does not read data files larger than 10485760 bytes \(this one has \d+\): not linted, not looked up$/);
    });

    it('a path that does not exist is exit 2', async () => {
      const r = await runCli(['lint', 'data/roles/nope.yaml'], repo());
      assert.equal(r.code, 2);
      assert.equal(r.err, 'hieradrift: no such file or directory: data/roles/nope.yaml\n');
    });

    it('a path outside the repo: skipped when it is no Hiera data, exit 2 when it is another repo', async () => {
      const dir = repo(twoWarnings);
      const other = repo();
      mkdirSync(join(other, 'notes'));
      writeFileSync(join(other, 'notes/x.yaml'), 'a: 1\n');
      const elsewhere = tree({ 'x.yaml': 'a: 1\n' });
      keep(elsewhere);
      const skipped = await lintJson(['lint', 'data/roles/web.yaml', join(elsewhere, 'x.yaml')], dir);
      assert.deepEqual([skipped.code, brief(skipped.findings), skipped.summary.fileCount], [0, ['data/roles/web.yaml hiera/redundant-override warning'], 1]);
      const two = await runCli(['lint', 'data/common.yaml', join(other, 'data/common.yaml')], dir);
      assert.equal(two.code, 2);
      assert.match(two.err, /belongs to the control repo .*: lint one repo at a time\n$/);
    });

    it('a directory lints the data files under it', async () => {
      const dir = repo({ ...twoWarnings, 'data/roles/db.yaml': 'db::x: 1\n' });
      const r = await lintJson(['lint', 'data/roles'], dir);
      assert.deepEqual(brief(r.findings), ['data/roles/db.yaml hiera/unreachable-data-file warning', 'data/roles/web.yaml hiera/redundant-override warning']);
      assert.equal(r.summary.fileCount, 2);
    });
  });

  describe('hieradrift check', () => {
    it('exit 0 when clean or only warnings, 1 on an error or too many warnings, 2 on a bad directory or config', async () => {
      assert.equal((await runCli(['check', '.'], repo())).code, 0);
      const warn = repo(twoWarnings);
      const r = await runCli(['check', '.'], warn);
      assert.equal(r.code, 0);
      assert.match(r.out, /^hieradrift check \.: 1 hiera\.yaml \(2 levels\), 2 data files, 1 nodes with facts, 0 OpenStack config files\n/);
      assert.equal((await runCli(['check', '.', '--max-warnings', '1'], warn)).code, 1);
      assert.equal((await runCli(['check'], repo({ 'data/common.yaml': 'a::b: 1\na::b: 2\n', 'data/roles/web.yaml': 'web::port: 80\n' }))).code, 1);
      const notDir = await runCli(['check', 'data/common.yaml'], warn);
      assert.deepEqual([notDir.code, notDir.err], [2, 'hieradrift: data/common.yaml is not a directory\n']);
      assert.equal((await runCli(['check', 'nope'], warn)).code, 2);
      assert.equal((await runCli(['check', '.'], repo({ '.hieradrift.yaml': 'rules:\n  nope/x: off\n' }))).code, 2);
    });

    it('an OpenStack config error fails the gate; ignores apply to config files too', async () => {
      const bad = { 'etc/nova/nova.conf': '[DEFAULT]\ndebug = maybe\n' };
      const r = await lintJson(['check', '.'], repo(bad));
      assert.equal(r.code, 1);
      assert.ok(r.findings.some((f) => f.file === 'etc/nova/nova.conf' && f.ruleId.startsWith('openstack/') && f.severity === 'error'), JSON.stringify(r.findings));
      const ignored = await lintJson(['check', '.'], repo({ ...bad, '.hieradrift.yaml': 'ignores: ["etc/**"]\n' }));
      assert.deepEqual([ignored.code, ignored.findings], [0, []]);
    });
  });

  describe('facts files the repo context reads', () => {
    // data/roles/db.yaml is reachable only through a node with role db: if that node's facts are not read,
    // hiera/unreachable-data-file reports the file.
    const db = { 'data/roles/db.yaml': 'db::port: 5432\n' };
    const unreachable = (findings: { ruleId: string; file: string }[]): string[] =>
      findings.filter((f) => f.ruleId === 'hiera/unreachable-data-file').map((f) => f.file);

    it('a PuppetDB factset export (many nodes in one JSON array) names its nodes', async () => {
      const pdb = JSON.stringify([{ certname: 'db01.example.com', facts: { data: [{ name: 'role', value: 'db' }] } }]);
      const r = await lintJson(['lint'], repo({ ...db, 'facts/puppetdb.json': pdb }));
      assert.deepEqual(unreachable(r.findings), []);
      assert.equal(r.err, '');
      const without = await lintJson(['lint'], repo(db));
      assert.deepEqual(unreachable(without.findings), ['data/roles/db.yaml'], 'the case must depend on the export');
    });

    it("Puppet's yaml facts cache (tagged !ruby/object:Puppet::Node::Facts) names its node", async () => {
      const cache = '--- !ruby/object:Puppet::Node::Facts\nname: db01.example.com\nvalues:\n  role: db\n';
      const r = await lintJson(['lint'], repo({ ...db, 'facts/db01.example.com.yaml': cache }));
      assert.deepEqual(unreachable(r.findings), []);
      assert.equal(r.err, '');
    });

    it('a facts file Puppet cannot read is skipped with a positioned warning on stderr; the exit code stays', async () => {
      const dir = repo({ 'facts/broken.yaml': 'role: [db\n', 'facts/list.yaml': '- a\n- b\n' });
      // Latin-1 é: Psych refuses the file (invalid trailing UTF-8 octet).
      writeFileSync(join(dir, 'facts/latin1.yaml'), Buffer.from([...Buffer.from('role: caf'), 0xe9, 0x0a, ...Buffer.from('x: 1\n')]));
      const r = await lintJson(['lint'], dir);
      assert.equal(r.code, 0);
      const lines = r.err.trim().split('\n').sort();
      assert.equal(lines.length, 3, r.err);
      assert.match(lines[0]!, /^facts\/broken\.yaml:\d+:\d+: warning facts file skipped: .+\[yaml\/refused\]$/);
      assert.match(lines[1]!, /^facts\/latin1\.yaml:1:10: warning facts file skipped: .*not valid UTF-8 \(Psych: invalid trailing UTF-8 octet\) \[yaml\/refused\]$/);
      assert.match(lines[2]!, /^facts\/list\.yaml:1:1: warning facts file skipped: .*\[hiera\/facts\]$/);
    });
  });
});
