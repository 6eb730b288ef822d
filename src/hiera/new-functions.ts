import { Binary, Secret, type HHash, type HKey, type HValue } from '../value/index.js';
import { argumentKind, infer, inferredTypeName, isInstance, typeToS, withArticle, type PType } from './puppet-types.js';
import { NotModelled, RubyArgumentError, rubyFloat, rubyInteger } from './ruby-format.js';
import { convertToString } from './string-converter.js';

/**
 * Puppet's `new(Type, value, *args)` (puppet/functions/new.rb) and the new_function of each type in
 * puppet/pops/types/types.rb: dispatch on the arguments, the conversion, the argument_mismatch messages
 * ("'new' The string 'x' cannot be converted to Integer") and the check of the result against the type.
 */

/** A Sensitive being built: the wrapped value is kept until the result is checked, then hidden. */
export class Wrapped {
  constructor(readonly value: HValue) {}
}

export type NewResult = HValue | Wrapped;

/** new.rb new_instance: a value already of the type is returned as is (one argument only). */
export function newInstance(t: PType, args: HValue[]): NewResult {
  if (args.length === 1 && isInstance(t, args[0]!)) return args[0]!;
  const result = newFunctionFor(t)(args);
  assertResult(t, result);
  return result;
}

type NewFunction = (args: HValue[]) => NewResult;

function notSupported(t: PType): NewFunction {
  return () => {
    throw new RubyArgumentError(`Creation of new instance of type '${typeToS(t)}' is not supported`);
  };
}

function newFunctionFor(t: PType): NewFunction {
  switch (t.t) {
    case 'Integer': return integerNew;
    case 'Float': return floatNew;
    case 'Numeric': return numericNew;
    case 'String': return stringNew;
    case 'Boolean': return booleanNew;
    case 'Array': return arrayNew;
    case 'Hash': return hashNew;
    case 'Sensitive': return sensitiveNew;
    case 'Unit': return unitNew;
    case 'Optional': return t.type ? newFunctionFor(t.type) : optionalWithoutType;
    case 'NotUndef': return t.type ? newFunctionFor(t.type) : unitNew;
    case 'Data': case 'RichData': case 'Opaque':
      return () => {
        throw new NotModelled(`new(${typeToS(t)})`);
      };
    default: return notSupported(t);
  }
}

/** Optional#new_function asks its type for one; bare Optional has none (a NoMethodError in Ruby). */
function optionalWithoutType(): never {
  throw new RubyArgumentError("undefined method `new_function' for nil:NilClass");
}

function unitNew(args: HValue[]): HValue {
  if (args.length !== 1) throw new NotModelled(`Unit.new with ${args.length} arguments`);
  return args[0]!;
}

// ---- dispatch errors ----

/** An argument_mismatch handler's text: Puppet prefixes the function's name. */
function mismatch(fn: string, text: string): RubyArgumentError {
  return new RubyArgumentError(`'${fn}' ${text}`);
}

function arityText(min: number, max: number, got: number): string {
  if (min === max) return `expects ${min} argument${min === 1 ? '' : 's'}, got ${got}`;
  return `expects between ${min} and ${max} arguments, got ${got}`;
}

function paramText(name: string, typeText: string, v: HValue): string {
  return `parameter '${name}' expects ${withArticle(typeText)} value, got ${argumentKind(v)}`;
}

/** Puppet's message when no dispatch and no argument_mismatch handler takes the arguments. */
function noDispatch(fn: string, signatures: [text: string, reason: string][]): RubyArgumentError {
  const lines = signatures.map(([sig, reason]) => `  ${sig}\n    rejected: ${reason}`);
  return new RubyArgumentError(`The function '${fn}' was called with arguments it does not accept. It expects one of:\n${lines.join('\n')}`);
}

function valueCannot(from: HValue, target: string): string {
  if (typeof from === 'string') return `The string '${from}' cannot be converted to ${target}`;
  return `Value of type ${inferredTypeName(from)} cannot be converted to ${target}`;
}

// ---- Integer ----

const RUBY_SPACE = '[ \\t\\n\\v\\f\\r]';
const INTEGER_LENIENT = new RegExp(`^[+-]?${RUBY_SPACE}*(?:\\d+|0[xX][0-9A-Fa-f]+|0[bB][01]+)$`);
const FLOAT_PATTERN = new RegExp(`^[+-]?${RUBY_SPACE}*(?:(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE]-?\\d+)?|0[xX][0-9A-Fa-f]+|0[0-7]+|0[bB][01]+)$`);
const WS_BETWEEN_SIGN_AND_NUMBER = /^([+-])[ \t]+(.*)$/s;

const INTEGER_CONVERTIBLE = 'Convertible = Variant[Numeric, Boolean, Pattern[/\\A[+-]?\\s*(?:(?:\\d+)|(?:0[xX][0-9A-Fa-f]+)|(?:0[bB][01]+))\\z/], Timespan, Timestamp]';
const RADIX = 'Radix = Variant[Default, Integer[2, 2], Integer[8, 8], Integer[10, 10], Integer[16, 16]]';
const INTEGER_SIGNATURES = [
  `(${INTEGER_CONVERTIBLE} from, ${RADIX} radix?, Boolean abs?)`,
  `(NamedArgs = Struct[{'from' => ${INTEGER_CONVERTIBLE}, Optional['radix'] => ${RADIX}, Optional['abs'] => Boolean}] hash_args)`,
];

const isNumber = (v: HValue): v is bigint | number => typeof v === 'bigint' || typeof v === 'number';
const integerConvertible = (v: HValue): boolean => isNumber(v) || typeof v === 'boolean' || (typeof v === 'string' && INTEGER_LENIENT.test(v));
const isRadix = (v: HValue): boolean => v === 2n || v === 8n || v === 10n || v === 16n;

function integerNew(args: HValue[]): NewResult {
  if (args.length > 3) throw mismatch('new', arityText(1, 3, args.length));
  const [from, radix, abs] = args as [HValue, HValue?, HValue?];
  const fromArgsOk = args.length <= 3 && integerConvertible(from) && (args.length < 2 || isRadix(radix!)) && (args.length < 3 || typeof abs === 'boolean');
  if (fromArgsOk) {
    const n = integerFrom(from, args.length >= 2 ? Number(radix) : undefined);
    return abs === true && n < 0n ? -n : n;
  }
  if (args.length === 1 && from instanceof Map) return integerFromHash(from);
  if (args.length <= 3 && (args.length < 2 || typeof radix === 'bigint') && (args.length < 3 || typeof abs === 'boolean')) {
    if (args.length >= 2 && !isRadix(radix!)) throw new RubyArgumentError(`Illegal radix: ${radix}, expected 2, 8, 10, 16, or default`);
    throw mismatch('new', valueCannot(from, 'Integer'));
  }
  throw noDispatch('new', [[INTEGER_SIGNATURES[0]!, integerArgsRejection(args)], [INTEGER_SIGNATURES[1]!, arityText(1, 1, args.length)]]);
}

function integerArgsRejection(args: HValue[]): string {
  if (!integerConvertible(args[0]!)) return paramText('from', INTEGER_CONVERTIBLE, args[0]!);
  if (args.length >= 2 && !isRadix(args[1]!)) return paramText('radix', RADIX, args[1]!);
  return paramText('abs', 'Boolean', args[2]!);
}

/** A hash argument is Integer.new's named arguments; anything else in it is refused. */
function integerFromHash(h: HHash): NewResult {
  if (h.has('from') && !integerConvertible(h.get('from')!)) throw mismatch('new', valueCannot(h.get('from')!, 'Integer'));
  const problems: string[] = [];
  if (!h.has('from')) problems.push("expects a value for key 'from'");
  for (const k of h.keys()) if (!['from', 'radix', 'abs'].includes(k as string)) problems.push(`unrecognized key '${String(k)}'`);
  if (!problems.length) throw new NotModelled('Integer.new named arguments');
  const lines = problems.map((p) => `Integer.new has wrong type, ${p}`);
  throw new RubyArgumentError(lines.length === 1 ? lines[0]! : ` ${lines.join('\n  ')}`);
}

/** from_convertible: Integer(from) or Integer(from, radix), retried without blanks after the sign. */
function integerFrom(from: HValue, radix: number | undefined): bigint {
  if (typeof from === 'bigint') return from;
  if (typeof from === 'number') return BigInt(Math.trunc(from));
  if (typeof from === 'boolean') return from ? 1n : 0n;
  return retryWithoutSignSpace(from as string, (s) => rubyInteger(s, radix));
}

function retryWithoutSignSpace<T>(s: string, parse: (s: string) => T): T {
  try {
    return parse(s);
  } catch (e) {
    const m = WS_BETWEEN_SIGN_AND_NUMBER.exec(s);
    if (!(e instanceof RubyArgumentError) || !m) throw e;
    try {
      return parse(m[1]! + m[2]!);
    } catch {
      throw e;
    }
  }
}

// ---- Float and Numeric ----

const floatConvertible = (v: HValue): boolean => isNumber(v) || typeof v === 'boolean' || (typeof v === 'string' && FLOAT_PATTERN.test(v));

const FLOAT_PATTERN_TEXT = 'Pattern[/\\A[+-]?\\s*(?:(?:(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE]-?\\d+)?)|(?:0[xX][0-9A-Fa-f]+)|(?:0[0-7]+)|(?:0[bB][01]+))\\z/]';

/** Float.new and Numeric.new take (from, abs?) or named arguments; they differ in name, Convertible and conversion. */
interface NumberNew {
  fn: string;
  target: string;
  convertible: string;
  convert: (from: HValue) => bigint | number | null;
}

const FLOAT_NEW: NumberNew = { fn: 'new_float', target: 'Float', convertible: `Convertible = Variant[Numeric, Boolean, ${FLOAT_PATTERN_TEXT}, Timespan, Timestamp]`, convert: (v) => floatFrom(v) };
const NUMERIC_NEW: NumberNew = { fn: 'new_numeric', target: 'Numeric', convertible: `Convertible = Variant[Integer, Float, Boolean, ${FLOAT_PATTERN_TEXT}, Timespan, Timestamp]`, convert: (v) => numericFrom(v) };

const floatNew = (args: HValue[]): NewResult => numberNew(FLOAT_NEW, args);
const numericNew = (args: HValue[]): NewResult => numberNew(NUMERIC_NEW, args);

function numberNew(spec: NumberNew, args: HValue[]): NewResult {
  if (args.length > 2) throw mismatch(spec.fn, arityText(1, 2, args.length));
  const [from, abs] = args as [HValue, HValue?];
  if (args.length === 2 && typeof abs !== 'boolean') {
    const reason = floatConvertible(from) ? paramText('abs', 'Boolean', abs!) : paramText('from', spec.convertible, from);
    throw noDispatch(spec.fn, [
      [`(${spec.convertible} from, Boolean abs?)`, reason],
      [`(NamedArgs = Struct[{'from' => ${spec.convertible}, Optional['abs'] => Boolean}] hash_args)`, arityText(1, 1, 2)],
    ]);
  }
  const named = args.length === 1 && from instanceof Map ? namedNumberArgs(from) : undefined;
  const [value, absolute] = named ?? [from, abs === true];
  if (!floatConvertible(value)) throw mismatch(spec.fn, valueCannot(from, spec.target));
  const n = spec.convert(value);
  if (!absolute || n === null) return n;
  return typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n);
}

/** NamedArgs = Struct[{from => Convertible, Optional[abs] => Boolean}], or undefined when the hash is not one. */
function namedNumberArgs(h: HHash): [HValue, boolean] | undefined {
  const keysOk = h.has('from') && [...h.keys()].every((k) => k === 'from' || k === 'abs');
  const abs = h.get('abs');
  if (!keysOk || !floatConvertible(h.get('from')!) || (abs !== undefined && typeof abs !== 'boolean')) return undefined;
  return [h.get('from')!, abs === true];
}

function floatFrom(from: HValue): number {
  if (typeof from === 'number') return from;
  if (typeof from === 'bigint') return Number(from);
  if (typeof from === 'boolean') return from ? 1 : 0;
  const s = from as string;
  // A binary string is read as an Integer first: Float() has no 0b form.
  if (/^0[bB]/.test(s)) return Number(rubyInteger(s));
  return retryWithoutSignSpace(s, rubyFloat);
}

const NUMERIC_STRING = /^[ \t]*([-+]?)[ \t]*((0[xX][0-9A-Fa-f]+)|(0?\d+)((?:\.\d+)?(?:[eE]-?\d+)?))[ \t]*$/;

/** from_convertible: 0b/0x strings through Integer(), others through Utils.to_n (nil when it cannot). */
function numericFrom(from: HValue): bigint | number | null {
  if (typeof from === 'bigint' || typeof from === 'number') return from;
  if (typeof from === 'boolean') return from ? 1n : 0n;
  const s = from as string;
  if (/^0[bBxX]/.test(s)) return rubyInteger(s);
  return toN(s);
}

/** Puppet::Pops::Utils.to_n for a string. */
function toN(s: string): bigint | number | null {
  const m = NUMERIC_STRING.exec(s.startsWith('::') ? s.slice(2) : s);
  if (!m) return null;
  const neg = m[1] === '-';
  try {
    if (m[5]) {
      if (rubyInteger(m[4] ?? '0', 10) === 0n && /^\.?0*[eE]/.test(m[5])) return null;
      const f = rubyFloat(m[2]!);
      return f === Infinity ? null : neg ? -f : f;
    }
    const i = rubyInteger(m[2]!);
    return neg ? -i : i;
  } catch (e) {
    if (e instanceof RubyArgumentError) return null;
    throw e;
  }
}

// ---- String ----

function stringNew(args: HValue[]): NewResult {
  const [from, format] = args as [HValue, HValue?];
  if (args.length > 2) throw mismatch('new_string', arityText(1, 2, args.length));
  if (args.length === 1) return convertToString(from);
  if (typeof format === 'string' && format.length > 0) return convertToString(from, format);
  if (format instanceof Map && format.size > 0) throw mismatch('new_string', stringFormatsRejection(format));
  if (format instanceof Map) return convertToString(from);
  throw mismatch('new_string', `parameter 'string_formats' expects a ${STRING_FORMATS} value, got ${argumentKind(format!)}`);
}

const FORMAT = 'Format = Pattern[/^%([\\s\\[+#0{<(|-]*)([1-9][0-9]*)?(?:\\.([0-9]+))?([a-zA-Z])$/]';
const STRING_FORMATS = `Formats = Variant[Default, String[1], TypeMap = Hash[Type, Variant[${FORMAT}, ContainerFormat = Struct[{Optional['format'] => ${FORMAT}, Optional['separator'] => String, Optional['separator2'] => String, Optional['string_formats'] => Hash[Type, ${FORMAT}]}]]]]`;

/** A format map from data has string keys where Puppet wants types: every variant refuses it. */
function stringFormatsRejection(format: HHash): string {
  const first = [...format.keys()][0];
  if (typeof first !== 'string') throw new NotModelled('a format map with non-string keys');
  const kind = argumentKind(format);
  return [
    `expects (Convertible = Any from, ${STRING_FORMATS} string_formats?)`,
    `  rejected: parameter 'string_formats' variant 0 expects a Default value, got ${kind}`,
    `  rejected: parameter 'string_formats' variant 1 expects a String value, got ${kind}`,
    `  rejected: parameter 'string_formats' variant 2 key of entry '${first}' expects a Type value, got String`,
  ].join('\n');
}

// ---- Boolean ----

const BOOLEAN_WORDS = new Map([['true', true], ['yes', true], ['y', true], ['false', false], ['no', false], ['n', false]]);

function booleanNew(args: HValue[]): NewResult {
  const [from] = args;
  if (args.length !== 1) throw mismatch('new_boolean', arityText(1, 1, args.length));
  if (typeof from === 'boolean') return from;
  if (typeof from === 'bigint') return from !== 0n;
  if (typeof from === 'number') return from !== 0;
  const word = typeof from === 'string' ? BOOLEAN_WORDS.get(from.toLowerCase()) : undefined;
  if (word === undefined) throw mismatch('new_boolean', valueCannot(from!, 'Boolean'));
  return word;
}

// ---- Array and Hash ----

/** Iterable.on: strings by character, non-negative integers as 0...n. */
function iterate(v: HValue): HValue[] | undefined {
  if (typeof v === 'string') return [...v];
  if (typeof v === 'bigint' && v >= 0n) {
    if (v > 100_000n) throw new NotModelled('iterating a large Integer');
    return Array.from({ length: Number(v) }, (_, i) => BigInt(i));
  }
  return undefined;
}

function arrayNew(args: HValue[]): NewResult {
  const [from, wrap] = args as [HValue, HValue?];
  if (args.length > 2) throw mismatch('new_array', arityText(1, 2, args.length));
  // Both signatures refuse a wrap that is not a Boolean: Puppet reports the two as one.
  if (args.length === 2 && typeof wrap !== 'boolean') throw mismatch('new_array', paramText('wrap', 'Boolean', wrap!));
  if (wrap === true) return Array.isArray(from) ? from : [from];
  if (Array.isArray(from)) return from;
  if (from instanceof Map) return [...from].map(([k, x]) => [k as HValue, x]);
  const items = iterate(from);
  if (!items) throw mismatch('new_array', `Value of type ${inferredTypeName(from)} cannot be converted to Array`);
  return items;
}

const isPair = (e: HValue): e is [HValue, HValue] => Array.isArray(e) && e.length === 2;

function hashNew(args: HValue[]): NewResult {
  const [from, option] = args as [HValue, HValue?];
  const tree = Array.isArray(from) && from.length > 0 && from.every((e) => isPair(e) && Array.isArray(e[0]));
  if (args.length > 2) throw mismatch('new_hash', arityText(1, 2, args.length));
  if (args.length === 2) {
    if (option === 'tree' || option === 'hash_tree') {
      if (tree) return hashFromTree(from as [HValue[], HValue][], option === 'hash_tree');
    } else if (tree && typeof option === 'string') throw badHashOption(option);
    throw new NotModelled("Puppet's Hash.new dispatch error for these arguments");
  }
  if (Array.isArray(from) && from.length > 0 && from.every(isPair)) return new Map(from.map(([k, v]) => [asKey(k), v]));
  return hashFromArray(from);
}

const HASH_OPTION = "NewHashOption = Enum['hash_tree', 'tree']";

function badHashOption(option: string): RubyArgumentError {
  return noDispatch('new_hash', [
    [`(TreeArray = Array[Tuple[Array, Any], 1] from, ${HASH_OPTION} build_option?)`, `parameter 'build_option' expects a match for ${HASH_OPTION}, got '${option}'`],
    ['(KeyValueArray = Array[Tuple[Any, Any], 1] from)', arityText(1, 1, 2)],
    ['(Any from)', arityText(1, 1, 2)],
  ]);
}

/** Puppet allows any value as a key; hieradrift's value model holds scalar keys only. */
function asKey(k: HValue): HKey {
  if (Array.isArray(k) || k instanceof Map || k instanceof Secret || k instanceof Binary) throw new NotModelled('a Hash key that is not a scalar');
  return k;
}

/** from_array: a flat [k, v, ...] list, a Hash as is, else an iterable's items. */
function hashFromArray(from: HValue): HValue {
  if (from instanceof Map) return from;
  const items = Array.isArray(from) ? from : iterate(from);
  if (!items) throw new RubyArgumentError(`Value of type ${inferredTypeName(from)} cannot be converted to Hash`);
  if (items.length % 2) throw new RubyArgumentError('odd number of arguments for Hash');
  const out = new Map<HKey, HValue>();
  for (let i = 0; i < items.length; i += 2) out.set(asKey(items[i]!), items[i + 1]!);
  return out;
}

/** from_tree: each [path, value] sets a nested entry; hash_tree turns array values into index-keyed hashes. */
function hashFromTree(entries: [HValue[], HValue][], allHashes: boolean): HValue {
  const result = new Map<HKey, HValue>();
  for (const [path, value] of entries) {
    if (!path.length) throw new NotModelled('a root entry in a Hash tree');
    let node: HHash | HValue[] = result;
    for (const seg of path.slice(0, -1)) node = child(node, seg);
    const v = allHashes ? arrayAsHash(value) : value;
    if (Array.isArray(node)) throw new NotModelled('a Hash tree through an array');
    node.set(asKey(path[path.length - 1]!), v);
  }
  return result;
}

function child(node: HHash | HValue[], seg: HValue): HHash | HValue[] {
  if (Array.isArray(node)) throw new NotModelled('a Hash tree through an array');
  const existing = node.get(asKey(seg));
  if (existing === undefined) {
    const fresh = new Map<HKey, HValue>();
    node.set(asKey(seg), fresh);
    return fresh;
  }
  if (existing instanceof Map || Array.isArray(existing)) return existing;
  throw new NotModelled('a Hash tree through a scalar');
}

function arrayAsHash(v: HValue): HValue {
  if (!Array.isArray(v)) return v;
  return new Map(v.map((x, i) => [BigInt(i), arrayAsHash(x)]));
}

// ---- Sensitive ----

function sensitiveNew(args: HValue[]): NewResult {
  if (args.length !== 1) throw mismatch('new_Sensitive', arityText(1, 1, args.length));
  const v = args[0]!;
  return v instanceof Secret ? v : new Wrapped(v);
}

// ---- the result check (TypeAsserter) ----

function assertResult(t: PType, v: NewResult): void {
  if (v instanceof Wrapped) {
    const sensitive = t.t === 'Optional' || t.t === 'NotUndef' ? t.type : t;
    if (sensitive?.t !== 'Sensitive') throw new NotModelled(`a Sensitive value checked against ${typeToS(t)}`);
    const inner = sensitive.type;
    if (inner && !isInstance(inner, v.value)) throw wrongType(t, [`expects ${withArticle(typeToS(t))} value, got Sensitive[${typeToS(infer(v.value))}]`]);
    return;
  }
  if (isInstance(t, v)) return;
  if (t.t === 'Array' && Array.isArray(v)) throw wrongType(t, elementProblems(t.elem, v));
  if (t.t === 'Hash' || t.t === 'Variant' || t.t === 'Optional' || t.t === 'NotUndef') throw new NotModelled(`the ${typeToS(t)} mismatch message`);
  throw wrongType(t, [`expects ${withArticle(typeToS(t))} value, got ${typeToS(infer(v))}`]);
}

function elementProblems(elem: PType, v: HValue[]): string[] {
  return v.flatMap((x, i) => (isInstance(elem, x) ? [] : [`index ${i} expects ${withArticle(typeToS(elem))} value, got ${typeToS(infer(x))}`]));
}

function wrongType(t: PType, problems: string[]): RubyArgumentError {
  const lines = problems.map((p) => `Converted value from ${typeToS(t)}.new() has wrong type, ${p}`);
  return new RubyArgumentError(lines.length === 1 ? lines[0]! : ` ${lines.join('\n  ')}`);
}
