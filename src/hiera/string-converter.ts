import { Secret, type HValue } from '../value/index.js';
import { NotModelled, RubyArgumentError, rubyFormat } from './ruby-format.js';

/**
 * Puppet's StringConverter (puppet/pops/types/string_converter.rb), which `new(String, value, format)`
 * calls: Puppet-syntax rendering of data, and `%<flags><width>.<prec><letter>` formats per value type.
 * A format given as a string applies to the value itself (for an Array or Hash, to the container);
 * elements use `%p` and nested containers the top-level container format, as Puppet's format map does.
 */
export interface Format {
  orig: string;
  letter: string;
  left: boolean;
  alt: boolean;
  plus: 'space' | 'plus' | 'ignore';
  width?: number;
  prec?: number;
  delimiters?: string;
}

const FMT_PATTERN = /^%([\s[+#0{<(|-]*)([1-9][0-9]*)?(?:\.([0-9]+))?([a-zA-Z])$/;
const DELIMITERS = ['[', '{', '(', '<', '|'];
const DELIMITER_MAP: Record<string, [string, string]> = { '[': ['[', ']'], '{': ['{', '}'], '(': ['(', ')'], '<': ['<', '>'], '|': ['|', '|'], space: ['', ''] };

/** Format.new: Puppet's validation and its messages. */
export function parseFormat(fmt: string): Format {
  const m = FMT_PATTERN.exec(fmt);
  if (!m) throw new RubyArgumentError(`The format '${fmt}' is not a valid format on the form '%<flags><width>.<prec><format>'`);
  const flags = [...m[1]!];
  if (new Set(flags).size !== flags.length) throw new RubyArgumentError(`The same flag can only be used once, got '${fmt}'`);
  const delims = DELIMITERS.filter((d) => flags.includes(d));
  if (delims.length > 1) throw new RubyArgumentError(`Only one of the delimiters [ { ( < | can be given in the format flags, got '${fmt}'`);
  return {
    orig: fmt,
    letter: m[4]!,
    left: flags.includes('-'),
    alt: flags.includes('#'),
    plus: flags.some((f) => /\s/.test(f)) ? 'space' : flags.includes('+') ? 'plus' : 'ignore',
    ...(m[2] && { width: Number(m[2]) }),
    ...(m[3] !== undefined && { prec: Number(m[3]) }),
    ...(delims[0] && { delimiters: delims[0] }),
  };
}

function formatError(type: string, actual: string, expected: string): RubyArgumentError {
  return new RubyArgumentError(`Illegal format '${actual}' specified for value of ${type} type - expected one of the characters '${expected}'`);
}

/** What a value is formatted with: the user's format at the top, Puppet's defaults below it. */
interface Formats {
  top?: Format;
  /** The user's format for Array (or Hash) values: it also reaches nested containers of that kind. */
  array?: Format;
  hash?: Format;
}

const fmt = (s: string): Format => parseFormat(s);
const DEFAULT_FLOAT = fmt('%f');
const DEFAULT_NUMBER = fmt('%d');
const DEFAULT_ANY = fmt('%s');
const DEFAULT_ARRAY = fmt('%a');
const DEFAULT_HASH = fmt('%h');
const ELEMENT = fmt('%p');

/** StringConverter#convert(value, formats): formats is :default or one format string. */
export function convertToString(value: HValue, format?: string): string {
  if (format === undefined) return convert(value, {}, true);
  const f = parseFormat(format);
  if (Array.isArray(value)) return convert(value, { array: f }, true);
  return convert(value, value instanceof Map ? { hash: f } : { top: f }, true);
}

function convert(v: HValue, formats: Formats, top: boolean): string {
  if (Array.isArray(v)) return arrayString(v, formats);
  if (v instanceof Map) return hashString(v, formats);
  const f = (top ? formats.top : ELEMENT) ?? defaultScalarFormat(v);
  return scalarString(v, f);
}

function defaultScalarFormat(v: HValue): Format {
  if (typeof v === 'number') return DEFAULT_FLOAT;
  if (typeof v === 'bigint') return DEFAULT_NUMBER;
  return DEFAULT_ANY;
}

function scalarString(v: HValue, f: Format): string {
  if (v === null) return undefString(f);
  if (typeof v === 'boolean') return booleanString(v, f);
  if (typeof v === 'bigint') return integerString(v, f);
  if (typeof v === 'number') return floatString(v, f);
  if (typeof v === 'string') return stringString(v, f);
  if (v instanceof Secret) throw new NotModelled('the string form of a Sensitive or eyaml value');
  throw new NotModelled(`the string form of a ${v?.constructor.name ?? 'value'}`);
}

/** apply_string_flags: width, precision and left alignment on a literal. */
function applyFlags(f: Format, s: string): string {
  if (!f.left && f.width === undefined && f.prec === undefined) return s;
  return rubyFormat(`%${f.left ? '-' : ''}${f.width ?? ''}${f.prec !== undefined ? `.${f.prec}` : ''}s`, s);
}

function undefString(f: Format): string {
  const lit: Record<string, string> = { n: f.alt ? 'null' : 'nil', u: f.alt ? 'undefined' : 'undef', v: 'n/a', V: 'N/A', s: f.alt ? '""' : '', p: f.alt ? '"undef"' : 'undef' };
  if ('dxXobBeEfgGaA'.includes(f.letter)) return applyFlags(f, 'NaN');
  if (lit[f.letter] === undefined) throw formatError('Undef', f.letter, 'nudxXobBeEfgGaAvVsp');
  return applyFlags(f, lit[f.letter]!);
}

function booleanString(v: boolean, f: Format): string {
  const first = (s: string): string => (f.alt ? s[0]! : s);
  switch (f.letter) {
    case 't': return applyFlags(f, first(String(v)));
    case 'T': return applyFlags(f, first(v ? 'True' : 'False'));
    case 'y': return applyFlags(f, first(v ? 'yes' : 'no'));
    case 'Y': return applyFlags(f, first(v ? 'Yes' : 'No'));
    case 's': case 'p': return applyFlags(f, String(v));
  }
  if ('dxXobB'.includes(f.letter)) return integerString(v ? 1n : 0n, f);
  if ('eEfgGaA'.includes(f.letter)) return floatString(v ? 1 : 0, f);
  throw formatError('Boolean', f.letter, 'tTyYdxXobBeEfgGaAsp');
}

function integerString(v: bigint, f: Format): string {
  if ('dxXobBp'.includes(f.letter)) return rubyFormat(f.orig, v);
  if ('eEfgGaA'.includes(f.letter)) return rubyFormat(f.orig, Number(v));
  if (f.letter === 'c') {
    const ch = String.fromCodePoint(Number(v));
    return rubyFormat(f.orig.replace(/c/g, 's'), f.alt ? `"${ch}"` : ch);
  }
  if (f.letter === 's') return rubyFormat(f.orig.replace(/s/g, f.alt ? 'p' : 's'), v.toString());
  throw formatError('Integer', f.letter, 'dxXobBeEfgGaAspc');
}

function floatString(v: number, f: Format): string {
  if ('dxXobB'.includes(f.letter)) return rubyFormat(f.orig, BigInt(Math.trunc(v)));
  if ('eEfgGaAp'.includes(f.letter)) {
    if ('aA'.includes(f.letter)) throw new NotModelled("Ruby's hexadecimal float format");
    return rubyFormat(f.orig, v);
  }
  if (f.letter === 's') {
    const p = rubyFormat('%p', v);
    return rubyFormat(f.orig, f.alt ? `"${p}"` : p);
  }
  throw formatError('Float', f.letter, 'dxXobBeEfgGaAsp');
}

function stringString(v: string, f: Format): string {
  const variant = (s: string): string => (f.alt ? applyFlags(f, puppetQuote(s)) : rubyFormat(f.orig.replace(f.letter, 's'), s));
  switch (f.letter) {
    case 's': return rubyFormat(f.orig, v);
    case 'p': return applyFlags(f, f.alt ? puppetDoubleQuote(v) : puppetQuote(v));
    case 'c': return variant(v.charAt(0).toUpperCase() + v.slice(1).toLowerCase());
    case 'C': return variant(v.split('::').map((s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()).join('::'));
    case 'u': return variant(v.toUpperCase());
    case 'd': return variant(v.toLowerCase());
    case 't': return variant(v.replace(/^[\s\0]+|[\s\0]+$/g, ''));
  }
  throw formatError('String', f.letter, 'cCudspt');
}

/** puppet_quote: single quotes unless a control character needs double quotes. */
export function puppetQuote(s: string): string {
  if ([...s].some((c) => c.codePointAt(0)! < 0x20)) return puppetDoubleQuote(s);
  let out = "'";
  let escaped = false;
  for (const c of s) {
    if (escaped) {
      out += `\\${c}`;
      escaped = false;
    } else if (c === "'") out += "\\'";
    else if (c === '\\') escaped = true;
    else out += c;
  }
  return `${out}${escaped ? '\\' : ''}'`;
}

const DOUBLE_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', $: '\\$', '\\': '\\\\' };

export function puppetDoubleQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    out += DOUBLE_ESCAPES[c] ?? (cp < 0x20 ? `\\u{${cp.toString(16).toUpperCase()}}` : c);
  }
  return `${out}"`;
}

function containerFormat(f: Format): Format {
  if (f.alt || f.width !== undefined) throw new NotModelled(`the indented container format '${f.orig}'`);
  return f;
}

function delimiterPair(f: Format, dflt: [string, string]): [string, string] {
  return DELIMITER_MAP[f.delimiters ?? f.plus] ?? dflt;
}

function element(v: HValue, formats: Formats): string {
  return convert(v, formats, false);
}

function arrayString(v: HValue[], formats: Formats): string {
  const f = containerFormat(formats.array ?? DEFAULT_ARRAY);
  if (!'asp'.includes(f.letter)) throw formatError('Array', f.letter, 'asp');
  const [open, close] = delimiterPair(f, ['[', ']']);
  return `${open}${v.map((x) => element(x, formats)).join(', ')}${close}`;
}

function hashString(v: Map<unknown, HValue>, formats: Formats): string {
  const f = containerFormat(formats.hash ?? DEFAULT_HASH);
  if (f.letter === 'a') return arrayString([...v].map(([k, x]) => [k as HValue, x]), formats);
  if (!'hsp'.includes(f.letter)) throw formatError('Hash', f.letter, 'hasp');
  const [open, close] = delimiterPair(f, ['{', '}']);
  return `${open}${[...v].map(([k, x]) => `${element(k as HValue, formats)} => ${element(x, formats)}`).join(', ')}${close}`;
}
