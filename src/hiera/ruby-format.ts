import { rubyFloatToS, rubyInspect } from '../value/index.js';

/**
 * The parts of Ruby's Kernel#format, Kernel#Integer and Kernel#Float that Puppet's `new` functions and
 * StringConverter reach with Hiera data: one `%<flags><width>.<prec><letter>` directive per call.
 */

/** An error Ruby raises (ArgumentError); its message is what Puppet reports. */
export class RubyArgumentError extends Error {}

/** A case Ruby handles that hieradrift does not reproduce. */
export class NotModelled extends Error {}

export interface Directive {
  flags: string;
  width?: number;
  prec?: number;
  letter: string;
}

/** Widths and precisions past this would make strings no data file needs, and Node refuses past 512 MB. */
const MAX_FIELD = 10_000;

export function parseDirective(fmt: string): Directive {
  const m = /^%([-+ #0]*)([1-9]\d*)?(?:\.(\d+))?([a-zA-Z])$/.exec(fmt);
  if (!m) throw new NotModelled(`Kernel.format('${fmt}')`);
  if (Number(m[2] ?? 0) > MAX_FIELD || Number(m[3] ?? 0) > MAX_FIELD) throw new NotModelled(`a width or precision over ${MAX_FIELD} in '${fmt}'`);
  return { flags: m[1]!, ...(m[2] && { width: Number(m[2]) }), ...(m[3] !== undefined && { prec: Number(m[3]) }), letter: m[4]! };
}

/** Kernel.format(fmt, value) for one directive. */
export function rubyFormat(fmt: string, value: string | bigint | number | boolean | null): string {
  const d = parseDirective(fmt);
  switch (d.letter) {
    case 's':
      return pad(d, truncate(d, value === null ? '' : typeof value === 'number' ? rubyFloatToS(value) : String(value)));
    case 'p':
      return pad(d, truncate(d, rubyInspect(value)));
    case 'd': case 'i': case 'x': case 'X': case 'o': case 'b': case 'B':
      return formatInteger(d, toInteger(value));
    case 'f': case 'e': case 'E': case 'g': case 'G':
      return formatFloat(d, typeof value === 'bigint' ? Number(value) : (value as number));
    case 'c':
      return pad(d, typeof value === 'bigint' ? String.fromCodePoint(Number(value)) : String(value).slice(0, 1));
    default:
      throw new NotModelled(`Kernel.format('${fmt}')`);
  }
}

function toInteger(v: string | bigint | number | boolean | null): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.floor(v));
  throw new NotModelled(`Kernel.format of ${String(v)} as an integer`);
}

function truncate(d: Directive, s: string): string {
  return d.prec === undefined ? s : [...s].slice(0, d.prec).join('');
}

/** Width padding: spaces, on the right with '-'. */
function pad(d: Directive, s: string): string {
  const n = (d.width ?? 0) - [...s].length;
  if (n <= 0) return s;
  return d.flags.includes('-') ? s + ' '.repeat(n) : ' '.repeat(n) + s;
}

const RADIX: Record<string, number> = { d: 10, i: 10, x: 16, X: 16, o: 8, b: 2, B: 2 };

/** Sign, prefix, digits, padding as Ruby's sprintf.c does for integers. */
function formatInteger(d: Directive, n: bigint): string {
  const radix = RADIX[d.letter]!;
  const upper = d.letter === 'X';
  const signed = radix === 10 || d.flags.includes('+') || d.flags.includes(' ');
  if (n < 0n && !signed) return twosComplement(d, n, radix, upper);
  const sign = n < 0n ? '-' : d.flags.includes('+') ? '+' : d.flags.includes(' ') ? ' ' : '';
  let digits = (n < 0n ? -n : n).toString(radix);
  if (upper) digits = digits.toUpperCase();
  if (d.prec !== undefined) digits = n === 0n && d.prec === 0 ? '' : digits.padStart(d.prec, '0');
  let prefix = '';
  if (d.flags.includes('#') && n !== 0n) {
    if (radix === 8) digits = digits.startsWith('0') ? digits : `0${digits}`;
    else if (radix !== 10) prefix = `0${d.letter}`;
  }
  const body = sign + prefix;
  if (d.flags.includes('0') && !d.flags.includes('-') && d.prec === undefined) return body + digits.padStart((d.width ?? 0) - body.length, '0');
  return pad(d, body + digits);
}

/** A negative number without a sign flag: `..f01`, Ruby's two's complement with the sign digits elided. */
function twosComplement(d: Directive, n: bigint, radix: number, upper: boolean): string {
  const max = (radix - 1).toString(radix);
  const base = BigInt(radix);
  let k = 1n;
  while (base ** k <= -n) k++;
  let digits = (base ** (k + 1n) + n).toString(radix).replace(new RegExp(`^${max}+`), '');
  digits = max + digits;
  const prefix = d.flags.includes('#') ? `0${d.letter}` : '';
  if (d.flags.includes('0') && !d.flags.includes('-')) digits = digits.padStart((d.width ?? 0) - prefix.length - 2, max);
  const s = `${prefix}..${digits}`;
  return pad(d, upper ? s.toUpperCase() : s);
}

/** The exact decimal expansion of a finite double: digits and the power of ten of the last digit. */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = exp === 0 ? frac : frac | (1n << 52n);
  const e2 = (exp === 0 ? 1 : exp) - 1075;
  if (e2 >= 0) return { digits: mant << BigInt(e2), scale: 0 };
  return { digits: mant * 5n ** BigInt(-e2), scale: e2 };
}

/** x rounded half-to-even to `places` decimals, as an integer count of 10^-places. */
function roundedAt(x: number, places: number): bigint {
  const { digits, scale } = exactDecimal(x);
  const shift = places + scale;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const div = 10n ** BigInt(-shift);
  const q = digits / div;
  const r = digits % div;
  if (r * 2n > div || (r * 2n === div && q % 2n === 1n)) return q + 1n;
  return q;
}

function fixed(x: number, prec: number): string {
  const q = roundedAt(x, prec).toString().padStart(prec + 1, '0');
  return prec === 0 ? q : `${q.slice(0, -prec)}.${q.slice(-prec)}`;
}

/** Mantissa digits and decimal exponent of x with prec digits after the point. */
function scientific(x: number, prec: number): { mant: string; exp: number } {
  if (x === 0) return { mant: prec ? `0.${'0'.repeat(prec)}` : '0', exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  let q = roundedAt(x, prec - exp).toString();
  if (q.length > prec + 1) exp++, (q = roundedAt(x, prec - exp).toString());
  else if (q.length < prec + 1) exp--, (q = roundedAt(x, prec - exp).toString());
  return { mant: prec ? `${q[0]}.${q.slice(1)}` : q, exp };
}

function expText(mant: string, exp: number, letter: string): string {
  return `${mant}${letter}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function floatBody(d: Directive, x: number): string {
  const prec = d.prec ?? 6;
  if (d.letter === 'f') return fixed(x, prec);
  if (d.letter === 'e' || d.letter === 'E') {
    const { mant, exp } = scientific(x, prec);
    return expText(mant, exp, d.letter);
  }
  const p = prec === 0 ? 1 : prec;
  const { exp } = scientific(x, p - 1);
  const alt = d.flags.includes('#');
  if (exp < -4 || exp >= p) {
    const s = scientific(x, p - 1);
    return expText(alt ? s.mant : stripZeros(s.mant), s.exp, d.letter === 'G' ? 'E' : 'e');
  }
  const f = fixed(x, p - 1 - exp);
  return alt ? f : stripZeros(f);
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function formatFloat(d: Directive, x: number): string {
  if (!Number.isFinite(x)) return pad(d, Number.isNaN(x) ? 'NaN' : `${x < 0 ? '-' : d.flags.includes('+') ? '+' : ''}Inf`);
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? '-' : d.flags.includes('+') ? '+' : d.flags.includes(' ') ? ' ' : '';
  const body = floatBody(d, Math.abs(x));
  if (d.flags.includes('0') && !d.flags.includes('-')) return sign + body.padStart((d.width ?? 0) - sign.length, '0');
  return pad(d, sign + body);
}

/** Kernel#Integer(str) / Integer(str, radix) for the strings Puppet's Convertible pattern lets through. */
export function rubyInteger(s: string, radix?: number): bigint {
  const m = /^([+-]?)(.*)$/s.exec(s)!;
  const body = parseRadixBody(m[2]!, radix);
  if (body === undefined) throw new RubyArgumentError(`invalid value for Integer(): ${rubyInspect(s)}`);
  return m[1] === '-' ? -body : body;
}

const PREFIXES: Record<string, number> = { x: 16, b: 2, o: 8, d: 10 };

function parseRadixBody(s: string, radix: number | undefined): bigint | undefined {
  let r = radix ?? 10;
  let digits = s;
  const p = /^0([xXbBoOdD])/.exec(s);
  const prefixed = p ? PREFIXES[p[1]!.toLowerCase()]! : undefined;
  if (prefixed !== undefined && (radix === undefined || radix === prefixed)) {
    r = prefixed;
    digits = s.slice(2);
  } else if (radix === undefined && s.length > 1 && s.startsWith('0')) {
    r = 8;
    digits = s.slice(1);
  }
  if (!/^[0-9a-zA-Z]+$/.test(digits)) return undefined;
  let n = 0n;
  for (const c of digits.toLowerCase()) {
    const v = parseInt(c, 36);
    if (v >= r) return undefined;
    n = n * BigInt(r) + BigInt(v);
  }
  return n;
}

/** Kernel#Float(str) for the strings Puppet's Float pattern lets through (decimal, hex, octal-looking). */
export function rubyFloat(s: string): number {
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]+)$/.exec(s);
  if (hex) return (hex[1] === '-' ? -1 : 1) * Number(BigInt(`0x${hex[2]}`));
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return Number(s);
  throw new RubyArgumentError(`invalid value for Float(): ${rubyInspect(s)}`);
}
