import { RubySymbol, type HValue } from '../value/types.js';

/**
 * Psych 4.0.3 `ScalarScanner#tokenize`, rule for rule and in Psych's order
 * (/usr/lib/ruby/3.1.0/psych/scalar_scanner.rb). Applies to plain scalars and to
 * scalars whose tag Psych does not know.
 */

/** Psych would instantiate a class Puppet does not permit (Date, Time, Regexp...). */
export class DisallowedClass extends Error {
  constructor(readonly className: string) {
    super(`Tried to load unspecified class: ${className}`);
  }
}

/** A Ruby ArgumentError/TypeError raised while converting a scalar (e.g. `Integer("0b")`). */
export class ScalarConversionError extends Error {}

// Ruby's [[:alpha:]] is Unicode Alphabetic; Ruby's \s is ASCII whitespace only.
const STRING_FAST = /^[^\d.:-]?[\p{Alphabetic}_ \t\r\n\f\v!@#$%^&*(){}<>|/\\~;=]+/u;
const TIME =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t\r\n\f\v]+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:[ \t\r\n\f\v]*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const DATE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/;
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/;
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const FLOAT = /^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$/;
const INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;

/** Symbols are interned per load so that equal symbols are the same Map key, as in Ruby. */
export type SymbolTable = Map<string, RubySymbol>;

export function symbolize(name: string, table: SymbolTable): RubySymbol {
  let s = table.get(name);
  if (!s) {
    s = new RubySymbol(name);
    table.set(name, s);
  }
  return s;
}

/** Throws DisallowedClass or ScalarConversionError exactly where Psych raises. */
export function tokenize(s: string, symbols: SymbolTable): HValue {
  if (s === '') return null;
  if (STRING_FAST.test(s) || s.includes('\n')) {
    if (s.length > 5) return s;
    // Ruby's ^ and $ are line anchors: a short multi-line plain scalar can still be a boolean.
    if (/^[^ytonf~]/im.test(s)) return s;
    if (s === '~' || /^null$/im.test(s)) return null;
    if (/^(yes|true|on)$/im.test(s)) return true;
    if (/^(no|false|off)$/im.test(s)) return false;
    return s;
  }
  if (TIME.test(s)) throw new DisallowedClass('Time');
  if (DATE.test(s)) throw new DisallowedClass('Date');
  if (/^\+?\.inf$/i.test(s)) return Infinity;
  if (/^-\.inf$/i.test(s)) return -Infinity;
  if (/^\.nan$/i.test(s)) return NaN;
  if (/^:./.test(s)) {
    const quoted = /^:(["'])(.*)\1/.exec(s);
    const name = quoted ? quoted[2]! : s.slice(1);
    return symbolize(quoted ? name.replace(/^:/, '') : name, symbols);
  }
  if (SEXAGESIMAL_INT.test(s)) {
    const parts = s.split(':');
    let total = 0n;
    parts.forEach((p, i) => (total += rubyToI(p) * 60n ** BigInt(Math.abs(i - 2))));
    return total;
  }
  if (SEXAGESIMAL_FLOAT.test(s)) {
    const parts = s.split(':');
    let total = 0;
    parts.forEach((p, i) => (total += rubyToF(p) * 60 ** Math.abs(i - 2)));
    return total;
  }
  if (FLOAT.test(s)) {
    if (/^[-+]?\.$/.test(s)) return s;
    return rubyFloat(s.replace(/[,_]|\.([Ee]|$)/g, '$1'));
  }
  if (INTEGER.test(s)) return rubyInteger(s.replace(/[,_]/g, ''));
  return s;
}

/** Ruby `String#to_i`: leading digits with single underscores between them, else 0. */
export function rubyToI(s: string): bigint {
  const m = /^[ \t\n\v\f\r]*([-+]?)(\d+(?:_\d+)*)/.exec(s);
  if (!m) return 0n;
  const v = BigInt(m[2]!.replace(/_/g, ''));
  return m[1] === '-' ? -v : v;
}

/** Ruby `String#to_f` (the forms Psych hands it: digits, underscores, one dot). */
export function rubyToF(s: string): number {
  const m = /^[ \t\n\v\f\r]*([-+]?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?(?:[eE][-+]?\d+(?:_\d+)*)?)/.exec(s);
  return m ? Number(m[1]!.replace(/_/g, '')) : 0;
}

/** Ruby `Kernel#Float(string)`: strict; raises ArgumentError on anything else. */
export function rubyFloat(s: string): number {
  const t = s.trim();
  const hex = /^([-+]?)0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)$/.exec(t);
  if (hex) {
    const v = Number(BigInt('0x' + hex[2]!.replace(/_/g, '')));
    return hex[1] === '-' ? -v : v;
  }
  if (/^[-+]?(?:\d+(?:_\d+)*)?(?:\.\d+(?:_\d+)*)?(?:[eE][-+]?\d+(?:_\d+)*)?$/.test(t) && /\d/.test(t.split(/[eE]/)[0]!)) {
    return Number(t.replace(/_/g, ''));
  }
  throw new ScalarConversionError(`invalid value for Float(): ${JSON.stringify(s)}`);
}

/** Ruby `Kernel#Integer(string)` for the forms Psych's INTEGER regex admits. */
export function rubyInteger(s: string): bigint {
  const m = /^([-+]?)(0b|0x|0)?(.*)$/.exec(s)!;
  const [, sign, prefix, digits] = m;
  let v: bigint;
  if (prefix === '0b' || prefix === '0x') {
    if (!digits) throw new ScalarConversionError(`invalid value for Integer(): ${JSON.stringify(s)}`);
    v = BigInt(prefix + digits);
  } else if (prefix === '0') {
    v = digits ? BigInt('0o' + digits) : 0n;
  } else {
    v = BigInt(digits!);
  }
  return sign === '-' ? -v : v;
}
