import type { Diagnostic, ErrorCode } from '../source/index.js';
import { Binary, RubySymbol, Secret, renderJson, type HValue } from '../value/index.js';
import { maskValue } from '../security/index.js';
import { contextFor, createLookupBase, moduleLayer, type Layer, type LayerOptions, type LookupBase, type LookupContext } from './context.js';
import { loadFactsFiles, type Facts } from './facts.js';
import { levelLocations } from './locations.js';
import type { DataFile } from './data-file.js';
import { positioned } from './diagnostics.js';
import { LookupError } from './errors.js';
import { dataFile, lookupTop, type Invocation } from './lookup.js';
import { NOT_FOUND, type Found } from './merge.js';
import { listDir } from './paths.js';

/** Every key of every node: values found, and errors per node and key. */
export interface FleetResult {
  values: Map<string, Map<string, HValue>>;
  errors: Map<string, Map<string, Diagnostic>>;
  /** hiera.yaml problems (errors there fail every lookup). */
  diagnostics: Diagnostic[];
}

/** `values` keeps each node's answers; `json` renders each node's row as the fleet command prints it instead. */
export type FleetOutput = 'values' | 'json';

/**
 * Resolves `keys` for each node in order, sharing parsed files across nodes. Without `keys`, each node
 * gets the keys of the data files its own hierarchy reaches (no other key can be found for it).
 *
 * Nodes whose hierarchies reach the same data files get the same answer for every key whose lookup
 * interpolated nothing (lookup_options included): such answers are computed (and rendered) once per set of
 * files and shared (they are read-only, as values read straight from a data file already are). Errors are
 * never shared.
 */
export function resolveNodes(base: LookupBase, fleet: Facts[], keys?: readonly string[], output: FleetOutput = 'values'): FleetResult & { keys: string[]; rows?: Map<string, string> } {
  const values = new Map<string, Map<string, HValue>>();
  const rows = output === 'json' ? new Map<string, string>() : undefined;
  const errors = new Map<string, Map<string, Diagnostic>>();
  const seen = new Set<string>(keys);
  const configError = base.diagnostics.find((d) => d.severity === 'error');
  // Per set of files, answers and rendered pairs by position in the node's key list (the same list for the set).
  const shared = new Map<string, { answers: (Found | undefined)[]; pairs: (string | undefined)[] }>();
  for (const facts of fleet) {
    const ctx = contextFor(base, facts);
    const row = new Map<string, HValue>();
    const pairs: string[] = [];
    const errs = new Map<string, Diagnostic>();
    const chain = nodeChain(base, ctx);
    const own = keys ?? chainKeys(base, chain);
    if (!keys) for (const k of own) seen.add(k);
    let same = shared.get(chain.signature);
    if (!same) shared.set(chain.signature, (same = { answers: new Array(own.length), pairs: new Array(own.length) }));
    // One invocation per node: the name stack is empty between keys, warnings are per node.
    const inv: Invocation = { ctx, stack: [], warnings: new Set() };
    for (let i = 0; i < own.length; i++) {
      const key = own[i]!;
      if (configError) {
        errs.set(key, configError);
        continue;
      }
      let v = same.answers[i];
      let isShared = v !== undefined;
      if (v === undefined) {
        inv.scoped = false;
        try {
          v = lookupTop(inv, key);
        } catch (err) {
          if (!(err instanceof LookupError)) throw err;
          errs.set(key, positioned(err));
          continue;
        }
        if (!inv.scoped) {
          same.answers[i] = v;
          isShared = true;
        }
      }
      if (v === NOT_FOUND) continue;
      if (!rows) {
        row.set(key, v);
        continue;
      }
      let pair = isShared ? same.pairs[i] : undefined;
      if (pair === undefined) {
        pair = jsonPair(key, v);
        if (isShared) same.pairs[i] = pair;
      }
      pairs.push(pair);
    }
    if (rows) rows.set(facts.node, `{${pairs.join(',')}}`);
    else values.set(facts.node, row);
    if (errs.size) errors.set(facts.node, errs);
  }
  return { values, ...(rows && { rows }), errors, diagnostics: base.diagnostics, keys: [...seen].sort() };
}

/** The data locations a node's hierarchies reach, in lookup order: the files, and a signature naming every location. */
interface NodeChain {
  signature: string;
  files: DataFile[];
}

/** Global, environment, then every module with data: the same for every node, so listed once per base. */
function layersOf(base: LookupBase): (Layer | undefined)[] {
  let layers = baseLayers.get(base);
  if (layers) return layers;
  layers = [base.global, base.environment];
  for (const mp of base.modulepath) {
    for (const mod of listDir(mp)) {
      const m = moduleLayer(base, mod);
      if (m && m !== 'no-module') layers.push(m);
    }
  }
  baseLayers.set(base, layers);
  return layers;
}

const baseLayers = new WeakMap<LookupBase, (Layer | undefined)[]>();

function nodeChain(base: LookupBase, ctx: LookupContext): NodeChain {
  const layers = layersOf(base);
  const inv: Invocation = { ctx, stack: [], warnings: new Set() };
  const files: DataFile[] = [];
  let signature = '';
  for (let li = 0; li < layers.length; li++) {
    const layer = layers[li];
    if (!layer) continue;
    const levels = layer.config.defaultHierarchy ? [...layer.config.hierarchy, ...layer.config.defaultHierarchy] : layer.config.hierarchy;
    for (let vi = 0; vi < levels.length; vi++) {
      const lv = levels[vi]!;
      const locs = levelLocations(ctx, layer, lv);
      // Missing locations answer nothing; every other one (readable or not, file or URI) is part of the answer.
      if (locs === null) signature += `${li}:${vi}:none\0`;
      for (const loc of locs ?? []) {
        if (loc.missing) continue;
        signature += `${li}:${vi}:${loc.uri ? 'uri' : lv.fn.name}:${loc.path}\0`;
        if (loc.uri) continue;
        try {
          files.push(dataFile(inv, layer, lv, loc.path, loc));
        } catch {
          // an unreadable file fails its lookups; they report it
        }
      }
    }
  }
  return { signature, files };
}

/** The sorted top-level keys of a chain's files; most nodes share their chain, so it is computed once per chain. */
function chainKeys(base: LookupBase, chain: NodeChain): string[] {
  let sets = keySets.get(base);
  if (!sets) keySets.set(base, (sets = new Map()));
  let cached = sets.get(chain.signature);
  if (cached) return cached;
  const keys = new Set<string>();
  for (const f of chain.files) for (const k of f.data.keys()) if (typeof k === 'string' && k !== 'lookup_options') keys.add(k);
  cached = [...keys].sort();
  sets.set(chain.signature, cached);
  return cached;
}

const keySets = new WeakMap<LookupBase, Map<string, string[]>>();

function opaque(v: HValue): boolean {
  if (v instanceof Secret || v instanceof RubySymbol || v instanceof Binary) return true;
  if (Array.isArray(v)) return v.some(opaque);
  if (v instanceof Map) for (const x of v.values()) if (opaque(x)) return true;
  return false;
}

/** Values cross the worker boundary by structured clone; opaque classes are tagged on the way. */
export function encodeValue(v: HValue): unknown {
  return opaque(v) ? encodeDeep(v) : v;
}

function encodeDeep(v: HValue): unknown {
  if (v instanceof Secret) return { $hd: 'secret', scheme: v.scheme, origin: v.origin };
  if (v instanceof RubySymbol) return { $hd: 'symbol', name: v.name };
  if (v instanceof Binary) return { $hd: 'binary', bytes: v.bytes };
  if (Array.isArray(v)) return v.map(encodeDeep);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, encodeDeep(x)]));
  return v;
}

function tagged(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(tagged);
  if (v instanceof Map) for (const x of v.values()) if (tagged(x)) return true;
  return v !== null && typeof v === 'object' && '$hd' in v;
}

export function decodeValue(v: unknown): HValue {
  return tagged(v) ? decodeDeep(v) : (v as HValue);
}

function decodeDeep(v: unknown): HValue {
  if (Array.isArray(v)) return v.map(decodeDeep);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, decodeDeep(x)]));
  if (v !== null && typeof v === 'object') {
    const o = v as { $hd: string; scheme?: string; origin?: string; name?: string; bytes?: Uint8Array };
    if (o.$hd === 'secret') return new Secret(o.scheme!, o.origin!);
    if (o.$hd === 'symbol') return new RubySymbol(o.name!);
    return new Binary(o.bytes!);
  }
  return v as HValue;
}

export interface WorkerInput {
  options: LayerOptions;
  /** Facts files this worker loads itself (so loading is parallel too)... */
  factFiles?: string[];
  /** ...or facts already loaded by the caller. */
  facts?: Facts[];
  keys?: string[];
  /** Values (structured-cloned), or each node's row already rendered as the fleet command prints it. */
  output: FleetOutput;
}

export interface WorkerOutput {
  values?: Map<string, Map<string, HValue>>;
  rows?: Map<string, string>;
  errors: Map<string, Map<string, Diagnostic>>;
  keys: string[];
  /** A HieradriftError met in a worker. */
  failure?: { code: ErrorCode; message: string; diagnostic?: Diagnostic };
}

export function runChunk(input: WorkerInput): WorkerOutput {
  const facts = input.facts ?? loadFactsFiles(input.factFiles ?? []);
  const r = resolveNodes(createLookupBase(input.options), facts, input.keys, input.output);
  if (r.rows) return { rows: r.rows, errors: r.errors, keys: r.keys };
  for (const row of r.values.values()) for (const [k, v] of row) row.set(k, encodeValue(v) as HValue);
  return { values: r.values, errors: r.errors, keys: r.keys };
}

/** `"key":value` as the fleet command prints it: masked (src/security), Puppet's JSON. */
function jsonPair(key: string, v: HValue): string {
  return `${renderedKey(key)}:${renderJson(maskValue(v, key))}`;
}

/** Every node repeats the same keys: each is rendered once (bounded). */
const renderedKeys = new Map<string, string>();

function renderedKey(k: string): string {
  let s = renderedKeys.get(k);
  if (s === undefined) {
    if (renderedKeys.size >= 100_000) renderedKeys.clear();
    renderedKeys.set(k, (s = renderJson(k)));
  }
  return s;
}
