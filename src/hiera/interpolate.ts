import type { HValue } from '../value/index.js';
import { checkRecursion, LookupError } from './errors.js';
import type { Explainer } from './explain.js';
import { splitKey, type KeySegment } from './split-key.js';
import { rubyClassName } from './ruby-compare.js';
import { toS } from './stringify.js';

/** What interpolation needs from the lookup in progress. */
export interface InterpolationHost {
  /** A top-level scope variable; `undefined` when the variable is not defined at all. */
  scopeVar(name: string): HValue | undefined;
  /** lookup('k') / hiera('k') / alias('k'): a full lookup whose default is ''. */
  lookup(key: string): HValue;
  /** Puppet's `Warning: Undefined variable 'x'; `. */
  warn(message: string): void;
  /** The invocation's name stack (recursion guard), shared with nested lookups. */
  stack: string[];
  /** Set when explaining: interpolations and scope reads are reported like Puppet's explainer. */
  ex?: Explainer;
}

const INTERPOLATION = /%\{([^}]*)\}/g;
const METHOD = /^(\w+)\((?:"([^"]+)"|'([^']+)')\)$/;
const EMPTY = new Set(['', '::', '""', "''", '"::"', "'::'"]);

/** True when a value holds `%{` anywhere (strings, array items, hash keys and values). */
export function needsInterpolation(v: HValue): boolean {
  if (typeof v === 'string') return v.includes('%{');
  if (Array.isArray(v)) return v.some(needsInterpolation);
  if (v instanceof Map) {
    for (const [k, x] of v) if ((typeof k === 'string' && k.includes('%{')) || needsInterpolation(x)) return true;
  }
  return false;
}

/** Puppet's Interpolation#interpolate: recurses into arrays and hash keys and values. */
export function interpolate(v: HValue, host: InterpolationHost, allowMethods: boolean): HValue {
  if (typeof v === 'string') {
    if (!v.includes('%{')) return v;
    const ex = host.ex;
    return ex ? ex.with(`Interpolation on "${v}"`, () => interpolateString(v, host, allowMethods)) : interpolateString(v, host, allowMethods);
  }
  if (Array.isArray(v)) {
    let out: HValue[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      const y = interpolate(x, host, allowMethods);
      if (y !== x && !out) out = v.slice(0, i);
      if (out) out.push(y);
    }
    return out ?? v;
  }
  if (v instanceof Map) {
    if (!needsInterpolation(v)) return v;
    const out = new Map();
    for (const [k, x] of v) {
      const nk = typeof k === 'string' ? interpolate(k, host, allowMethods) : k;
      out.set(nk, interpolate(x, host, allowMethods));
    }
    return out;
  }
  return v;
}

/** One `%{...}` of a string, parsed once: Puppet's gsub semantics, precompiled per distinct string. */
interface Expr {
  /** The whole `%{...}` text, for alias's whole-string rule. */
  match: string;
  empty: boolean;
  method: string;
  key: string;
  /** Written with method syntax (`scope('x')` counts, `x` does not). */
  isMethod: boolean;
}
type Part = string | Expr;

const templates = new Map<string, Part[]>();

function compile(subject: string): Part[] {
  let parts = templates.get(subject);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const m of subject.matchAll(INTERPOLATION)) {
    if (m.index > last) parts.push(subject.slice(last, m.index));
    const expr = m[1]!.trim();
    const mm = METHOD.exec(expr);
    const method = mm ? mm[1]! : 'scope';
    const key = mm ? (mm[2] ?? mm[3])! : expr;
    parts.push({ match: m[0], empty: EMPTY.has(expr), method, key, isMethod: method !== 'scope' || key !== expr });
    last = m.index + m[0].length;
  }
  if (last < subject.length) parts.push(subject.slice(last));
  if (templates.size < 200_000) templates.set(subject, parts);
  return parts;
}

function interpolateString(subject: string, host: InterpolationHost, allowMethods: boolean): HValue {
  let out = '';
  for (const p of compile(subject)) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    if (p.empty) continue;
    if (p.isMethod && !allowMethods) throw new LookupError('Interpolation using method syntax is not allowed in this context', true);
    if (p.method === 'alias') {
      if (subject !== p.match) {
        throw new LookupError("'alias' interpolation is only permitted if the expression is equal to the entire string", true);
      }
      return host.lookup(p.key);
    }
    let value: HValue;
    if (p.method === 'scope') value = scopeLookup(p.key, subject, host);
    else if (p.method === 'lookup' || p.method === 'hiera') value = host.lookup(p.key);
    else if (p.method === 'literal') value = p.key;
    else throw new LookupError(`Unknown interpolation method '${p.method}'`, true);
    // Puppet re-interpolates what it got, under the name stack guard.
    const name = p.method === 'scope' ? `scope:${p.key}` : p.key;
    if (needsInterpolation(value)) {
      const v = value;
      value = checkRecursion(host.stack, name, () => interpolate(v, host, allowMethods));
    } else if (host.stack.includes(name)) {
      checkRecursion(host.stack, name, () => null);
    }
    out += value === null ? '' : toS(value);
  }
  return out;
}

/** `%{var}`, `%{a.b.0}`, `%{scope('x')}`: a scope variable, then sub-keys. Undefined gives ''. */
function scopeLookup(key: string, subject: string, host: InterpolationHost): HValue {
  const segs = splitKey(key);
  if (!segs) throw new LookupError(`Syntax error in string: ${subject}`);
  const root = String(segs[0]);
  const name = root.startsWith('::') ? root.slice(2) : root;
  const value = host.scopeVar(name);
  const ex = host.ex;
  if (ex) ex.with('Global Scope', () => (value === undefined ? ex.line(`No such key: "${name}"`) : ex.found(name, value)));
  if (value === undefined) {
    host.warn(`Undefined variable '${name}'; `);
    return null;
  }
  if (value === null || segs.length === 1) return value;
  if (!ex) return subLookup(key, segs.slice(1), value) ?? null;
  return ex.with(`Sub key: "${segs.slice(1).join('.')}"`, () => {
    let cur: HValue | undefined = value;
    for (const seg of segs.slice(1)) {
      cur = subLookup(key, [seg], cur);
      if (cur === undefined) {
        ex.line(`No such key: "${String(seg)}"`);
        return null;
      }
      ex.found(String(seg), cur);
    }
    return cur;
  });
}

/** Puppet's sub_lookup: digs segments; undefined when a segment is missing. */
export function subLookup(key: string, segs: KeySegment[], value: HValue): HValue | undefined {
  let v: HValue = value;
  for (const seg of segs) {
    if (v === null) return undefined;
    if (typeof seg === 'bigint' && Array.isArray(v)) {
      if (seg < 0n || seg >= BigInt(v.length)) return undefined;
      v = v[Number(seg)]!;
      continue;
    }
    if (!(v instanceof Map)) {
      if (typeof v === 'bigint') throw new LookupError(`undefined method \`include?' for ${v}:Integer`);
      throw new LookupError(
        `Data Provider type mismatch: Got ${rubyClassName(v)} when a hash-like object was expected to access value using '${seg}' from key '${key}'`,
      );
    }
    if (!v.has(seg)) return undefined;
    v = v.get(seg)!;
  }
  return v;
}

