import { Binary, RubySymbol, Secret, type HValue } from '../../value/index.js';

/**
 * Whether two Hiera values are the same value as Puppet hands it on: Ruby `eql?` (1 and 1.0 differ) and
 * also the same hash key order and the same sign of a zero, which `eql?` ignores but templates iterating a
 * hash, and the rendered -0.0, do not. eyaml secrets only equal themselves (ciphertexts are randomised).
 */
export function sameValue(a: HValue, b: HValue, depth = 0): boolean {
  if (typeof a === 'number') return typeof b === 'number' && (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)));
  if (a === b) return true;
  if (depth > 64) return false;
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]!, depth + 1));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    const bs = [...b];
    let i = 0;
    for (const [k, v] of a) {
      const [bk, bv] = bs[i++]!;
      if (k !== bk || !sameValue(v, bv, depth + 1)) return false;
    }
    return true;
  }
  if (a instanceof RubySymbol) return b instanceof RubySymbol && a.name === b.name;
  if (a instanceof Binary) return b instanceof Binary && a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  if (a instanceof Secret) return false;
  return false;
}
