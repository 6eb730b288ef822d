import { Binary, RubySymbol, Secret, rubyFloatToS, type HValue } from '../value/index.js';
import { NotModelled } from './ruby-format.js';
import { rubyRegExp } from './ruby-regexp.js';

/**
 * The slice of Puppet's type system (puppet/pops/types/types.rb) that `convert_to` reaches with Hiera data:
 * the types an operator writes, TypeCalculator#infer / common_type / generalize for the types Puppet's
 * messages print, and instance? for the `new` function's short cut and its result check.
 * Bounds are inclusive; undefined means unbounded (Puppet's default / Infinity).
 */
export type PType =
  | { t: 'Any' | 'Unit' | 'Undef' | 'Default' | 'Data' | 'RichData' | 'Scalar' | 'ScalarData' | 'Numeric' }
  | { t: 'Integer'; from?: bigint; to?: bigint }
  | { t: 'Float'; from?: number; to?: number }
  | { t: 'String'; value?: string; size?: IntRange }
  | { t: 'Enum'; values: string[]; ci: boolean }
  | { t: 'Pattern'; patterns: string[] }
  | { t: 'Boolean'; value?: boolean }
  | { t: 'Array'; elem: PType; size?: IntRange }
  | { t: 'Hash'; key: PType; value: PType; size?: IntRange }
  | { t: 'Optional' | 'NotUndef' | 'Sensitive'; type?: PType }
  | { t: 'Variant'; types: PType[] }
  | { t: 'TypeReference'; name: string }
  /** A type Puppet knows whose values or checks hieradrift does not model (Timestamp, Struct, ...). */
  | { t: 'Opaque'; text: string };

export interface IntRange {
  from?: bigint;
  to?: bigint;
}

const ANY: PType = { t: 'Any' };
const UNIT: PType = { t: 'Unit' };

// ---- printing (TypeFormatter) ----

function bound(v: bigint | number | undefined): string {
  if (v === undefined) return 'default';
  return typeof v === 'number' ? rubyFloatToS(v) : String(v);
}

function rangeParams(from: bigint | number | undefined, to: bigint | number | undefined): string[] {
  if (from === undefined && to === undefined) return [];
  return to === undefined ? [bound(from)] : [bound(from), bound(to)];
}

function withParams(name: string, params: string[]): string {
  return params.length ? `${name}[${params.join(', ')}]` : name;
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function typeToS(t: PType): string {
  switch (t.t) {
    case 'Integer': return withParams('Integer', rangeParams(t.from, t.to));
    case 'Float': return withParams('Float', rangeParams(t.from, t.to));
    case 'String': return withParams('String', t.size ? rangeParams(t.size.from ?? 0n, t.size.to) : []);
    case 'Enum': return withParams('Enum', [...t.values.map(quote), ...(t.ci ? ['true'] : [])]);
    case 'Pattern': return withParams('Pattern', t.patterns.map((p) => `/${p}/`));
    case 'Boolean': return withParams('Boolean', t.value === undefined ? [] : [String(t.value)]);
    case 'Array': return arrayToS(t);
    case 'Hash': return hashToS(t);
    case 'Optional': case 'NotUndef': case 'Sensitive': return withParams(t.t, t.type ? [typeToS(t.type)] : []);
    case 'Variant': return withParams('Variant', t.types.map(typeToS));
    case 'TypeReference': return `TypeReference[${quote(t.name)}]`;
    case 'Opaque': return t.text;
    default: return t.t;
  }
}

function sizeParams(size: IntRange | undefined): string[] {
  return size ? rangeParams(size.from ?? 0n, size.to) : [];
}

function arrayToS(t: Extract<PType, { t: 'Array' }>): string {
  if (t.elem.t === 'Unit' && t.size?.to === 0n) return 'Array[0, 0]';
  return withParams('Array', [...(t.elem.t === 'Any' ? [] : [typeToS(t.elem)]), ...sizeParams(t.size)]);
}

function hashToS(t: Extract<PType, { t: 'Hash' }>): string {
  if (t.key.t === 'Unit' && t.size?.to === 0n) return 'Hash[0, 0]';
  const kv = t.key.t === 'Any' && t.value.t === 'Any' ? [] : [typeToS(t.key), typeToS(t.value)];
  return withParams('Hash', [...kv, ...sizeParams(t.size)]);
}

// ---- instance? ----

function inRange<N extends bigint | number>(v: N, from: N | undefined, to: N | undefined): boolean {
  return (from === undefined || v >= from) && (to === undefined || v <= to);
}

function sizeOk(n: number, size: IntRange | undefined): boolean {
  return !size || inRange(BigInt(n), size.from, size.to);
}

/** PAnyType#instance? for a Hiera value. */
export function isInstance(t: PType, v: HValue): boolean {
  if (v instanceof Secret) return t.t === 'Sensitive' || t.t === 'Any';
  if (v instanceof RubySymbol || v instanceof Binary) throw new NotModelled(`a ${v.constructor.name} value`);
  switch (t.t) {
    case 'Any': return true;
    case 'Unit': return true;
    case 'Undef': return v === null;
    case 'Default': return false;
    case 'Data': case 'RichData': return true;
    case 'Scalar': case 'ScalarData': return v !== null && !Array.isArray(v) && !(v instanceof Map);
    case 'Numeric': return typeof v === 'bigint' || typeof v === 'number';
    case 'Integer': return typeof v === 'bigint' && inRange(v, t.from, t.to);
    case 'Float': return typeof v === 'number' && inRange(v, t.from, t.to);
    case 'String': return typeof v === 'string' && (t.value === undefined ? sizeOk([...v].length, t.size) : v === t.value);
    case 'Enum': return typeof v === 'string' && (t.values.length === 0 || t.values.some((x) => (t.ci ? x.toLowerCase() === v.toLowerCase() : x === v)));
    case 'Pattern': return typeof v === 'string' && (t.patterns.length === 0 || t.patterns.some((p) => rubyRegExp(p).test(v)));
    case 'Boolean': return typeof v === 'boolean' && (t.value === undefined || t.value === v);
    case 'Array': return Array.isArray(v) && sizeOk(v.length, t.size) && v.every((x) => isInstance(t.elem, x));
    case 'Hash': return v instanceof Map && sizeOk(v.size, t.size) && [...v].every(([k, x]) => isInstance(t.key, k as HValue) && isInstance(t.value, x));
    case 'Optional': return v === null || (!!t.type && isInstance(t.type, v));
    case 'NotUndef': return v !== null && (!t.type || isInstance(t.type, v));
    case 'Sensitive': return false;
    case 'Variant': return t.types.some((x) => isInstance(x, v));
    case 'TypeReference': return false;
    case 'Opaque': throw new NotModelled(`values of ${t.text}`);
  }
}

// ---- infer, common_type, generalize (TypeCalculator) ----

export function infer(v: HValue): PType {
  if (v === null) return { t: 'Undef' };
  if (typeof v === 'boolean') return { t: 'Boolean', value: v };
  if (typeof v === 'bigint') return { t: 'Integer', from: v, to: v };
  if (typeof v === 'number') return { t: 'Float', from: v, to: v };
  if (typeof v === 'string') return { t: 'String', value: v };
  const n = BigInt(Array.isArray(v) ? v.length : v instanceof Map ? v.size : 0);
  if (Array.isArray(v)) return v.length ? { t: 'Array', elem: reduce(v.map(infer)), size: { from: n, to: n } } : { t: 'Array', elem: UNIT, size: { from: 0n, to: 0n } };
  if (v instanceof Map) {
    if (!v.size) return { t: 'Hash', key: UNIT, value: UNIT, size: { from: 0n, to: 0n } };
    return { t: 'Hash', key: reduce([...v.keys()].map((k) => infer(k as HValue))), value: reduce([...v.values()].map(infer)), size: { from: n, to: n } };
  }
  throw new NotModelled(`the type of a ${v.constructor.name} value`);
}

function reduce(types: PType[]): PType {
  return types.reduce((a, b) => commonType(a, b));
}

const NUMERIC = new Set(['Integer', 'Float', 'Numeric']);
const SCALAR_DATA = new Set([...NUMERIC, 'String', 'Enum', 'Pattern', 'Boolean', 'ScalarData']);

function rangeWithin(outer: IntRange | undefined, inner: IntRange | undefined): boolean {
  if (!outer) return true;
  const i = inner ?? {};
  return (outer.from === undefined || (i.from ?? 0n) >= outer.from) && (outer.to === undefined || (i.to !== undefined && i.to <= outer.to));
}

function stringSize(t: PType): IntRange | undefined {
  if (t.t === 'String') return t.value !== undefined ? { from: BigInt([...t.value].length), to: BigInt([...t.value].length) } : t.size;
  if (t.t === 'Enum' && t.values.length) {
    const sizes = t.values.map((x) => BigInt([...x].length));
    return { from: sizes.reduce((a, b) => (a < b ? a : b)), to: sizes.reduce((a, b) => (a > b ? a : b)) };
  }
  return undefined;
}

/** PAnyType#assignable?(b) over the inferred types. */
export function assignable(a: PType, b: PType): boolean {
  if (a.t === 'Any' || a.t === 'RichData' || b.t === 'Unit') return true;
  switch (a.t) {
    case 'Data': return isDataType(b);
    case 'Scalar': case 'ScalarData': return SCALAR_DATA.has(b.t) || (a.t === 'Scalar' && b.t === 'Scalar');
    case 'Numeric': return NUMERIC.has(b.t);
    case 'Integer': return b.t === 'Integer' && (a.from === undefined || (b.from !== undefined && b.from >= a.from)) && (a.to === undefined || (b.to !== undefined && b.to <= a.to));
    case 'Float': return b.t === 'Float' && (a.from === undefined || (b.from !== undefined && b.from >= a.from)) && (a.to === undefined || (b.to !== undefined && b.to <= a.to));
    case 'String':
      if (a.value !== undefined) return (b.t === 'String' && b.value === a.value) || (b.t === 'Enum' && b.values.length === 1 && b.values[0] === a.value);
      return (b.t === 'String' || b.t === 'Enum') && rangeWithin(a.size, stringSize(b));
    case 'Enum':
      if (!a.values.length) return b.t === 'String' || b.t === 'Enum';
      if (b.t === 'String') return b.value !== undefined && a.values.includes(b.value);
      return b.t === 'Enum' && b.values.length > 0 && b.values.every((x) => a.values.includes(x));
    case 'Boolean': return b.t === 'Boolean' && (a.value === undefined || a.value === b.value);
    case 'Undef': return b.t === 'Undef';
    case 'Array': return b.t === 'Array' && rangeWithin(a.size, b.size) && assignable(a.elem, b.elem);
    case 'Hash':
      if (b.t !== 'Hash') return false;
      if ((!a.size || !a.size.from) && b.size?.to === 0n) return true;
      return assignable(a.key, b.key) && assignable(a.value, b.value) && rangeWithin(a.size, b.size);
    default: return false;
  }
}

function isDataType(b: PType): boolean {
  if (b.t === 'Undef' || b.t === 'Data' || SCALAR_DATA.has(b.t)) return true;
  if (b.t === 'Array') return isDataType(b.elem);
  if (b.t === 'Hash') return (b.key.t === 'Unit' || assignable({ t: 'String' }, b.key)) && isDataType(b.value);
  return false;
}

function minB<N extends bigint | number>(a: N | undefined, b: N | undefined): N | undefined {
  return a === undefined || b === undefined ? undefined : a < b ? a : b;
}

function maxB<N extends bigint | number>(a: N | undefined, b: N | undefined): N | undefined {
  return a === undefined || b === undefined ? undefined : a > b ? a : b;
}

/** TypeCalculator#common_type for the inferred types of data. */
export function commonType(a: PType, b: PType): PType {
  if (a.t === 'Unit') return b;
  if (b.t === 'Unit') return a;
  if (assignable(a, b)) return a;
  if (assignable(b, a)) return b;
  if (a.t === 'Array' && b.t === 'Array') return { t: 'Array', elem: commonType(a.elem, b.elem) };
  if (a.t === 'Hash' && b.t === 'Hash') return { t: 'Hash', key: commonType(a.key, b.key), value: commonType(a.value, b.value) };
  if (a.t === 'Integer' && b.t === 'Integer') return { t: 'Integer', from: minB(a.from, b.from), to: maxB(a.to, b.to) };
  if (a.t === 'Float' && b.t === 'Float') return { t: 'Float', from: minB(a.from, b.from), to: maxB(a.to, b.to) };
  if (a.t === 'String' && (b.t === 'String' || b.t === 'Enum')) return commonString(a, b);
  if (a.t === 'Enum' && (b.t === 'String' || b.t === 'Enum')) {
    if (b.t === 'Enum') return { t: 'Enum', values: union(a.values, b.values), ci: false };
    return b.value === undefined ? { t: 'Enum', values: [], ci: false } : { t: 'Enum', values: union(a.values, [b.value]), ci: false };
  }
  if (NUMERIC.has(a.t) && NUMERIC.has(b.t)) return { t: 'Numeric' };
  if (SCALAR_DATA.has(a.t) && SCALAR_DATA.has(b.t)) return { t: 'ScalarData' };
  if (isDataType(a) && isDataType(b)) return { t: 'Data' };
  return { t: 'RichData' };
}

function commonString(a: Extract<PType, { t: 'String' }>, b: Extract<PType, { t: 'String' } | { t: 'Enum' }>): PType {
  if (b.t === 'Enum') return a.value === undefined ? { t: 'Enum', values: [], ci: false } : { t: 'Enum', values: union(b.values, [a.value]), ci: false };
  if (!a.size || !b.size) return a.value === undefined || b.value === undefined ? { t: 'String' } : { t: 'Enum', values: [a.value, b.value], ci: false };
  return { t: 'String', size: { from: minB(a.size.from, b.size.from), to: maxB(a.size.to, b.size.to) } };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function generalize(t: PType): PType {
  switch (t.t) {
    case 'Integer': case 'Float': case 'Boolean': return { t: t.t };
    case 'String': return { t: 'String' };
    case 'Enum': return t.values.length ? { t: 'String', size: stringSize(t)! } : { t: 'String' };
    case 'Array': return t.elem.t === 'Any' ? { t: 'Array', elem: ANY } : { t: 'Array', elem: generalize(t.elem) };
    case 'Hash': return t.size?.to === 0n && t.key.t === 'Unit' ? t : { t: 'Hash', key: generalize(t.key), value: generalize(t.value) };
    default: return t;
  }
}

/** `TypeCalculator.infer(v).generalize`, as Puppet's conversion errors print a value's type. */
export function inferredTypeName(v: HValue): string {
  return typeToS(generalize(infer(v)));
}

/** The bare name a dispatch mismatch prints for an argument ("got Struct"): the kind of infer_set. */
export function argumentKind(v: HValue): string {
  if (Array.isArray(v)) return v.length ? 'Tuple' : 'Array';
  if (v instanceof Map) return v.size && [...v.keys()].every((k) => typeof k === 'string') ? 'Struct' : 'Hash';
  if (v instanceof Secret) return 'Sensitive';
  return infer(v).t;
}

/** "an Integer", "a String": the article Puppet's mismatch messages put before a type. */
export function withArticle(s: string): string {
  return /^[AEIOU]/i.test(s) ? `an ${s}` : `a ${s}`;
}
