import { SECRET_MASK } from '../security/text.js';
import { HieradriftError } from '../source/errors.js';
import { Binary, RubySymbol, Secret, isHash, type HKey, type HValue } from './types.js';
import { RUBY_NONPRINT } from './ruby-nonprint.js';

/** Ruby `Float#to_s`: `1.0`, `1.0e+20`, `1.5e-07`, fixed notation only for exponents -4 < e <= 15. */
export function rubyFloatToS(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return 'Infinity';
  if (f === -Infinity) return '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  const sign = f < 0 ? '-' : '';
  const [mant, exp] = Math.abs(f).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt > -4 && decpt <= 15) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (digits.length <= decpt) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const e = decpt - 1;
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

const JSON_ESCAPED = /["\\\u0000-\u001f]/;
const JSON_NAMED: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function jsonString(s: string): string {
  // Ruby's JSON generator escapes only '"', '\\' and control characters; UTF-8 stays as is. Most strings need none.
  if (!JSON_ESCAPED.test(s)) return `"${s}"`;
  return `"${s.replace(/["\\\u0000-\u001f]/g, (c) => JSON_NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

function binaryText(b: Binary, forJson: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b.bytes);
  } catch {
    if (forJson) throw new HieradriftError('input', 'source sequence is illegal/malformed utf-8 (binary data cannot be rendered as JSON)');
    return Buffer.from(b.bytes).toString('latin1');
  }
}

function jsonKey(k: HKey): string {
  if (k === null) return '';
  if (k instanceof RubySymbol) return k.name;
  if (typeof k === 'number') return rubyFloatToS(k);
  return String(k);
}

/**
 * `puppet lookup --render-as json`: compact, key order kept, Floats in Ruby form, Integers exact,
 * keys as strings. NaN and Infinity are refused as Ruby's JSON generator refuses them.
 */
export function renderJson(v: HValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new HieradriftError('input', `${rubyFloatToS(v)} not allowed in JSON`);
    return rubyFloatToS(v);
  }
  if (typeof v === 'string') return jsonString(v);
  if (Array.isArray(v)) {
    // Concatenation rather than map/join: a fleet renders hundreds of thousands of values.
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + renderJson(v[i]!);
    return out + ']';
  }
  if (isHash(v)) {
    let out = '{';
    let first = true;
    for (const [k, x] of v) {
      out += (first ? '' : ',') + jsonString(jsonKey(k)) + ':' + renderJson(x);
      first = false;
    }
    return out + '}';
  }
  if (v instanceof RubySymbol) return jsonString(v.name);
  if (v instanceof Secret) return jsonString(SECRET_MASK);
  return jsonString(binaryText(v, true));
}

const INSPECT_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\v': '\\v', '\b': '\\b', '\x07': '\\a', '\x1b': '\\e',
};

/**
 * What the loop below changes. Strings without any print as they are (the common case): no character below
 * U+0378 other than these is escaped, and above it the loop consults Ruby's table.
 */
const INSPECT_SPECIAL = /["\\\x00-\x1f\x7f-\x9f]|#[{$@]|[^\x00-\u0377]/;

/** Whether Ruby's inspect escapes the code point (binary search over its table). */
export function isRubyNonPrint(cp: number): boolean {
  let lo = 0;
  let hi = RUBY_NONPRINT.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < RUBY_NONPRINT[2 * mid]!) hi = mid - 1;
    else if (cp > RUBY_NONPRINT[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Ruby's `\uXXXX` / `\u{XXXXX}` for a non-printable code point of a UTF-8 string. */
function unicodeEscape(cp: number): string {
  const hex = cp.toString(16).toUpperCase();
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** Ruby `String#inspect` for a UTF-8 string. */
export function inspectString(s: string): string {
  if (!INSPECT_SPECIAL.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (INSPECT_ESCAPES[c]) out += INSPECT_ESCAPES[c];
    else if (c === '#' && /[{$@]/.test(s[i + 1] ?? '')) out += '\\#';
    else if (isRubyNonPrint(cp)) out += unicodeEscape(cp);
    else out += String.fromCodePoint(cp);
  }
  return out + '"';
}

/** Ruby `String#inspect` for an ASCII-8BIT string (`!!binary`): bytes outside printable ASCII as `\xHH`. */
function inspectBinary(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const c = String.fromCharCode(b);
    if (INSPECT_ESCAPES[c]) out += INSPECT_ESCAPES[c];
    else if (c === '#' && [0x7b, 0x24, 0x40].includes(bytes[i + 1] ?? 0)) out += '\\#';
    else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += c;
  }
  return out + '"';
}

function inspectSymbol(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*[?!=]?$/.test(name) ? `:${name}` : `:${inspectString(name)}`;
}

/** Ruby `inspect` (Ruby 3.1: `{"a"=>1, 2=>[1, nil]}`). */
export function rubyInspect(v: HValue): string {
  if (v === null) return 'nil';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return rubyFloatToS(v);
  if (typeof v === 'string') return inspectString(v);
  if (Array.isArray(v)) return `[${v.map(rubyInspect).join(', ')}]`;
  if (isHash(v)) return `{${[...v].map(([k, x]) => `${rubyInspect(k)}=>${rubyInspect(x)}`).join(', ')}}`;
  if (v instanceof RubySymbol) return inspectSymbol(v.name);
  if (v instanceof Secret) return 'Sensitive [value redacted]';
  return inspectBinary(v.bytes);
}

/** Ruby `to_s` as Hiera interpolation stringifies a value (nil is '', collections use inspect). */
export function rubyToS(v: HValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof RubySymbol) return v.name;
  if (v instanceof Binary) return binaryText(v, false);
  return rubyInspect(v);
}

/**
 * Ruby `==` as Hiera compares values: Integer 1 == Float 1.0 (numeric equality), Hash
 * equality ignores key order, Secrets are equal only to themselves. For `eql?` (keys) use Map identity.
 */
export function valueEquals(a: HValue, b: HValue): boolean {
  if (a === b) return true;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    if (typeof a === 'number' && typeof b === 'number') return a === b;
    const f = typeof a === 'number' ? a : (b as number);
    const i = typeof a === 'bigint' ? a : (b as bigint);
    return Number.isInteger(f) && BigInt(f) === i;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valueEquals(x, b[i]!));
  if (isHash(a) && isHash(b)) {
    if (a.size !== b.size) return false;
    for (const [k, x] of a) if (!b.has(k) || !valueEquals(x, b.get(k)!)) return false;
    return true;
  }
  if (a instanceof RubySymbol && b instanceof RubySymbol) return a.name === b.name;
  if (a instanceof Binary && b instanceof Binary) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  return false;
}

export { renderYaml } from './render-yaml.js';
