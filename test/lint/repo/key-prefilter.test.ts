import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mayHoldKey } from '../../../src/lint/repo/key-prefilter.js';
import { loadJson, loadYaml } from '../../../src/yaml/index.js';

/** Every string key of the top-level mapping, as the loader (Psych's reading) gives it. */
function topKeys(text: string, json = false): string[] {
  const v = (json ? loadJson(text, 'x.json') : loadYaml(text, 'x.yaml')).value;
  return v instanceof Map ? [...v.keys()].filter((k): k is string => typeof k === 'string') : [];
}

// The ways a key can be written: plain, quoted, escaped, folded, explicit, anchored, aliased, merged, tagged.
const KEYS = [
  'nova::debug', 'a', 'apache::mpm', 'x y', "it''s", 'k#1', '1', ':sym', 'yes', 'ab',
];
const KEY_FORMS = fc.constantFrom(
  ...KEYS.map((k) => `${k}: v\n`),
  ...KEYS.map((k) => `"${k}": v\n`),
  ...KEYS.map((k) => `'${k}': v\n`),
  '"nova::de\\x62ug": v\n', '"a\\u0062": v\n', '"a\\\n  b": v\n', "? |\n  ab\n: v\n", '? a\n  b\n: v\n', "'a\n  b': v\n",
  '&k nova::debug : v\n', '*k : w\n', 'base: &m {apache::mpm: event}\n', '<<: *m\n', '!!str 1: v\n', '? !!binary YWI=\n: v\n',
  '{ab: v, "c": w}\n', '? [a, b]\n: v\n', '# nova::debug: v\n', 'nested:\n  ab: v\n',
);

describe('lint/repo mayHoldKey', () => {
  it('never rules out a key the loader finds at the top level (YAML)', () => {
    fc.assert(fc.property(fc.array(KEY_FORMS, { minLength: 1, maxLength: 5 }), (forms) => {
      const text = forms.join('');
      for (const k of topKeys(text)) assert.ok(mayHoldKey(text, k), `${JSON.stringify(k)} in ${JSON.stringify(text)}`);
    }), { numRuns: 4000 });
  });

  it('never rules out a key the loader finds at the top level (JSON)', () => {
    for (const text of ['{"ab": 1}', '{"a\\u0062": 1}', '{"x\\ty": 1}', '{"nova::debug": true, "b": [1]}']) {
      for (const k of topKeys(text, true)) assert.ok(mayHoldKey(text, k), `${JSON.stringify(k)} in ${text}`);
    }
  });

  it('rules out a plainly spelled key that the text does not hold', () => {
    assert.equal(mayHoldKey('nova::debug: true\n', 'apache::mpm'), false);
    assert.equal(mayHoldKey('nova::debug: true\n', 'nova::debug'), true);
    // Escapes, or a key that folding or quoting may spell otherwise: parse.
    assert.equal(mayHoldKey('"x\\x61": 1\n', 'apache::mpm'), true);
    assert.equal(mayHoldKey('a: 1\n', 'x y'), true);
  });
});
