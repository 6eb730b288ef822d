import { strict as assert } from 'node:assert';
import { fastFacts } from '../../../src/lint/repo/fast-facts.js';
import type { HValue } from '../../../src/value/index.js';
import { loadYaml } from '../../../src/yaml/index.js';

/** Ordered, type-tagged form so key order and string-vs-other types both count. */
function shape(v: HValue | undefined): unknown {
  if (v instanceof Map) return [...v].map(([k, x]) => [typeof k, k, shape(x)]);
  return [typeof v, v];
}

const TYPICAL = 'name: node1.example.com\nvalues:\n  role: role1\n  fqdn: node1.example.com\n  os:\n    family: RedHat\n    release:\n      major: "9"\n  kernel: \'Linux\'\n';

// Each input either takes the fast path with the full loader's exact value, or falls back (undefined).
const CASES = [
  TYPICAL,
  'a: b\nc:\n  d: e\n  f:\n    g: h\n  i: j\nk: l\n',
  'a: yes\n', 'a: On\n', 'a: NULL\n', 'a: y\n', 'yes: a\n', 'a: 12\n', 'a: 1.5\n', 'a: 0x1f\n', 'a: .inf\n', 'a: ~\n',
  'a: 2024-01-01\n', 'a: :sym\n', 'a: b # c\n', 'a: &x b\nc: *x\n', 'a: !!str 1\n', '---\na: b\n', 'a: b\n---\nc: d\n',
  'a:\n- b\n', 'a: [b]\n', 'a: {b: c}\n', 'a: "b\\nc"\n', "a: 'it''s'\n", 'a: |\n  b\n', 'a:\nb: c\n', 'a: b\na: c\n',
  ' a: b\n', 'a:\n  b: c\n d: e\n', 'a: b\r\nc: d\r\n', '\uFEFFa: b\n', 'a: b \n', 'a: "x: y"\n', "a: 'x #y'\n", '',
  'a:\n', 'a: b\n\n\nc:\n\n  d: e-f.g_h\n', 'a: node-1.\n', 'a: "%{x}"\n', 'a:\tb\n', 'a: b:c\n', 'a: "yes"\n', "a: 'null'\n",
];

describe('lint repo: facts fast path', () => {
  it('agrees with the full loader wherever it answers', () => {
    for (const text of CASES) {
      const fast = fastFacts(text);
      if (fast === undefined) continue;
      const full = loadYaml(text, 'facts/x.yaml');
      assert.equal(full.error, undefined, JSON.stringify(text));
      assert.deepEqual(shape(fast), shape(full.value), JSON.stringify(text));
    }
  });

  it('takes the fast path for the usual puppet facts shape', () => {
    assert.ok(fastFacts(TYPICAL) instanceof Map);
    assert.ok(fastFacts('a: b\nc:\n  d: e\n') instanceof Map);
  });

  it('leaves every scalar Psych may read as non-string to the full loader', () => {
    for (const text of ['a: yes\n', 'a: Off\n', 'a: null\n', 'a: 12\n', 'a: 1.5\n', 'a: ~\n', 'a: 2024-01-01\n', 'a: :sym\n', 'on: x\n', 'a:\n']) {
      assert.equal(fastFacts(text), undefined, JSON.stringify(text));
    }
  });
});
