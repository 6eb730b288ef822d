import { strict as assert } from 'node:assert';
import { interpolate, splitKey, type InterpolationHost } from '../../src/hiera/index.js';
import type { HValue } from '../../src/value/index.js';

function host(vars: Record<string, HValue>, data: Record<string, HValue> = {}): InterpolationHost & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    stack: [],
    scopeVar: (n) => (n in vars ? vars[n] : undefined),
    lookup: (k) => (k in data ? data[k]! : ''),
    warn: (m) => warnings.push(m),
  };
}

describe('interpolation', () => {
  const facts = new Map<string, HValue>([
    ['os', new Map<string, HValue>([['family', 'Debian'], ['a.b', 'dotted']])],
    ['list', ['x', 'y']],
  ]);
  const vars = { facts, hostname: 'n1', n: 1.0e20, h: new Map<string, HValue>([['a', 1n]]) };

  it('splits keys with quoted segments and Integer segments', () => {
    assert.deepEqual(splitKey(`a.'b.c'.0`), ['a', 'b.c', 0n]);
    assert.deepEqual(splitKey('a."b c"'), ['a', 'b c']);
    assert.equal(splitKey('a..b'), undefined);
    assert.deepEqual(splitKey('x.:1'), ['x', 0n]);
  });

  it('resolves scope forms and renders non-strings as Ruby to_s', () => {
    const h = host(vars);
    assert.equal(interpolate('%{::hostname}/%{facts.os.family}/%{facts.os."a.b"}/%{facts.list.1}', h, true), 'n1/Debian/dotted/y');
    assert.equal(interpolate('%{n} %{facts.list} %{h}', h, true), '1.0e+20 ["x", "y"] {"a"=>1}');
  });

  it('undefined variables give "" with a warning; %{} and literal escape', () => {
    const h = host(vars);
    assert.equal(interpolate('a%{nosuch}b a%%{}{b} %{literal(\'%\')}{x}', h, true), 'ab a%{b} %{x}');
    assert.deepEqual(h.warnings, ["Undefined variable 'nosuch'; "]);
  });

  it('alias keeps the type only as the whole string', () => {
    const h = host(vars, { arr: [1n, 2n] });
    assert.deepEqual(interpolate("%{alias('arr')}", h, true), [1n, 2n]);
    assert.throws(() => interpolate("x%{alias('arr')}", h, true), /only permitted if the expression is equal to the entire string/);
  });

  it('refuses methods in hierarchy strings and unknown methods', () => {
    assert.throws(() => interpolate("%{lookup('a')}", host(vars), false), /method syntax is not allowed/);
    assert.throws(() => interpolate("%{frob('a')}", host(vars), true), /Unknown interpolation method 'frob'/);
  });

  it('detects recursion through a fact that interpolates itself', () => {
    assert.throws(() => interpolate('%{selfref}', host({ selfref: '%{selfref}' }), true), /Recursive lookup detected in \[scope:selfref\]/);
  });

  it('interpolates nested hash keys', () => {
    const v = interpolate(new Map([['k_%{hostname}', '%{hostname}']]), host(vars), true) as Map<string, HValue>;
    assert.deepEqual([...v], [['k_n1', 'n1']]);
  });
});
