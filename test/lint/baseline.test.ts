import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBaseline, fingerprint } from '../../src/lint/baseline.js';
import type { Diagnostic } from '../../src/source/index.js';
import { runCli } from '../support/cli.js';
import { brief, controlRepos, lintJson } from '../support/lint-repo.js';

describe('baseline', () => {
  const { repo } = controlRepos();
  // A duplicate key (error) and a redundant override (warning) to record.
  const today = { 'data/common.yaml': 'nova::debug: false\na::b: 1\na::b: 2\n', 'data/roles/web.yaml': 'nova::debug: false\n' };

  it('--write-baseline records every finding and exits 0; --baseline then hides them', async () => {
    const dir = repo(today);
    const w = await runCli(['lint', '--write-baseline', 'b.json'], dir);
    assert.equal(w.code, 0);
    assert.equal(w.out, '');
    assert.match(w.err, /wrote 2 finding\(s\) to b\.json/);
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    assert.equal(b.version, 1);
    assert.deepEqual(b.entries.map((e: { file: string; ruleId: string; count: number }) => `${e.file} ${e.ruleId} ${e.count}`), [
      'data/common.yaml yaml/duplicate-key 1',
      'data/roles/web.yaml hiera/redundant-override 1',
    ]);
    const r = await lintJson(['lint', '--baseline', 'b.json'], dir);
    assert.deepEqual([r.code, r.findings, r.summary.suppressedCount], [0, [], 2]);
  });

  it('new findings are still reported, and fail the run', async () => {
    const dir = repo(today);
    await runCli(['lint', '--write-baseline', 'b.json'], dir);
    writeFileSync(join(dir, 'data/roles/web.yaml'), 'nova::debug: false\nx::y: 1\nx::y: 2\n');
    const r = await lintJson(['lint', '--baseline', 'b.json'], dir);
    assert.deepEqual(brief(r.findings), ['data/roles/web.yaml yaml/duplicate-key error']);
    assert.equal(r.code, 1);
    // Counted per fingerprint: a second copy of a recorded finding is new.
    writeFileSync(join(dir, 'data/roles/web.yaml'), 'nova::debug: false\n');
    writeFileSync(join(dir, 'data/common.yaml'), 'nova::debug: false\na::b: 1\na::b: 2\na::b: 3\n');
    const r2 = await lintJson(['lint', '--baseline', 'b.json'], dir);
    assert.deepEqual(brief(r2.findings), ['data/common.yaml yaml/duplicate-key error']);
  });

  it('lines added above a recorded finding do not bring it back (the fingerprint has no position)', async () => {
    const dir = repo(today);
    await runCli(['lint', '--write-baseline', 'b.json'], dir);
    writeFileSync(join(dir, 'data/common.yaml'), '# moved down\nz::first: 0\nnova::debug: false\na::b: 1\na::b: 2\n');
    writeFileSync(join(dir, 'data/roles/web.yaml'), '---\n# comment\nnova::debug: false\n');
    const r = await lintJson(['lint', '--baseline', 'b.json'], dir);
    assert.deepEqual([r.code, r.findings, r.summary.suppressedCount], [0, [], 2]);
  });

  it('a message that cites another line keeps its fingerprint when both lines move', () => {
    // yaml/duplicate-key says "(first at line N)": the number used to be hashed, so any shift made the finding new.
    const d: Diagnostic = { ruleId: 'yaml/duplicate-key', severity: 'error', message: "duplicate key 'a::b': Puppet silently keeps the last value (first at line 2)", file: 'data/common.yaml', line: 3, column: 1, endLine: 3, endColumn: 5 };
    const moved = { ...d, line: 5, endLine: 5, message: d.message.replace('line 2', 'line 4') };
    assert.equal(fingerprint(moved), fingerprint(d));
    assert.notEqual(fingerprint({ ...d, message: d.message.replace("'a::b'", "'a::c'") }), fingerprint(d));
    assert.notEqual(fingerprint({ ...d, file: 'data/roles/web.yaml' }), fingerprint(d));
    assert.equal(createBaseline([d, moved]).entries[0]!.count, 2);
  });

  it('--write-baseline with --baseline refreshes the file rather than dropping what it held', async () => {
    const dir = repo(today);
    await runCli(['lint', '--write-baseline', 'b.json'], dir);
    const before = readFileSync(join(dir, 'b.json'), 'utf8');
    const w = await runCli(['lint', '--baseline', 'b.json', '--write-baseline', 'b.json'], dir);
    assert.equal(w.code, 0);
    assert.match(w.err, /wrote 2 finding\(s\)/);
    assert.equal(readFileSync(join(dir, 'b.json'), 'utf8'), before);
  });

  it('hieradrift check honours the baseline too', async () => {
    const dir = repo(today);
    assert.equal((await runCli(['check', '.', '--write-baseline', 'b.json'], dir)).code, 0);
    const r = await lintJson(['check', '.', '--baseline', 'b.json'], dir);
    assert.deepEqual([r.code, r.findings], [0, []]);
  });

  describe('a bad baseline file: exit 2, a clear message, no stack trace', () => {
    const bad = async (text: string | undefined): Promise<string> => {
      const dir = repo(today);
      if (text !== undefined) writeFileSync(join(dir, 'b.json'), text);
      const r = await runCli(['lint', '--baseline', 'b.json'], dir);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.out, '');
      assert.doesNotMatch(r.err, /\n\s+at |internal error/);
      return r.err;
    };

    it('missing', async () => {
      assert.match(await bad(undefined), /^hieradrift: cannot read baseline b\.json: ENOENT/);
    });

    it('not JSON: at its line and column', async () => {
      assert.match(await bad('{\n  "version": 1,\n  "entries": [,]\n}\n'), /^b\.json:3:15: not valid JSON: /);
    });

    it('not a baseline: wrong version, no entries list', async () => {
      assert.equal(await bad('{"version": 2, "entries": []}'), 'b.json:1:13: not a hieradrift baseline (version 1)\n');
      assert.equal(await bad('{"version": 1,\n "entries": {}}'), "b.json:2:13: not a hieradrift baseline: 'entries' must be a list\n");
      assert.equal(await bad('[]'), 'b.json:1:1: not a hieradrift baseline: expected a JSON object\n');
    });

    it('a malformed entry (it used to crash: internal error)', async () => {
      assert.equal(
        await bad('{\n  "version": 1,\n  "entries": [\n    null\n  ]\n}\n'),
        'b.json:4:5: entry 0: expected {file, ruleId, fingerprint, count} with a positive integer count\n',
      );
      assert.match(await bad('{"version": 1, "entries": [{"file": "a", "ruleId": "r", "fingerprint": "f", "count": "2"}]}'), /^b\.json:1:28: entry 0: /);
    });
  });
});
