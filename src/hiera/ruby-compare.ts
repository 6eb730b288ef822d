import { Secret, type HValue } from '../value/index.js';
import { LookupError } from './errors.js';

/** Ruby `eql?` (Integer 1, Float 1.0 and "1" are distinct), the equality of Array#| and #uniq. */
export function rubyEql(a: HValue, b: HValue): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b as number));
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => rubyEql(x, b[i]!));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !rubyEql(v, b.get(k)!)) return false;
    }
    return true;
  }
  if (a instanceof Secret && b instanceof Secret) return a.origin === b.origin;
  return false;
}

function primitiveKey(v: HValue): string | undefined {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'bigint':
      return 'i' + v;
    case 'number':
      return 'f' + v;
    case 'boolean':
      return 'b' + v;
    default:
      return v === null ? 'n' : undefined;
  }
}

/** Ruby `a | b`: a's distinct elements in order, then b's new ones. */
export function rubyUnion(a: readonly HValue[], b: readonly HValue[]): HValue[] {
  const out: HValue[] = [];
  const seen = new Set<string>();
  const complex: HValue[] = [];
  for (const v of [...a, ...b]) {
    const k = primitiveKey(v);
    if (k !== undefined) {
      if (seen.has(k)) continue;
      seen.add(k);
    } else {
      if (complex.some((c) => rubyEql(c, v))) continue;
      complex.push(v);
    }
    out.push(v);
  }
  return out;
}

/** The Ruby class of a value, as error messages name it. */
export function rubyClassName(v: HValue): string {
  if (v === null) return 'NilClass';
  if (v === true) return 'TrueClass';
  if (v === false) return 'FalseClass';
  if (typeof v === 'bigint') return 'Integer';
  if (typeof v === 'number') return 'Float';
  if (typeof v === 'string') return 'String';
  if (Array.isArray(v)) return 'Array';
  if (v instanceof Map) return 'Hash';
  return 'Object';
}

/** Ruby `<=>` as Array#sort! uses it; incomparable pairs raise ArgumentError as Ruby does. */
export function rubyCompare(a: HValue, b: HValue): number {
  const num = (v: HValue): v is bigint | number => typeof v === 'bigint' || typeof v === 'number';
  if (num(a) && num(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return Buffer.compare(x, y);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = rubyCompare(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  // rb_cmperr: immediates (nil, booleans, small Integers, Floats) are shown by inspect, others by class.
  const shown = b === null || typeof b === 'boolean' || typeof b === 'bigint' || typeof b === 'number' ? String(b ?? 'nil') : rubyClassName(b);
  throw new LookupError(`comparison of ${rubyClassName(a)} with ${shown} failed`);
}
