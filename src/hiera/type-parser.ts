import { NotModelled } from './ruby-format.js';
import type { IntRange, PType } from './puppet-types.js';

/**
 * Puppet's TypeParser#parse (puppet/pops/types/type_parser.rb) for the type expressions a convert_to
 * string holds: a type name with optional parameters. Its failures carry Puppet's message.
 */
export class TypeParseError extends Error {}

type Token = { k: 'ref' | 'name' | 'int' | 'float' | 'str' | 'regex' | 'punct'; v: string; at: number };

/** An argument as the parser sees it: a type, or a literal. */
type Arg = { type: PType; ref: string } | { lit: string | bigint | number | boolean | null; kind: Token['k'] | 'default' | 'hash' };

const TOKEN = /\s*(?:(::)?([A-Z]\w*(?:::[A-Z]\w*)*)|([a-z_]\w*(?:::\w+)*)|(-?\d+\.\d+(?:[eE]-?\d+)?)|(-?\d+)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|\/((?:[^/\\]|\\.)*)\/|(=>|[[\],{}]))/y;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new TypeParseError(`The expression <${src}> is not a valid type specification.`);
    const tok = tokenFrom(m, at);
    out.push(tok);
  }
  return out;
}

function tokenFrom(m: RegExpExecArray, at: number): Token {
  if (m[2] !== undefined) return { k: 'ref', v: m[2], at };
  if (m[3] !== undefined) return { k: 'name', v: m[3], at };
  if (m[4] !== undefined) return { k: 'float', v: m[4], at };
  if (m[5] !== undefined) return { k: 'int', v: m[5], at };
  if (m[6] !== undefined || m[7] !== undefined) return { k: 'str', v: (m[6] ?? m[7])!.replace(/\\(.)/g, '$1'), at };
  if (m[8] !== undefined) return { k: 'regex', v: m[8], at };
  return { k: 'punct', v: m[9]!, at };
}

const MAX_TYPE_DEPTH = 64;

export function parseType(src: string): PType {
  const invalid = (): TypeParseError => new TypeParseError(`The expression <${src}> is not a valid type specification.`);
  const toks = tokenize(src);
  let i = 0;
  const peek = (): Token | undefined => toks[i];
  const expect = (v: string): void => {
    const t = toks[i++];
    if (!t) throw new TypeParseError('Syntax error at end of input');
    if (t.v !== v || t.k !== 'punct') throw new NotModelled(`the syntax error in '${src}'`);
  };
  const arg = (): Arg => {
    const t = toks[i++];
    if (!t) throw new TypeParseError('Syntax error at end of input');
    if (t.k === 'ref') return refWithParams(t.v);
    if (t.v === '{') return skipHash(t);
    if (t.k === 'punct') throw new NotModelled(`the syntax error in '${src}'`);
    if (t.k === 'name') return t.v === 'default' ? { lit: null, kind: 'default' } : t.v === 'true' || t.v === 'false' ? { lit: t.v === 'true', kind: 'name' } : { lit: t.v, kind: 'name' };
    return { lit: t.k === 'int' ? BigInt(t.v) : t.k === 'float' ? Number(t.v) : t.v, kind: t.k };
  };
  // A hash literal is only a Struct's parameter: Struct is not modelled, so its content is skipped.
  const skipHash = (open: Token): Arg => {
    let depth = 1;
    while (depth > 0) {
      const t = toks[i++];
      if (!t) throw new TypeParseError('Syntax error at end of input');
      if (t.v === '{' && t.k === 'punct') depth++;
      if (t.v === '}' && t.k === 'punct') depth--;
    }
    return { lit: src.slice(open.at, toks[i - 1]!.at + 1), kind: 'hash' };
  };
  let depth = 0;
  const refWithParams = (name: string): Arg => {
    const start = toks[i - 1]!.at;
    if (peek()?.v !== '[') return { type: build(name, undefined, invalid), ref: name };
    // Type parameters nest (Array[Array[...]]): bounded, so a crafted string cannot exhaust the stack.
    if (++depth > MAX_TYPE_DEPTH) throw new NotModelled(`type parameters nested deeper than ${MAX_TYPE_DEPTH} in '${src.slice(0, 80)}'`);
    i++;
    const params: Arg[] = [];
    if (peek()?.v === ']') throw new NotModelled(`the syntax error in '${src}'`);
    for (;;) {
      params.push(arg());
      const t = toks[i];
      if (!t) throw new TypeParseError('Syntax error at end of input');
      if (t.v === ']') break;
      expect(',');
    }
    i++;
    depth--;
    const ref = src.slice(start, toks[i - 1]!.at + 1).trim();
    return { type: build(name, params, invalid, ref), ref };
  };
  const first = toks[i++];
  if (!first) throw invalid();
  if (first.k !== 'ref') throw invalid();
  const top = refWithParams(first.v);
  if (i < toks.length || !('type' in top)) throw invalid();
  return top.type;
}

const OPAQUE = new Set(['Timestamp', 'Timespan', 'SemVer', 'SemVerRange', 'Binary', 'URI', 'Deferred', 'Type', 'Regexp', 'Struct', 'Tuple',
  'Callable', 'Runtime', 'Object', 'TypeSet', 'Init', 'CatalogEntry', 'Class', 'Resource', 'Error', 'Collection', 'Iterable', 'Iterator', 'TypeAlias']);
const BARE = new Set(['Any', 'Unit', 'Undef', 'Default', 'Data', 'RichData', 'Scalar', 'ScalarData', 'Numeric']);

function build(name: string, params: Arg[] | undefined, invalid: () => TypeParseError, text = name): PType {
  if (OPAQUE.has(name)) return { t: 'Opaque', text };
  if (BARE.has(name)) {
    if (params) throw new NotModelled(`the parameters of ${text}`);
    return { t: name } as PType;
  }
  const p = params ?? [];
  switch (name) {
    case 'Integer': return integerType(p, invalid);
    case 'Float': return floatType(p, invalid);
    case 'String': return p.length ? { t: 'String', size: sizeRange('String', p, invalid) } : { t: 'String' };
    case 'Boolean': return booleanType(p, invalid);
    case 'Enum': return enumType(p);
    case 'Pattern': return { t: 'Pattern', patterns: p.map((a) => ('lit' in a && typeof a.lit === 'string' ? a.lit : fail(invalid))) };
    case 'Optional': case 'NotUndef': case 'Sensitive': return wrapperType(name, p, invalid);
    case 'Variant': return { t: 'Variant', types: p.map((a) => typeArg(a, invalid)) };
    case 'Array': return arrayType(p, invalid);
    case 'Hash': return hashType(p, invalid);
    default: return { t: 'TypeReference', name: text };
  }
}

function fail(invalid: () => TypeParseError): never {
  throw invalid();
}

function typeArg(a: Arg, invalid: () => TypeParseError): PType {
  return 'type' in a ? a.type : fail(invalid);
}

function rangeBound(a: Arg, invalid: () => TypeParseError): bigint | undefined {
  if ('lit' in a && a.kind === 'default') return undefined;
  if ('lit' in a && typeof a.lit === 'bigint') return a.lit;
  throw invalid();
}

function checkCount(name: string, p: Arg[]): void {
  if (p.length > 2) throw new TypeParseError(`Invalid number of type parameters specified: ${name} requires 1 or 2, ${p.length} provided`);
}

function checkOrder<N extends bigint | number>(from: N | undefined, to: N | undefined): void {
  if (from !== undefined && to !== undefined && from > to) throw new TypeParseError(`'from' must be less or equal to 'to'. Got (${from}, ${to}`);
}

function integerType(p: Arg[], invalid: () => TypeParseError): PType {
  checkCount('Integer', p);
  const from = p[0] && rangeBound(p[0], invalid);
  const to = p[1] && rangeBound(p[1], invalid);
  checkOrder(from, to);
  return { t: 'Integer', ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

function floatBound(a: Arg, invalid: () => TypeParseError): number | undefined {
  if ('lit' in a && a.kind === 'default') return undefined;
  if ('lit' in a && (typeof a.lit === 'bigint' || typeof a.lit === 'number')) return Number(a.lit);
  throw invalid();
}

function floatType(p: Arg[], invalid: () => TypeParseError): PType {
  checkCount('Float', p);
  const from = p[0] && floatBound(p[0], invalid);
  const to = p[1] && floatBound(p[1], invalid);
  checkOrder(from, to);
  return { t: 'Float', ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

function sizeRange(name: string, p: Arg[], invalid: () => TypeParseError): IntRange {
  checkCount(name, p);
  const from = p[0] && rangeBound(p[0], invalid);
  const to = p[1] && rangeBound(p[1], invalid);
  checkOrder(from, to);
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

function booleanType(p: Arg[], invalid: () => TypeParseError): PType {
  if (!p.length) return { t: 'Boolean' };
  const a = p[0]!;
  if (p.length === 1 && 'lit' in a && typeof a.lit === 'boolean') return { t: 'Boolean', value: a.lit };
  throw invalid();
}

function enumType(p: Arg[]): PType {
  const last = p[p.length - 1];
  const ci = !!last && 'lit' in last && last.lit === true;
  const values = (ci ? p.slice(0, -1) : p).map((a) => {
    if ('lit' in a && typeof a.lit === 'string' && a.kind !== 'hash') return a.lit;
    throw new TypeParseError('Enum parameters must be identifiers or strings');
  });
  return { t: 'Enum', values, ci };
}

function wrapperType(name: 'Optional' | 'NotUndef' | 'Sensitive', p: Arg[], invalid: () => TypeParseError): PType {
  if (!p.length) return { t: name };
  if (p.length > 1) throw new NotModelled(`${name} with ${p.length} parameters`);
  const a = p[0]!;
  if ('lit' in a && typeof a.lit === 'string' && name !== 'Sensitive') throw new NotModelled(`${name} of a string`);
  return { t: name, type: typeArg(a, invalid) };
}

function arrayType(p: Arg[], invalid: () => TypeParseError): PType {
  if (!p.length) return { t: 'Array', elem: { t: 'Any' } };
  if (p.length > 1) throw new NotModelled('Array with a size');
  return { t: 'Array', elem: typeArg(p[0]!, invalid) };
}

function hashType(p: Arg[], invalid: () => TypeParseError): PType {
  if (!p.length) return { t: 'Hash', key: { t: 'Any' }, value: { t: 'Any' } };
  if (p.length !== 2) throw new NotModelled('Hash with a size');
  return { t: 'Hash', key: typeArg(p[0]!, invalid), value: typeArg(p[1]!, invalid) };
}
