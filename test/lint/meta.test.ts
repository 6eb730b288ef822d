import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docPath, ruleDoc } from '../../scripts/lint/gen-docs.js';
import { ruleSlug } from '../../src/lint/positions.js';
import { ruleMap, rules } from '../../src/lint/rules/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('lint meta: rule <-> registry <-> doc <-> test', () => {
  it('every rule module is registered under its own id', () => {
    const files = readdirSync(`${root}/src/lint/rules`).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(files.sort(), [...ruleMap.keys()].map(ruleSlug).sort());
    for (const [id, rule] of Object.entries(rules)) assert.equal(rule.id, id);
  });
  it('every rule has a doc page equal to the generated one (run scripts/lint/gen-docs)', () => {
    for (const [id, rule] of ruleMap) {
      const path = docPath(root, id);
      assert.ok(existsSync(path), `missing ${path}`);
      assert.equal(readFileSync(path, 'utf8'), ruleDoc(rule), `${path} is stale: node dist/scripts/lint/gen-docs.js`);
    }
  });
  it('every rule has a rule-tester test file', () => {
    for (const id of ruleMap.keys()) assert.ok(existsSync(`${root}/test/lint/rules/${ruleSlug(id)}.test.ts`), `missing test for ${id}`);
  });
  it('every rule has metadata the docs and SARIF need', () => {
    for (const [id, r] of ruleMap) {
      assert.match(id, /^[a-z]+\/[a-z0-9-]+$/);
      assert.ok(r.meta.description && r.meta.docs.rationale && r.meta.docs.invalid && r.meta.docs.valid, id);
      assert.ok(Object.keys(r.meta.messages).length > 0, id);
    }
  });
});
