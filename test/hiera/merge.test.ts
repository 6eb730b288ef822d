import { strict as assert } from 'node:assert';
import { NOT_FOUND, strategyFor, type Found } from '../../src/hiera/merge.js';
import { deepMerge } from '../../src/hiera/deep-merge.js';
import type { HValue } from '../../src/value/index.js';

const h = (o: Record<string, HValue>): Map<string, HValue> => new Map(Object.entries(o));
const lookupAll = (name: string | Map<string, HValue>, values: Found[]): Found => strategyFor(name).lookup(values, (v) => v);

describe('merge strategies on the value model', () => {
  it('unique: higher first, flattened, eql? dedup (1, 1.0 and "1" differ)', () => {
    assert.deepEqual(lookupAll('unique', [[1n, 'a'], NOT_FOUND, [[1.0, '1'], 1n]]), [1n, 'a', 1.0, '1']);
  });

  it('unique: a single array is only uniq-ed (nested duplicates survive), a scalar found once stays a scalar', () => {
    assert.deepEqual(lookupAll('unique', [[1n, 1n, [2n, 2n]]]), [1n, [2n, 2n]]);
    assert.equal(lookupAll('unique', ['hello']), 'hello');
  });

  it('unique: a hash in a lower level is refused', () => {
    assert.throws(() => lookupAll('unique', [[1n], h({ a: 1n })]), /The second element of the merge has wrong type, expects a value of type Scalar or Array, got Struct/);
  });

  it('hash: keys of the lowest level first, values from the highest', () => {
    const r = lookupAll('hash', [h({ g: 1n, shared: 'global' }), h({ e: 1n, shared: 'env' })]) as Map<string, HValue>;
    assert.deepEqual([...r], [['e', 1n], ['shared', 'global'], ['g', 1n]]);
  });

  it('hash: a non-hash among several values fails', () => {
    assert.throws(() => lookupAll('hash', ['s', h({})]), /The first element of the merge has wrong type, expects a Hash value, got String/);
  });

  it('deep: lower array elements first, higher nil never overrides, higher-only arrays are deduplicated', () => {
    const r = lookupAll('deep', [h({ a: [1n, 2n], n: null, o: [5n, 5n] }), h({ a: [2n, 3n], n: 5n, p: [6n, 6n] })]) as Map<string, HValue>;
    assert.deepEqual(r.get('a'), [2n, 3n, 1n]);
    assert.equal(r.get('n'), 5n);
    assert.deepEqual(r.get('o'), [5n]);
    assert.deepEqual(r.get('p'), [6n, 6n]);
  });

  it('deep: knockout reaches only the next value merged in', () => {
    const ko = h({ strategy: 'deep', knockout_prefix: '--' });
    assert.deepEqual(lookupAll(ko, [['--x', 'y'], ['x', 'z'], ['x', 'w']]), ['x', 'w', 'z', 'y']);
  });

  it('deep: a knockout string against a scalar gives ""', () => {
    assert.equal(deepMerge('--5', 5n, { knockoutPrefix: '--' }), '');
  });

  it('deep: sort_merged_arrays with mixed types raises as Ruby does', () => {
    assert.throws(() => lookupAll(h({ strategy: 'deep', sort_merged_arrays: true }), [['b', 1n], ['a']]), /comparison of/);
  });

  it('deep: merge_hash_arrays merges position-wise only when every element is a hash', () => {
    const mha = h({ strategy: 'deep', merge_hash_arrays: true });
    const r = lookupAll(mha, [[h({ a: 1n }), h({ b: 1n })], [h({ a: 2n, c: 3n })]]) as HValue[];
    assert.deepEqual(r.map((x) => [...(x as Map<string, HValue>)]), [[['a', 1n], ['c', 3n]], [['b', 1n]]]);
  });

  it('validates strategy names and options with Puppet messages', () => {
    assert.throws(() => strategyFor('bogus'), /Unknown merge strategy: 'bogus'/);
    assert.throws(() => strategyFor(h({ knockout_prefix: '--' })), /must contain the name of a strategy/);
    assert.throws(() => strategyFor(h({ strategy: 'unique', x: 1n })), /unrecognized key 'x'/);
    assert.throws(() => strategyFor(h({ strategy: 'deep', knockout_prefix: '' })), /knockout_prefix cannot be an empty string/);
  });
});
