import assert from 'node:assert/strict';
import { RubySymbol, type HHash } from '../../src/value/index.js';
import { loadJson, loadYaml, type YMap } from '../../src/yaml/index.js';

describe('loadYaml options (facts files)', () => {
  it('stripBom reads a BOM file whole, as Puppet reads facts (bom|utf-8)', () => {
    const r = loadYaml('\uFEFFa: 1\nb: 2\n', 'facts.yaml', { stripBom: true });
    assert.deepEqual([...(r.value as HHash).keys()], ['a', 'b']);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual([r.lineCounter.position((r.root as YMap).pairs[1]!.key.span.start)], [{ line: 2, column: 1 }]);
  });
  it('permitSymbols: false refuses symbols at their position', () => {
    const r = loadYaml('a: 1\nb: :x\n', 'facts.yaml', { permitSymbols: false });
    assert.deepEqual([r.error?.line, r.error?.column], [2, 4]);
    assert.match(r.error!.message, /Tried to load unspecified class: Symbol/);
    assert.ok((loadYaml('b: :x\n', 'data.yaml').value as HHash).get('b') instanceof RubySymbol);
  });
});

describe('loadJson (json_data)', () => {
  it('positions keys and values', () => {
    const r = loadJson('{\n  "a": [1, 2.5],\n  "b": {"c": null}\n}\n', 'data.json');
    const root = r.root as YMap;
    const at = (o: number) => r.lineCounter.position(o);
    assert.deepEqual(at(root.pairs[1]!.key.span.start), { line: 3, column: 3 });
    assert.deepEqual(at(root.pairs[0]!.value.span.end), { line: 2, column: 16 });
    assert.equal((r.value as HHash).get('a') instanceof Array, true);
  });
  it('refuses with a position and keeps the last duplicate', () => {
    const bad = loadJson('{"a": 1,\n "b": NaN}', 'data.json');
    assert.deepEqual([bad.error?.line, bad.error?.column], [2, 7]);
    const dup = loadJson('{"a": 1, "a": 2}', 'data.json');
    assert.equal((dup.value as HHash).get('a'), 2n);
    assert.equal(dup.diagnostics[0]?.ruleId, 'yaml/duplicate-key');
  });
  it('refuses nesting deeper than Ruby JSON max_nesting (100)', () => {
    const r = loadJson('{"a":' + '['.repeat(150) + ']'.repeat(150) + '}', 'deep.json');
    assert.match(r.error!.message, /nesting of 101 is too deep/);
  });
});
