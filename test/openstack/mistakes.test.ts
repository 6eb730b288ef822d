import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectations, mistakesDir, secretValues, serviceOf, validateText } from './support.js';

describe('openstack validate: seeded mistakes', () => {
  const files = readdirSync(mistakesDir).filter((f) => f.endsWith('.conf')).sort();
  let total = 0;

  for (const f of files) {
    const text = readFileSync(join(mistakesDir, f), 'utf8');
    const expected = expectations(text);
    total += expected.length;

    it(`${f}: each of ${expected.length} mistakes is caught at its line and column, and nothing else`, () => {
      const { diags } = validateText(text, f, serviceOf(text));
      const got = diags.map((d) => `${d.line}:${d.column} ${d.ruleId}`).sort();
      const want = expected.map((e) => `${e.line}:${e.column} ${e.ruleId}`).sort();
      assert.deepEqual(got, want);
      for (const d of diags) {
        assert.ok(d.endLine > d.line || d.endColumn >= d.column, `end before start: ${JSON.stringify(d)}`);
        assert.equal(d.file, f);
      }
    });

    it(`${f}: no secret value appears in any message`, () => {
      const { diags, schema } = validateText(text, f, serviceOf(text));
      const secrets = secretValues(text, schema);
      assert.ok(secrets.length > 0, 'fixture holds secrets');
      for (const d of diags) for (const s of secrets) assert.ok(!JSON.stringify(d).includes(s), `${d.message} leaks ${s.length} chars`);
    });
  }

  it('holds at least 30 seeded mistakes', () => assert.ok(total >= 30, String(total)));
});
