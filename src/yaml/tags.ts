import { Binary, type HValue } from '../value/types.js';
import { DisallowedClass, ScalarConversionError, rubyFloat, symbolize, tokenize, type SymbolTable } from './scalar-scanner.js';

const YAML_PREFIX = 'tag:yaml.org,2002:';

/** Expands a tag as written (`!!str`, `!foo`, `!e!x`, `!<uri>`) the way libyaml hands it to Psych. */
export function resolveTag(raw: string, handles: ReadonlyMap<string, string>): string {
  if (raw.startsWith('!<') && raw.endsWith('>')) return decodeUri(raw.slice(2, -1));
  if (raw === '!') return '!';
  const m = /^(![\w-]*!|!)(.*)$/.exec(raw);
  if (!m) return raw;
  const handle = m[1]!;
  const prefix = handles.get(handle) ?? (handle === '!!' ? YAML_PREFIX : handle === '!' ? '!' : handle);
  return prefix + decodeUri(m[2]!);
}

function decodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Psych `ToRuby#deserialize` for a scalar node. */
export function scalarValue(text: string, tag: string | undefined, plain: boolean, symbols: SymbolTable): HValue {
  if (tag === undefined) return plain ? tokenize(text, symbols) : text;
  if (tag === '!binary' || tag === YAML_PREFIX + 'binary') return new Binary(unpackBase64(text));
  const str = /^!(?:str|ruby\/string)(?::(.*))?$/.exec(tag);
  if (str || tag === YAML_PREFIX + 'str') {
    if (str?.[1]) throw new DisallowedClass(str[1]);
    return text;
  }
  const objectClass = /^!ruby\/object:(BigDecimal|DateTime|Complex|Rational)$/.exec(tag);
  if (objectClass) throw new DisallowedClass(objectClass[1]!);
  if (tag === '!ruby/encoding') throw new DisallowedClass('Encoding');
  if (tag === '!ruby/class' || tag === '!ruby/module') {
    if (text === '') return null;
    throw new DisallowedClass(text);
  }
  if (tag === YAML_PREFIX + 'float' || tag === '!float') return toFloat(tokenize(text, symbols));
  if (tag === '!ruby/regexp') throw new DisallowedClass('Regexp');
  if (tag === '!ruby/range') throw new DisallowedClass('Range');
  if (/^!ruby\/sym(bol)?:?(.*)?$/.test(tag)) return symbolize(text, symbols);
  return tokenize(text, symbols);
}

/** Ruby `Kernel#Float(obj)` on what the scanner returned. */
function toFloat(v: HValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return rubyFloat(v);
  const what = v === null ? 'nil' : typeof v === 'boolean' ? String(v) : 'Symbol';
  throw new ScalarConversionError(`can't convert ${what} into Float`);
}

/** Ruby `String#unpack('m')`: lenient base64, skipping characters outside the alphabet. */
function unpackBase64(text: string): Uint8Array {
  const clean = text.replace(/=.*$/s, '').replace(/[^A-Za-z0-9+/]/g, '');
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

export type SeqKind = 'array' | 'omap';
/** Psych `visit_Psych_Nodes_Sequence`: what a tagged sequence becomes. Throws when Psych refuses. */
export function sequenceKind(tag: string | undefined): SeqKind {
  if (tag === undefined) return 'array';
  if (tag === '!omap' || tag === YAML_PREFIX + 'omap') return 'omap';
  const typed = /^!(?:seq|ruby\/array):(.*)$/.exec(tag);
  if (typed) throw new DisallowedClass(typed[1] || 'NilClass');
  return 'array';
}

export type MapKind = 'hash' | 'string' | 'hash-with-ivars';
/** Psych `visit_Psych_Nodes_Mapping`: what a tagged mapping becomes. Throws when Psych refuses. */
export function mappingKind(tag: string | undefined): MapKind {
  if (tag === undefined) return 'hash';
  let m: RegExpExecArray | null;
  if ((m = /^!ruby\/struct:?(.*)?$/.exec(tag))) throw new DisallowedClass(m[1] || 'Struct');
  if ((m = /^!ruby\/object:?(.*)?$/.exec(tag))) {
    if (m[1] === 'Hash') return 'hash';
    throw new DisallowedClass(m[1] || 'Object');
  }
  if ((m = /^!(?:str|ruby\/string)(?::(.*))?$/.exec(tag)) || tag === YAML_PREFIX + 'str') {
    if (m?.[1]) throw new DisallowedClass(m[1]);
    return 'string';
  }
  if ((m = /^!ruby\/array:(.*)$/.exec(tag))) throw new DisallowedClass(m[1] || 'NilClass');
  if (tag === '!ruby/range') throw new DisallowedClass('Range');
  if ((m = /^!ruby\/exception:?(.*)?$/.exec(tag))) throw new DisallowedClass(m[1] || 'Exception');
  if (tag === '!set' || tag === YAML_PREFIX + 'set') throw new DisallowedClass('Psych::Set');
  if ((m = /^!ruby\/hash-with-ivars(?::(.*))?$/.exec(tag))) {
    if (m[1]) throw new DisallowedClass(m[1]);
    return 'hash-with-ivars';
  }
  if ((m = /^!(?:map|ruby\/hash):(.*)$/.exec(tag))) throw new DisallowedClass(m[1] || 'NilClass');
  if (tag === '!omap' || tag === YAML_PREFIX + 'omap') throw new DisallowedClass('Psych::Omap');
  if ((m = /^!ruby\/marshalable:(.*)$/.exec(tag))) throw new DisallowedClass(m[1] || 'NilClass');
  return 'hash';
}
