import { Secret, type HHash, type HValue } from '../value/types.js';
import { isSecretKey } from './names.js';
import { encScheme, maskText } from './text.js';

/**
 * A data value as it may be printed (lookup, resolve, dump): everything under a secret-looking key (scalars,
 * and whole hashes and arrays, so a Puppet resource hash's `value` goes too) becomes a Secret, a string that is
 * one eyaml block becomes a Secret of its scheme, and other strings lose eyaml blocks and URL passwords.
 * Booleans and nil stay: they cannot hold a secret. `key` is the key the value was found under.
 */
export function maskValue(v: HValue, key?: string, origin = ''): HValue {
  if (v === null || typeof v === 'boolean' || v instanceof Secret) return v;
  if (key !== undefined && isSecretKey(key)) return new Secret('key', origin || key);
  if (typeof v === 'string') {
    const scheme = encScheme(v);
    return scheme ? new Secret(scheme, origin) : maskText(v);
  }
  if (Array.isArray(v)) return v.map((x) => maskValue(x, undefined, origin));
  if (v instanceof Map) {
    const out: HHash = new Map();
    for (const [k, x] of v) out.set(typeof k === 'string' ? maskText(k) : k, maskValue(x, typeof k === 'string' ? k : undefined, origin));
    return out;
  }
  return v;
}
