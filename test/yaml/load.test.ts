import assert from 'node:assert/strict';
import { RubySymbol, isHash, type HHash } from '../../src/value/index.js';
import { loadYaml, type YMap, type YNode } from '../../src/yaml/index.js';

const load = (text: string) => loadYaml(text, 'data/common.yaml');
const hash = (text: string): HHash => {
  const r = load(text);
  assert.equal(r.error, undefined, r.error?.message);
  assert.ok(isHash(r.value));
  return r.value;
};
const pos = (n: YNode, r: ReturnType<typeof load>) => {
  const a = r.lineCounter.position(n.span.start);
  const b = r.lineCounter.position(n.span.end);
  return [a.line, a.column, b.line, b.column];
};

describe('loadYaml', () => {
  describe('values', () => {
    it('keeps Integer and Float apart and big integers exact', () => {
      const h = hash('a: 16\nb: 16.0\nc: 123456789012345678901234567890\n');
      assert.equal(h.get('a'), 16n);
      assert.equal(h.get('b'), 16);
      assert.equal(h.get('c'), 123456789012345678901234567890n);
    });
    it('turns Symbol keys into strings at every depth but keeps Symbol values', () => {
      const h = hash(':a:\n  :b: :c\n');
      const inner = h.get('a');
      assert.ok(isHash(inner));
      assert.ok(inner.get('b') instanceof RubySymbol);
      assert.equal((inner.get('b') as RubySymbol).name, 'c');
    });
    it('reads an ASCII !!binary key as its text (Puppet finds it by name) and says why other binary keys are unreachable', () => {
      const r = load('? !!binary YmluX2tleQ==\n: a\n? !!binary w78=\n: b\n');
      assert.ok(isHash(r.value));
      // Ruby's inspect of the ASCII-8BIT key: its bytes, not decoded text.
      assert.deepEqual([...r.value.keys()], ['bin_key', '"\\xC3\\xBF"']);
      assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.line, d.message]), [
        ['yaml/complex-key', 3, 'binary data with non-ASCII bytes used as a key: no String a lookup names equals it; hieradrift keeps it as the string "\\"\\\\xC3\\\\xBF\\""'],
      ]);
    });
    it('keeps __proto__ and constructor as plain data', () => {
      const h = hash('__proto__: {polluted: 1}\nconstructor: {prototype: 2}\n');
      assert.deepEqual([...h.keys()], ['__proto__', 'constructor']);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
    it('loads an empty or comment-only file as false, with a not-a-hash warning', () => {
      for (const text of ['', '# nothing\n', '---\n']) {
        const r = load(text);
        assert.equal(r.value, false);
        assert.equal(r.root, null);
        assert.deepEqual(r.diagnostics.map((d) => d.ruleId), ['yaml/not-a-hash']);
      }
    });
    it('warns about a non-hash top level', () => {
      const r = load('- a\n- b\n');
      assert.deepEqual(r.value, ['a', 'b']);
      assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.line, d.column]), [['yaml/not-a-hash', 1, 1]]);
    });
  });

  describe('positions', () => {
    it('positions keys and values, quotes and block headers included', () => {
      const r = load('a: 1\nb:\n  c: "x y"\n  d: |\n    text\n');
      const root = r.root as YMap;
      assert.deepEqual(pos(root.pairs[0]!.key, r), [1, 1, 1, 2]);
      assert.deepEqual(pos(root.pairs[0]!.value, r), [1, 4, 1, 5]);
      const inner = root.pairs[1]!.value as YMap;
      assert.deepEqual(pos(inner.pairs[0]!.value, r), [3, 6, 3, 11]);
      assert.equal((inner.pairs[0]!.value as { source: string }).source, '"x y"');
      assert.deepEqual(pos(inner.pairs[1]!.value, r), [4, 6, 5, 9]);
    });
    it('positions flow collections to their closing bracket', () => {
      const r = load('k: [1, {a: b} ]  # c\n');
      const v = (r.root as YMap).pairs[0]!.value;
      assert.deepEqual(pos(v, r), [1, 4, 1, 16]);
    });
    it('counts CRLF lines once', () => {
      const r = load('a: 1\r\nb: 2\r\n');
      assert.deepEqual(pos((r.root as YMap).pairs[1]!.key, r), [2, 1, 2, 2]);
    });
    it('positions a date refusal at the value', () => {
      const r = load('a: 1\nwhen: 2024-01-15\n');
      assert.equal(r.value, undefined);
      assert.equal(r.error?.ruleId, 'yaml/refused');
      assert.deepEqual([r.error?.line, r.error?.column, r.error?.endLine, r.error?.endColumn], [2, 7, 2, 17]);
      assert.match(r.error!.message, /^Puppet refuses this file: timestamps\/dates are not allowed in Hiera data \(Psych: Tried to load unspecified class: Date\)$/);
    });
    it('positions syntax errors', () => {
      const r = load('a: 1\nb: [1, 2\n');
      assert.equal(r.error?.line, 3);
      assert.match(r.error!.message, /YAML syntax error/);
    });
    it('positions duplicate keys at the later key and names the first line', () => {
      const r = load('k: 1\nx: 0\nk: 2\n');
      assert.equal(hash('k: 1\nx: 0\nk: 2\n').get('k'), 2n);
      const d = r.diagnostics.find((x) => x.ruleId === 'yaml/duplicate-key')!;
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [3, 1, 3, 2]);
      assert.match(d.message, /first at line 1/);
    });
    it('keeps duplicate keys as separate pairs in the tree', () => {
      const r = load('k: 1\nk: 2\n');
      assert.equal((r.root as YMap).pairs.length, 2);
    });
  });

  describe('Psych structure quirks', () => {
    it('applies << in document order (keys before it are overwritten)', () => {
      const h = hash('b: &b {x: 1, y: 2}\nz: {y: 3, <<: *b}\n');
      assert.deepEqual([...(h.get('z') as HHash)], [['y', 2n], ['x', 1n]]);
      const r = load('b: &b {x: 1, y: 2}\nz: {y: 3, <<: *b}\n');
      assert.ok(r.diagnostics.some((d) => d.ruleId === 'yaml/merge-overrides-key' && d.line === 2 && d.column === 5));
    });
    it('reads only the first entry after a BOM, and refuses BOM + ---', () => {
      const r = load('\uFEFFa: 1\nb: 2\n');
      assert.deepEqual([...(r.value as HHash)], [['a', 1n]]);
      assert.equal(r.diagnostics[0]?.ruleId, 'yaml/bom-truncation');
      const refused = load('\uFEFF---\na: 1\n');
      assert.equal(refused.value, undefined);
      assert.equal(refused.error?.line, 1);
    });
    it('uses the first document only', () => {
      const r = load('a: 1\n---\nb: [\n');
      assert.deepEqual([...(r.value as HHash)], [['a', 1n]]);
      assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.line]), [['yaml/multi-document', 2]]);
    });
  });

  describe('bounds', () => {
    it('refuses a nested alias bomb quickly, positioned at the alias that crosses the budget', () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
      }
      const t = Date.now();
      const r = load(levels.join('\n') + '\n');
      assert.ok(Date.now() - t < 1000);
      assert.equal(r.value, undefined);
      assert.match(r.error!.message, /aliases expand to more than 1000000 nodes/);
      // Up to f the aliases add 672,588 nodes; the first *f in g (597,871 more) crosses 1,000,000.
      assert.equal(r.error!.line, 7);
      assert.equal(r.error!.column, 8);
    });
    it('honours a smaller alias budget', () => {
      const r = loadYaml('a: &a [1, 2, 3]\nb: [*a, *a]\n', 'f.yaml', { maxAliasExpansion: 5 });
      assert.deepEqual([r.error?.line, r.error?.column], [2, 9]);
    });
    it('refuses 10,000-deep flow sequences and mappings with a position, without overflowing the stack', () => {
      for (const text of ['k: ' + '['.repeat(10_000) + ']'.repeat(10_000), 'k: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
        const r = load(text);
        assert.equal(r.value, undefined);
        assert.match(r.error!.message, /deeper than 1000 levels/);
        assert.equal(r.error!.line, 1);
        assert.ok(r.error!.column > 1000);
      }
    });
    it('refuses 10,000-deep block nesting', () => {
      const r = load('- '.repeat(10_000) + 'x\n');
      assert.match(r.error!.message, /deeper than 1000 levels/);
    });
    it('refuses aliases that nest beyond the depth bound', () => {
      let text = 'a0: &a0 ' + '['.repeat(600) + ']'.repeat(600) + '\n';
      text += 'a1: &a1 ' + '['.repeat(600) + '*a0' + ']'.repeat(600) + '\n';
      const r = load(text);
      assert.match(r.error!.message, /alias \*a0 nests data deeper than 1000 levels/);
      assert.equal(r.error!.line, 2);
    });
    it('refuses recursive aliases and unknown aliases', () => {
      assert.match(load('k: &a [*a]\n').error!.message, /recursive/);
      assert.match(load('k: &a {x: *a}\n').error!.message, /recursive/);
      assert.match(load('k: *nope\n').error!.message, /Unknown alias: nope/);
    });
    it('refuses input over the byte limit', () => {
      const r = loadYaml('k: ' + 'x'.repeat(100) + '\n', 'f.yaml', { maxBytes: 50 });
      assert.match(r.error!.message, /larger than 50 bytes/);
    });
  });
});
