import type { HHash, HValue } from '../value/index.js';
import type { HieraLevel } from './config-types.js';
import { moduleLayer } from './context.js';
import { LookupError } from './errors.js';
import { providerLookup, type Invocation } from './lookup.js';
import { NOT_FOUND, strategyFor, type Found } from './merge.js';
import { rubyRegExp } from './ruby-regexp.js';
import { dumpValue } from './explain.js';

/** The merged lookup_options of a node (per module), with its `^` patterns compiled once. */
export interface CompiledOptions {
  all: HHash;
  patterns: [RegExp, HValue][];
  error?: LookupError;
  /** Some lookup_options value was interpolated: the options depend on the node's scope. */
  scoped?: boolean;
}

const HASH = strategyFor('hash');

/**
 * lookup_options as Puppet gathers them: a hash merge over each layer's hierarchy, then
 * environment.merge(global), then module.merge(that). Cached per node and module.
 */
export function lookupOptionsFor(inv: Invocation, mod: string | undefined, defaultLevels?: HieraLevel[]): CompiledOptions | undefined {
  const cacheKey = defaultLevels ? `default:${mod}` : (mod ?? '');
  const cache = inv.ctx.lookupOptions;
  if ((!inv.ex || inv.ex.optionsShown.has(cacheKey)) && cache.has(cacheKey)) return rethrow(inv, cache.get(cacheKey));
  inv.ex?.optionsShown.add(cacheKey);
  const meta: Invocation = { ctx: inv.ctx, stack: [], warnings: inv.warnings };
  if (inv.ex) meta.ex = inv.ex;
  let compiled: CompiledOptions | undefined;
  try {
    const run = (): Found => gather(meta, mod, defaultLevels);
    const found = inv.ex ? inv.ex.with('Searching for "lookup_options"', run) : run();
    compiled = found === NOT_FOUND ? undefined : compile(found as HHash, mod);
    if (compiled && meta.scoped) compiled.scoped = true;
  } catch (err) {
    if (!(err instanceof LookupError)) throw err;
    compiled = { all: new Map(), patterns: [], error: new LookupError(`Lookup of key 'lookup_options' failed: ${err.message}`, err.silent, err.where) };
  }
  cache.set(cacheKey, compiled);
  return rethrow(inv, compiled);
}

function rethrow(inv: Invocation, c: CompiledOptions | undefined): CompiledOptions | undefined {
  if (c?.error) throw c.error;
  if (c?.scoped) inv.scoped = true;
  return c;
}

function gather(meta: Invocation, mod: string | undefined, defaultLevels?: HieraLevel[]): Found {
  const base = meta.ctx.base;
  if (defaultLevels) {
    const m = moduleLayer(base, mod!);
    if (m === 'no-module' || m === null) return NOT_FOUND;
    return providerLookup(meta, m, defaultLevels, 'lookup_options', HASH);
  }
  const layers = [base.global, base.environment];
  let opts = HASH.lookup(layers, (l) => (l ? providerLookup(meta, l, l.config.hierarchy, 'lookup_options', HASH) : NOT_FOUND));
  if (mod) {
    const m = moduleLayer(base, mod);
    if (m !== 'no-module' && m !== null) {
      const mopts = providerLookup(meta, m, m.config.hierarchy, 'lookup_options', HASH);
      if (mopts !== NOT_FOUND) {
        validateModuleOptions(mopts, mod);
        opts = opts === NOT_FOUND ? mopts : mergeWithModule(meta, opts as HHash, mopts, mod);
      }
    }
  }
  return opts;
}

function mergeWithModule(meta: Invocation, opts: HHash, mopts: HValue, mod: string): Found {
  const ex = meta.ex;
  if (!ex) return HASH.lookup([opts, mopts], (x) => x);
  return ex.with('Merge strategy hash', () => {
    ex.with('Global and Environment', () => ex.found('lookup_options', opts));
    ex.with(`Module ${mod}`, () => ex.found('lookup_options', mopts));
    const merged = HASH.lookup([opts, mopts], (x) => x);
    if (merged !== NOT_FOUND) ex.line(`Merged result: ${dumpValue(merged)}`);
    return merged;
  });
}

function validateModuleOptions(v: HValue, mod: string): void {
  if (!(v instanceof Map)) return;
  for (const k of v.keys()) {
    const s = String(k);
    if (s.startsWith('^')) {
      if (!s.startsWith(`^${mod}::`)) throw new LookupError(`all lookup_options patterns must match a key starting with module name '${mod}'`, true);
    } else if (!s.startsWith(`${mod}::`)) throw new LookupError(`all lookup_options keys must start with module name '${mod}'`, true);
  }
}

function compile(all: HHash, _mod: string | undefined): CompiledOptions {
  if (!(all instanceof Map)) throw new LookupError('value of lookup_options must be a hash');
  const patterns: [RegExp, HValue][] = [];
  for (const [k, v] of all) if (typeof k === 'string' && k.startsWith('^')) patterns.push([rubyRegExp(k), v]);
  return { all, patterns };
}

/** The options hash for a root key: an exact key first, else the first matching pattern. */
export function optionsForKey(inv: Invocation, root: string, mod: string | undefined, compiled?: CompiledOptions): HHash | undefined {
  const c = compiled ?? lookupOptionsFor(inv, mod);
  if (!c) return undefined;
  let v = c.all.get(root);
  if (v === undefined) v = c.patterns.find(([re]) => re.test(root))?.[1];
  if (v === undefined || v === null) return undefined;
  if (!(v instanceof Map)) throw new LookupError('no implicit conversion of String into Integer');
  return v;
}
