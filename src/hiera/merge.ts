import type { HHash, HValue } from '../value/index.js';
import { LookupError } from './errors.js';
import { deepMerge, type DeepOptions } from './deep-merge.js';
import { rubyUnion } from './ruby-compare.js';

/** A merge as `lookup_options` or `--merge` give it: a strategy name or a hash with `strategy`. */
export type MergeSpec = string | HHash;
export type StrategyName = 'first' | 'unique' | 'hash' | 'deep' | 'default' | 'reverse_deep' | 'unconstrained_deep';

export const NOT_FOUND: unique symbol = Symbol('not found');
export type Found = HValue | typeof NOT_FOUND;

/** Reports merges to an explainer; optional so plain lookups stay cheap. */
export interface MergeObserver {
  enterMerge(strategy: MergeStrategy): void;
  leaveMerge(result: Found): void;
}

/**
 * Puppet's MergeStrategy: `lookup` reduces variants in priority order (first found becomes the memo
 * via convert_value, later ones are merged in), and a single variant goes through merge_single.
 */
export class MergeStrategy {
  constructor(
    readonly name: StrategyName,
    readonly options: DeepOptions,
    /** The options as given (without `strategy`), which explain prints. */
    readonly given: HHash = new Map(),
  ) {}

  lookup<T>(variants: readonly T[], fn: (v: T) => Found, obs?: MergeObserver): Found {
    if (this.name === 'first' || this.name === 'default') {
      for (const v of variants) {
        const r = fn(v);
        if (r !== NOT_FOUND) return r;
      }
      return NOT_FOUND;
    }
    if (variants.length === 0) return NOT_FOUND;
    if (variants.length === 1) {
      const r = fn(variants[0]!);
      return r === NOT_FOUND ? r : this.mergeSingle(r);
    }
    obs?.enterMerge(this);
    let memo: Found = NOT_FOUND;
    for (const v of variants) {
      const r = fn(v);
      if (r === NOT_FOUND) continue;
      memo = memo === NOT_FOUND ? this.convertValue(r) : this.merge(memo, r);
    }
    obs?.leaveMerge(memo);
    return memo;
  }

  private mergeSingle(v: HValue): HValue {
    if (this.name === 'unique' && Array.isArray(v)) return rubyUniq(v);
    return v;
  }

  private convertValue(v: HValue): HValue {
    if (this.name === 'unique') return Array.isArray(v) ? flatten(v) : [v];
    if (this.isDeep()) return cloneValue(v);
    return v;
  }

  private merge(e1: HValue, e2: HValue): HValue {
    this.check('first', e1);
    this.check('second', e2);
    if (this.name === 'unique') return uniqConcat(this.convertValue(e1) as HValue[], this.convertValue(e2) as HValue[]);
    if (this.name === 'hash') {
      const out: HHash = new Map(e2 as HHash);
      for (const [k, v] of e1 as HHash) out.set(k, v);
      return out;
    }
    return deepMerge(e1, cloneValue(e2), this.options);
  }

  private isDeep(): boolean {
    return this.name === 'deep' || this.name === 'reverse_deep' || this.name === 'unconstrained_deep';
  }

  private check(which: 'first' | 'second', v: HValue): void {
    const prefix = `The ${which} element of the merge has wrong type, `;
    if (this.name === 'unique') {
      if (v instanceof Map) throw new LookupError(`${prefix}expects a value of type Scalar or Array, got Struct`);
      if (v === null) throw new LookupError(`${prefix}expects a value of type Scalar or Array, got Undef`);
    } else if (this.name === 'hash') {
      if (!(v instanceof Map)) throw new LookupError(`${prefix}expects a Hash value, got ${typeLabel(v)}`);
      for (const k of v.keys()) {
        if (typeof k !== 'string') {
          throw new LookupError(`${prefix}expects a Hash[String, Data] value, got Hash[${typeLabel(k as HValue)}, ...]`);
        }
      }
    }
  }
}

function typeLabel(v: HValue): string {
  if (v === null) return 'Undef';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'bigint') return 'Integer';
  if (typeof v === 'number') return 'Float';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'Tuple';
  if (v instanceof Map) return 'Struct';
  return 'Runtime';
}

/** Ruby Array#flatten. */
export function flatten(a: readonly HValue[]): HValue[] {
  const out: HValue[] = [];
  for (const x of a) {
    if (Array.isArray(x)) out.push(...flatten(x));
    else out.push(x);
  }
  return out;
}

/** Ruby Array#uniq (eql? and hash, as the unique strategy compares). */
export function rubyUniq(a: readonly HValue[]): HValue[] {
  return uniqConcat(a, []);
}

function uniqConcat(a: readonly HValue[], b: readonly HValue[]): HValue[] {
  return rubyUnion(a, b);
}

/** Deep copy of arrays and hashes (Puppet's deep_clone of the lower side). */
export function cloneValue(v: HValue): HValue {
  if (Array.isArray(v)) return v.map(cloneValue);
  if (v instanceof Map) {
    const out: HHash = new Map();
    for (const [k, x] of v) out.set(k, cloneValue(x));
    return out;
  }
  return v;
}

const STRATEGIES = new Set<string>(['first', 'unique', 'hash', 'deep', 'default', 'reverse_deep', 'unconstrained_deep']);

const FIRST = new MergeStrategy('first', {});
const byName = new Map<string, MergeStrategy>();
const byHash = new WeakMap<HHash, MergeStrategy>();

/** MergeStrategy.strategy(merge), memoised: option hashes come from cached data, so they repeat. */
export function strategyFor(spec: MergeSpec | undefined | null): MergeStrategy {
  if (spec === undefined || spec === null) return FIRST;
  const cached = typeof spec === 'string' ? byName.get(spec) : byHash.get(spec);
  if (cached) return cached;
  const s = createStrategy(spec);
  if (typeof spec === 'string') byName.set(spec, s);
  else byHash.set(spec, s);
  return s;
}

/** Validates the name and the options as Puppet does. */
function createStrategy(spec: MergeSpec): MergeStrategy {
  let name: unknown = spec;
  let opts: HHash = new Map();
  if (spec instanceof Map) {
    name = spec.get('strategy');
    if (typeof name !== 'string') {
      throw new LookupError("The hash given as 'merge' must contain the name of a strategy in string form for the key 'strategy'");
    }
    opts = spec;
  }
  if (typeof name !== 'string' || !STRATEGIES.has(name)) {
    throw new LookupError(`Unknown merge strategy: '${typeof name === 'string' ? name : String(name)}'`);
  }
  const deep = name === 'deep' || name === 'reverse_deep' || name === 'unconstrained_deep';
  const options: DeepOptions = {};
  for (const [k, v] of opts) {
    if (k === 'strategy') continue;
    if (!deep || typeof k !== 'string') throw new LookupError(`The merge options has wrong type, unrecognized key '${String(k)}'`);
    if (k === 'knockout_prefix') {
      if (v === null) continue;
      if (typeof v !== 'string') throw new LookupError(`The merge options has wrong type, entry 'knockout_prefix' expects a String value`);
      if (v === '') throw new LookupError('knockout_prefix cannot be an empty string in deep_merge!');
      options.knockoutPrefix = v;
    } else if (k === 'sort_merged_arrays' || k === 'merge_hash_arrays' || k === 'merge_debug') {
      if (v === null) continue;
      if (typeof v !== 'boolean') throw new LookupError(`The merge options has wrong type, entry '${k}' expects a Boolean value`);
      if (k === 'sort_merged_arrays') options.sortMergedArrays = v;
      if (k === 'merge_hash_arrays') options.mergeHashArrays = v;
    } else {
      throw new LookupError(`The merge options has wrong type, unrecognized key '${k}'`);
    }
  }
  const given: HHash = new Map([...opts].filter(([k]) => k !== 'strategy'));
  return new MergeStrategy(name as StrategyName, options, given);
}
