import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { HieradriftError, type Diagnostic } from '../source/index.js';
import type { HValue } from '../value/index.js';
import { createLookupBase, type LayerOptions, type LookupBase } from './context.js';
import type { Facts } from './facts.js';
import { decodeValue, resolveNodes, type FleetOutput, type FleetResult, type WorkerInput, type WorkerOutput } from './fleet.js';
import { loadFactsFiles } from './facts.js';
import { renderJson } from '../value/index.js';

export interface ResolveOptions extends LayerOptions {
  /** Loaded facts, or a facts file/directory (then each thread loads its share of the files). */
  facts: Facts[] | string;
  /** Keys to resolve; default: every top-level key found in the data. */
  keys?: readonly string[];
  /** Fleets at least this large are split across threads (default: DEFAULT_PARALLEL_THRESHOLD, or one node per thread with `jobs`). */
  parallelThreshold?: number;
  /** Threads to use (default: the machine's cores, up to 4, for fleets over the threshold). */
  jobs?: number;
}

/** The fleet as `hieradrift resolve --render-as json` prints it: masked, Puppet's JSON, one row per node. */
export interface FleetJson {
  /** `{"node":{"key":value,...},...}` (no trailing newline). */
  json: string;
  errors: Map<string, Map<string, Diagnostic>>;
  diagnostics: Diagnostic[];
  keys: string[];
}

/**
 * Measured on 2 cores (cold command, synthetic repo, 400 keys): one thread already keeps the second core busy with
 * V8's compiler and collector, and each worker re-reads the data and warms its own JIT, so a split only pays from
 * about 1500 nodes (1000: 1.4-1.7 s alone vs 1.6-1.9 s split; 2000: 2.6-3.1 vs 2.3-2.5; 4000: 5.1-5.5 vs 3.5-4.1).
 */
const DEFAULT_PARALLEL_THRESHOLD = 1500;

/** `{node: {key: value}}` for the whole fleet, using a worker thread per extra core when the fleet is large. */
export async function resolveFleet(opts: ResolveOptions): Promise<FleetResult & { keys: string[] }> {
  const parts = await runFleet(opts, 'values');
  const values = new Map<string, Map<string, HValue>>();
  const errors = new Map<string, Map<string, Diagnostic>>();
  for (const p of parts.chunks) {
    for (const [n, row] of p.values!) values.set(n, row);
    for (const [n, e] of p.errors) errors.set(n, e);
  }
  return { values, errors, diagnostics: parts.diagnostics, keys: parts.keys };
}

/** The fleet rendered as JSON (masked); each thread renders the rows it resolved. */
export async function resolveFleetJson(opts: ResolveOptions): Promise<FleetJson> {
  const parts = await runFleet(opts, 'json');
  // A node named twice keeps its first place and its last row, as a Map would.
  const rows = new Map<string, string>();
  const errors = new Map<string, Map<string, Diagnostic>>();
  for (const p of parts.chunks) {
    for (const [n, row] of p.rows!) rows.set(n, row);
    for (const [n, e] of p.errors) errors.set(n, e);
  }
  let json = '{';
  for (const [n, row] of rows) json += (json.length > 1 ? ',' : '') + renderJson(n) + ':' + row;
  return { json: json + '}', errors, diagnostics: parts.diagnostics, keys: parts.keys };
}

interface FleetParts {
  chunks: WorkerOutput[];
  diagnostics: Diagnostic[];
  keys: string[];
}

async function runFleet(opts: ResolveOptions, output: FleetOutput): Promise<FleetParts> {
  const { facts, keys: wanted, parallelThreshold, jobs, ...layers } = opts;
  // Asked for threads, the caller gets them (a node per thread at least); by default only large fleets split.
  const threshold = parallelThreshold ?? (jobs !== undefined ? jobs : DEFAULT_PARALLEL_THRESHOLD);
  const keys = wanted ? [...wanted] : undefined;
  const threads = Math.max(1, Math.min(jobs ?? availableParallelism(), 4));
  const files = typeof facts === 'string' ? factFiles(facts) : undefined;
  const count = files?.length ?? (facts as Facts[]).length;
  const items: (string | Facts)[] = files ?? (facts as Facts[]);
  const parts = threads < 2 || count < threshold ? [items] : splitForThreads(items, threads);
  const chunks: WorkerInput[] = parts.map((part) => ({
    options: layers,
    output,
    ...(files ? { factFiles: part as string[] } : { facts: part as Facts[] }),
    ...(keys && { keys }),
  }));
  // Workers first, so they boot while this thread reads the configuration and resolves its share.
  const workers = chunks.slice(1).map(startWorker);
  let all: WorkerOutput[];
  let base: LookupBase;
  try {
    base = createLookupBase(layers);
    const mine = chunks[0]!;
    const local = resolveNodes(base, mine.facts ?? loadFactsFiles(mine.factFiles ?? []), keys, output);
    const first: WorkerOutput = local.rows ? { rows: local.rows, errors: local.errors, keys: local.keys } : { values: local.values, errors: local.errors, keys: local.keys };
    all = [first, ...(await Promise.all(workers.map((w) => w.result)))];
  } catch (err) {
    // One failure fails the fleet: the other threads stop, and their own failures are not left unhandled.
    for (const w of workers) {
      w.result.catch(() => undefined);
      void w.worker.terminate();
    }
    throw err;
  }
  const seen = new Set<string>();
  for (const c of all) for (const k of c.keys) seen.add(k);
  return { chunks: all, diagnostics: base.diagnostics, keys: [...seen].sort() };
}

/**
 * The main thread's share first, then one share per worker. The main thread starts at once while workers boot
 * and later pay for the transfer, so it takes a larger share; a small fleet's last workers may get none and
 * are not started.
 */
function splitForThreads<T>(items: T[], threads: number): T[][] {
  const mainShare = Math.ceil((items.length * 1.2) / (threads + 0.2));
  const per = Math.ceil((items.length - mainShare) / (threads - 1));
  const parts = [items.slice(0, mainShare)];
  for (let i = 0; i < threads - 1; i++) {
    const part = items.slice(mainShare + i * per, mainShare + (i + 1) * per);
    if (part.length > 0) parts.push(part);
  }
  return parts;
}

function factFiles(path: string): string[] {
  const abs = resolvePath(path);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (!st) throw new HieradriftError('io', `No such file or directory @ rb_sysopen - ${path}`);
  if (!st.isDirectory()) return [abs];
  return readdirSync(abs).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort().map((f) => join(abs, f));
}

/** Contract form: values only. */
export async function resolveAll(opts: ResolveOptions): Promise<Map<string, Map<string, HValue>>> {
  return (await resolveFleet(opts)).values;
}

function startWorker(input: WorkerInput): { worker: Worker; result: Promise<WorkerOutput> } {
  // A larger young generation: a fleet chunk allocates many short-lived values (fewer scavenges).
  const worker = new Worker(new URL('./resolve-worker.js', import.meta.url), { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const result = new Promise<WorkerOutput>((resolvePromise, reject) => {
    worker.once('message', (m: WorkerOutput) => {
      if (m.failure) return reject(new HieradriftError(m.failure.code, m.failure.message, m.failure.diagnostic));
      if (m.values) for (const row of m.values.values()) for (const [k, v] of row) row.set(k, decodeValue(v));
      resolvePromise(m);
    });
    worker.once('error', reject);
  });
  return { worker, result };
}
