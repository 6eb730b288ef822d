import type { Diagnostic } from '../source/index.js';
import type { HValue } from '../value/index.js';
import type { HieraLevel, LayerKind } from './config-types.js';
import { moduleLayer, type Layer, type Location, type LookupContext } from './context.js';
import { convertTo } from './convert-to.js';
import { entryOf, loadData, valueWhere, type DataFile } from './data-file.js';
import { LookupError } from './errors.js';
import { Explainer, dumpValue } from './explain.js';
import { digExplained, mergeHeader, providerTitle, withMergeResult } from './lookup-explain.js';
import { interpolate, subLookup, type InterpolationHost } from './interpolate.js';
import { levelLocations } from './locations.js';
import { lookupOptionsFor, optionsForKey } from './lookup-options.js';
import { MergeStrategy, NOT_FOUND, strategyFor, type Found, type MergeSpec } from './merge.js';
import { splitKey, type KeySegment } from './split-key.js';
import { positioned } from './diagnostics.js';

/** One `puppet lookup` invocation: the name stack, warnings, and the explainer when asked. */
export interface Invocation {
  ctx: LookupContext;
  stack: string[];
  warnings: Set<string>;
  ex?: Explainer;
  /**
   * Set once a value this invocation read was interpolated: its answer then depends on the node's scope,
   * not only on which data files the node's hierarchy reaches (the fleet resolver shares only the latter).
   */
  scoped?: boolean;
  /** The interpolation host, made on first use. */
  host?: DataHost;
}

export interface LookupOptions {
  /** `--merge`: replaces any lookup_options merge. */
  merge?: MergeSpec;
  default?: HValue;
  explain?: boolean;
}

export interface LookupResult {
  found: boolean;
  value?: HValue;
  explain?: string;
  error?: Diagnostic;
  warnings?: string[];
}

/** Looks a key up the way `puppet lookup KEY` does for this node. */
export function lookup(ctx: LookupContext, key: string, opts: LookupOptions = {}): LookupResult {
  const inv: Invocation = { ctx, stack: [], warnings: new Set() };
  if (opts.explain) inv.ex = new Explainer();
  const done = (r: LookupResult): LookupResult => {
    const warnings = [...ctx.warnings, ...inv.warnings];
    if (warnings.length) r.warnings = warnings;
    if (inv.ex) r.explain = inv.ex.render();
    return r;
  };
  const configError = ctx.base.diagnostics.find((d) => d.severity === 'error');
  if (configError) return done({ found: false, error: configError });
  try {
    const merge = opts.merge === undefined ? undefined : strategyFor(opts.merge);
    const v = lookupTop(inv, key, merge);
    if (v === NOT_FOUND) {
      if (opts.default !== undefined) return done({ found: true, value: opts.default });
      inv.ex?.line(`Function lookup() did not find a value for the name '${key}'`);
      return done({ found: false });
    }
    return done({ found: true, value: v });
  } catch (err) {
    if (!(err instanceof LookupError)) throw err;
    inv.ex?.line(err.message);
    return done({ found: false, error: positioned(err) });
  }
}

/** What a lookup key says by itself, parsed once per distinct key (read-only). */
interface KeyInfo {
  segs: KeySegment[];
  /** The first segment: the key looked up in the data. */
  root: string;
  /** The module namespace of the root key, if it has one. */
  mod: string | undefined;
}

const keyInfos = new Map<string, KeyInfo | null>();

function keyInfo(key: string): KeyInfo | null {
  let info = keyInfos.get(key);
  if (info !== undefined) return info;
  const segs = splitKey(key);
  if (segs) {
    const root = String(segs[0]);
    const i = root.indexOf('::');
    info = { segs, root, mod: i > 0 ? root.slice(0, i) : undefined };
  } else info = null;
  if (keyInfos.size >= 100_000) keyInfos.clear();
  keyInfos.set(key, info);
  return info;
}

/** Lookup.lookup for one key: options, the three layers, default_hierarchy, dig, convert_to. */
export function lookupTop(inv: Invocation, key: string, merge?: MergeStrategy): Found {
  const ex = inv.ex;
  if (key === 'lookup_options' || key.startsWith('lookup_options.')) {
    ex?.line('Invalid key "lookup_options"');
    return NOT_FOUND;
  }
  // LookupKey.new parses the key before the invocation starts: its syntax error is not wrapped.
  const info = keyInfo(key);
  if (!info) throw new LookupError(`Syntax error in key: '${key}'`, true);
  const stack = inv.stack;
  try {
    if (stack.includes(key)) throw new LookupError(`Recursive lookup detected in [${stack.join(', ')}]`);
    stack.push(key);
    try {
      return lookupChecked(inv, key, info, merge);
    } finally {
      stack.pop();
    }
  } catch (err) {
    if (err instanceof LookupError) throw new LookupError(`Lookup of key '${key}' failed: ${err.message}`, err.silent, err.where);
    throw err;
  }
}

function lookupChecked(inv: Invocation, key: string, info: KeyInfo, merge: MergeStrategy | undefined): Found {
  const ex = inv.ex;
  const opts = optionsForKey(inv, info.root, info.mod);
  const strategy = merge ?? strategyFor((opts?.get('merge') as MergeSpec | undefined) ?? null);
  if (!merge && opts?.has('merge')) ex?.line('Using merge options from "lookup_options" hash');
  let v = ex ? ex.with(`Searching for "${key}"`, () => searchKey(inv, key, info, strategy, merge)) : searchKey(inv, key, info, strategy, merge);
  const conv = opts?.get('convert_to');
  // LookupAdapter#convert_result: a nil convert_to means no conversion.
  if (v !== NOT_FOUND && conv !== undefined && conv !== null) {
    ex?.line(`Applying convert_to lookup_option with arguments ${dumpValue(Array.isArray(conv) ? conv : [conv])}`);
    v = convertTo(key, v, conv);
  }
  return v;
}

function searchKey(inv: Invocation, key: string, info: KeyInfo, strategy: MergeStrategy, merge: MergeStrategy | undefined): Found {
  const { segs, root, mod } = info;
  let v = searchLayers(inv, root, mod, strategy);
  if (v === NOT_FOUND && mod) v = searchDefaultHierarchy(inv, root, mod, merge);
  if (v === NOT_FOUND || segs.length === 1) return v;
  const ex = inv.ex;
  const dug = ex ? ex.with(`Sub key: "${segs.slice(1).join('.')}"`, () => digExplained(inv, key, segs.slice(1), v as HValue)) : subLookup(key, segs.slice(1), v);
  return dug === undefined ? NOT_FOUND : dug;
}

const LAYERS: readonly LayerKind[] = ['global', 'environment', 'module'];

/** One layer's provider for a root key (module layers only for keys in a module's namespace). */
function layerLookup(inv: Invocation, kind: LayerKind, root: string, mod: string | undefined, strategy: MergeStrategy): Found {
  const base = inv.ctx.base;
  let layer: Layer | undefined;
  if (kind === 'global') layer = base.global;
  else if (kind === 'environment') layer = base.environment;
  else if (mod) {
    const m = moduleLayer(base, mod);
    if (m === 'no-module' || m === null) {
      inv.ex?.line(m === null ? `Module data provider for module "${mod}" not found` : `Module "${mod}" not found`);
      return NOT_FOUND;
    }
    layer = m;
  }
  if (!layer) return NOT_FOUND;
  return providerLookup(inv, layer, layer.config.hierarchy, root, strategy);
}

function searchLayers(inv: Invocation, root: string, mod: string | undefined, strategy: MergeStrategy): Found {
  const ex = inv.ex;
  if (!ex && strategy.name === 'first') {
    // The common case, without closures: first found across global, environment, module.
    for (const kind of LAYERS) {
      const r = layerLookup(inv, kind, root, mod, strategy);
      if (r !== NOT_FOUND) return r;
    }
    return NOT_FOUND;
  }
  const one = (kind: LayerKind): Found => layerLookup(inv, kind, root, mod, strategy);
  if (!ex || strategy.name === 'first') return strategy.lookup(LAYERS, one);
  return ex.with(mergeHeader(strategy), () => withMergeResult(inv, strategy.lookup(LAYERS, one)));
}

function searchDefaultHierarchy(inv: Invocation, root: string, mod: string, merge: MergeStrategy | undefined): Found {
  const m = moduleLayer(inv.ctx.base, mod);
  if (m === 'no-module' || m === null || !m.config.defaultHierarchy) return NOT_FOUND;
  const levels = m.config.defaultHierarchy;
  const run = (): Found => {
    const all = lookupOptionsFor(inv, mod, levels);
    const opts = optionsForKey(inv, root, mod, all);
    const strategy = merge ?? strategyFor((opts?.get('merge') as MergeSpec | undefined) ?? null);
    const body = (): Found => providerLookup(inv, m, levels, root, strategy);
    return inv.ex ? inv.ex.with(`Searching for "${root}"`, body) : body();
  };
  return inv.ex ? inv.ex.with(`Searching default_hierarchy of module "${mod}"`, run) : run();
}

/** ConfiguredDataProvider: the strategy over the levels, each level over its locations. */
export function providerLookup(inv: Invocation, layer: Layer, levels: HieraLevel[], root: string, strategy: MergeStrategy): Found {
  const ex = inv.ex;
  if (!ex && strategy.name === 'first') return firstFound(inv, layer, levels, root);
  const level = (lv: HieraLevel): Found => {
    const locs = levelLocations(inv.ctx, layer, lv);
    const body = (): Found => {
      if (locs === null) throw new LookupError(`'${lv.fn.name}' one of 'path', 'paths' 'glob', 'globs' or 'mapped_paths' must be declared in hiera.yaml when using this data_hash function`, true);
      return strategy.lookup(locs, (loc) => {
        const at = (): Found => {
          if (loc.missing) {
            ex?.line('Path not found');
            return NOT_FOUND;
          }
          checkFunctionOptions(lv);
          return fileLookup(inv, layer, lv, loc, root);
        };
        if (!ex) return at();
        return ex.with(`${loc.uri ? 'URI' : 'Path'} "${loc.path}"`, () => {
          ex.line(`Original ${loc.uri ? 'uri' : 'path'}: "${loc.original}"`);
          return at();
        });
      });
    };
    if (!ex) return body();
    return ex.with(`Hierarchy entry "${lv.name}"`, () => (locs && locs.length > 1 && strategy.name !== 'first' ? ex.with(mergeHeader(strategy), () => withMergeResult(inv, body())) : body()));
  };
  if (!ex) return strategy.lookup(levels, level);
  if (layer.config.isDefault) {
    // Puppet drops the missing locations of a default config, and entries left without any.
    const kept = levels.filter((lv) => (levelLocations(inv.ctx, layer, lv) ?? []).some((l) => !l.missing));
    if (kept.length === 0) {
      return ex.with(providerTitle(layer), () => {
        ex.line(`No such key: "${inv.stack[inv.stack.length - 1] ?? root}"`);
        return NOT_FOUND;
      });
    }
  }
  return ex.with(providerTitle(layer), () => {
    if (!layer.config.isDefault) ex.line(`Using configuration "${layer.config.file}"`);
    if (levels.length > 1 && strategy.name !== 'first') return ex.with(mergeHeader(strategy), () => withMergeResult(inv, strategy.lookup(levels, level)));
    return strategy.lookup(levels, level);
  });
}

function firstFound(inv: Invocation, layer: Layer, levels: HieraLevel[], root: string): Found {
  for (const lv of levels) {
    const locs = levelLocations(inv.ctx, layer, lv);
    if (locs === null) throw new LookupError(`'${lv.fn.name}' one of 'path', 'paths' 'glob', 'globs' or 'mapped_paths' must be declared in hiera.yaml when using this data_hash function`, true);
    for (const loc of locs) {
      if (loc.missing) continue;
      checkFunctionOptions(lv);
      const r = fileLookup(inv, layer, lv, loc, root);
      if (r !== NOT_FOUND) return r;
    }
  }
  return NOT_FOUND;
}

/** yaml_data and json_data dispatch on {path} only: any other option falls to their missing_path error. */
function checkFunctionOptions(lv: HieraLevel): void {
  if (lv.options?.size && (lv.fn.name === 'yaml_data' || lv.fn.name === 'json_data')) {
    throw new LookupError(`'${lv.fn.name}' one of 'path', 'paths' 'glob', 'globs' or 'mapped_paths' must be declared in hiera.yaml when using this data_hash function`);
  }
}

export function dataFile(inv: Invocation, layer: Layer, lv: HieraLevel, path: string, loc?: Location): DataFile {
  let f = loc?.file;
  if (!f) {
    f = loadShared(inv, layer, lv, path);
    if (loc) loc.file = f;
  }
  if (f.warnings.length) for (const w of f.warnings) inv.warnings.add(w);
  if (f.error) throw new LookupError(f.error, layer.kind !== 'global', { file: path });
  return f;
}

function loadShared(inv: Invocation, layer: Layer, lv: HieraLevel, path: string): DataFile {
  const files = inv.ctx.base.files;
  const cacheKey = `${lv.fn.name}\0${layer.module ?? ''}\0${path}`;
  let f = files.get(cacheKey);
  if (!f) files.set(cacheKey, (f = loadData(path, lv.fn.name, layer.module)));
  return f;
}

function fileLookup(inv: Invocation, layer: Layer, lv: HieraLevel, loc: Location, root: string): Found {
  const path = loc.path;
  const f = dataFile(inv, layer, lv, path, loc);
  const e = entryOf(f, root);
  if (!e) {
    inv.ex?.line(`No such key: "${root}"`);
    return NOT_FOUND;
  }
  let v = e.value;
  if (root === 'lookup_options' && !(v instanceof Map)) throw new LookupError('value of lookup_options must be a hash', false, valueWhere(f, root));
  if (e.richDataProblem) {
    throw new LookupError(
      `Value for key '${root}', in hash returned from data_hash function '${lv.fn.name}', when using location '${path}', has wrong type, expects Puppet::LookupValue, got ${e.richDataProblem}`,
      false,
      valueWhere(f, root),
    );
  }
  if (e.eyamlProblem) {
    throw new LookupError(`hiera-eyaml backend error decrypting ENC[...] when looking up ${root} in ${path}. Error was ${e.eyamlProblem}`, false, valueWhere(f, root));
  }
  if (e.needsInterpolation) {
    inv.scoped = true;
    const host = (inv.host ??= dataHost(inv));
    // Nested lookups reuse the host: the value being interpolated is restored when they return.
    const outer = host.at;
    host.at = { file: f, root };
    try {
      v = interpolate(v, host, true);
    } catch (err) {
      if (err instanceof LookupError && !err.where) err.where = valueWhere(f, root);
      throw err;
    } finally {
      host.at = outer;
    }
  }
  inv.ex?.found(root, v);
  return v;
}

/** The interpolation host of an invocation; `at` is the data value being interpolated, for warnings. */
export interface DataHost extends InterpolationHost {
  at?: { file: DataFile; root: string };
}

/** Interpolation of data values; warnings name the value's position (Puppet says "file & line not available"). */
export function dataHost(inv: Invocation): DataHost {
  const scope = inv.ctx.scope;
  const host: DataHost = {
    scopeVar: (name) => (scope.has(name) ? scope.get(name) : undefined),
    lookup: (k) => {
      const r = lookupTop(inv, k);
      return r === NOT_FOUND ? '' : r;
    },
    warn: (m) => {
      const w = host.at && valueWhere(host.at.file, host.at.root);
      inv.warnings.add(w?.line ? `${m}(${w.file}:${w.line}:${w.column})` : m);
    },
    stack: inv.stack,
    ...(inv.ex && { ex: inv.ex }),
  };
  return host;
}
