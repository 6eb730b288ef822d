import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { tokenize, unclosedStarts } from '../../../src/lint/repo/interpolation.js';

/** Puppet's own reading, as the regular expression Hiera uses. */
function reference(s: string): { start: number; end: number; expr: string }[] {
  return [...s.matchAll(/%\{([^}]*)\}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, expr: m[1]!.trim() }));
}

describe('lint/repo interpolation tokens', () => {
  const pieces = fc.constantFrom('%', '{', '}', '%{', 'a', ' ', '.', "lookup('k')", 'alias("x")', 'lookup(k)', '::', 'facts.os', '%{%{', '}}', 'x');

  it('finds the tokens Puppet\'s regular expression finds, in any text', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (s) => {
      const got = tokenize(s).map((t) => ({ start: t.start, end: t.end, expr: t.expr }));
      assert.deepEqual(got, reference(s));
    }), { numRuns: 3000 });
  });

  it('reads method calls and bad method calls the same for a repeated expression', () => {
    const a = tokenize("%{lookup('a::b')} and %{lookup('a::b')}");
    assert.deepEqual(a.map((t) => t.method), [{ name: 'lookup', arg: 'a::b' }, { name: 'lookup', arg: 'a::b' }]);
    const b = tokenize('%{ lookup(a) }x');
    assert.equal(b[0]!.badMethodCall, 'lookup');
    assert.equal(b[0]!.expr, 'lookup(a)');
  });

  it('reports each unclosed %{ and none inside a token', () => {
    assert.deepEqual(unclosedStarts('%{a} %{b'), [5]);
    assert.deepEqual(unclosedStarts('%{%{a}'), []);
    assert.deepEqual(unclosedStarts('x %{ y %{'), [2, 7]);
  });
});
