import { Binary, RubySymbol, Secret, type HValue } from '../../value/index.js';

/**
 * Ruby `eql?` over Hiera values: 1 and 1.0 differ (a lower level's Integer is not redundant with a Float),
 * hashes compare regardless of order, eyaml secrets only equal themselves (ciphertexts are randomised).
 */
export function sameValue(a: HValue, b: HValue, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 64) return false;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b as number);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]!, depth + 1));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !sameValue(v, b.get(k)!, depth + 1)) return false;
    }
    return true;
  }
  if (a instanceof RubySymbol) return b instanceof RubySymbol && a.name === b.name;
  if (a instanceof Binary) return b instanceof Binary && a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  if (a instanceof Secret) return false;
  return false;
}
