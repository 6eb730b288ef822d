import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../bench/lint.bench.js';
import { runCli } from '../support/cli.js';

interface Report {
  results: { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
}

const findings = (out: string): string[] =>
  (JSON.parse(out) as Report).results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId}`)).sort();

describe('the generated 1000-node control repo (the lint bench tree)', function () {
  this.timeout(60_000);
  let root: string;
  let changed: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'hieradrift-generated-'));
    changed = generate(root).changed;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('`check .` sees the whole repo (its inventory line) and reports the seeded findings', async () => {
    const r = await runCli(['check', '.', '--format', 'json'], root);
    assert.equal(r.err, 'hieradrift check .: 1 hiera.yaml (4 levels), 350 data files, 1000 nodes with facts, 0 OpenStack config files\n');
    const lint = await runCli(['lint', '.', '--format', 'json'], root);
    assert.deepEqual(findings(r.out), findings(lint.out));
    assert.ok(findings(r.out).length > 0);
    assert.equal(r.code, lint.code);
  });

  it('the pre-commit path (one changed file) reports exactly what the full lint reports for that file', async () => {
    const full = await runCli(['lint', '.', '--format', 'json'], root);
    const one = await runCli(['lint', changed, '--format', 'json'], root);
    assert.equal(one.err, '');
    assert.deepEqual(findings(one.out), findings(full.out).filter((f) => f.startsWith(`${changed}:`)));
    // Every staged file alone gives its share of the full run, whichever file it is.
    for (const f of new Set(findings(full.out).map((x) => x.slice(0, x.indexOf(':'))))) {
      const r = await runCli(['lint', f, '--format', 'json'], root);
      assert.deepEqual(findings(r.out), findings(full.out).filter((x) => x.startsWith(`${f}:`)), f);
    }
  });
});
