import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { decodeFromTransfer, encodeForTransfer } from '../value/transfer.js';
import { createLintSession, lintRepo, type LintRun } from './engine.js';
import { prepareProject, type PreparedProject, type ProjectLint, type ProjectOptions } from './project.js';
import type { LoadedRepo } from './repo/load-repo.js';
import { ruleMap } from './rules/index.js';

export interface ParallelOptions extends ProjectOptions {
  /** Below this many data files one thread is faster than two (default 64). */
  minFiles?: number;
  /** The worker module (tests substitute one that fails). */
  workerModule?: URL;
}

/** What the main thread and the worker say to each other, in this order. */
export type LintMessage =
  | { kind: 'values'; values: [string, unknown][] }
  | { kind: 'results'; run: LintRun }
  | { kind: 'failed'; message: string };

export interface WorkerInput {
  opts: ProjectOptions;
  minFiles: number;
}

const DEFAULT_MIN_FILES = 64;
/** The worker starts ~40 ms after the main thread (isolate boot, module load): it takes the smaller share. */
const WORKER_SHARE = 0.45;

/**
 * The files one side of a two-thread lint reports on. Both threads compute the split from the same
 * sorted targets, so they agree without a message; hiera.yaml files stay on the main thread.
 */
export function splitTargets(prep: PreparedProject, side: 'main' | 'worker'): string[] {
  const hiera = new Set(prep.repo.hiera.map((h) => h.file.file));
  const out: string[] = [];
  let i = 0;
  for (const f of prep.targets) {
    if (hiera.has(f)) {
      if (side === 'main') out.push(f);
      continue;
    }
    const toWorker = Math.floor((i + 1) * WORKER_SHARE) > Math.floor(i * WORKER_SHARE);
    if (toWorker === (side === 'worker')) out.push(f);
    i++;
  }
  return out;
}

export function dataTargetCount(prep: PreparedProject): number {
  const hiera = new Set(prep.repo.hiera.map((h) => h.file.file));
  return prep.targets.filter((f) => !hiera.has(f)).length;
}

/** The values of the files a side has loaded, for the other side's repo-wide rules. */
export function valuesOf(repo: LoadedRepo, files: readonly string[]): [string, unknown][] {
  return files.map((f) => [f, encodeForTransfer(repo.getFile(f)?.load.value)]);
}

export function adoptValues(repo: LoadedRepo, values: readonly [string, unknown][]): void {
  for (const [f, v] of values) repo.adopt(f, decodeFromTransfer(v));
}

/**
 * lintProject on two threads for large trees: each thread parses and walks its share of the files,
 * they swap the loaded values, and each runs the repo-wide rules for its own files. Results are
 * identical to the single-thread lint (same order); any worker failure falls back to one thread.
 */
export async function lintProjectParallel(opts: ParallelOptions): Promise<ProjectLint> {
  const minFiles = opts.minFiles ?? DEFAULT_MIN_FILES;
  const { minFiles: _min, workerModule = new URL('./lint-worker.js', import.meta.url), ...projectOpts } = opts;
  // Only a directory can hold enough files to pay for a worker; start it before reading the repo.
  const wanted = availableParallelism() >= 2 && opts.paths.some((p) => isDirectory(resolve(opts.cwd, p)));
  const worker = wanted ? startWorker(workerModule, { opts: projectOpts, minFiles }) : undefined;
  const prep = prepareProject(projectOpts);
  const baseline = opts.baseline ? { baseline: opts.baseline } : {};
  const whole = (p: PreparedProject): ProjectLint => ({ ...p, run: lintRepo(p.repo, { rules: ruleMap, config: p.config, targets: p.targets, ...baseline }) });
  if (!worker || dataTargetCount(prep) < minFiles) {
    void worker?.terminate();
    return whole(prep);
  }
  const mine = splitTargets(prep, 'main');
  const session = createLintSession(prep.repo, { rules: ruleMap, config: prep.config, targets: mine, ...baseline });
  session.visit();
  try {
    const theirs = await worker.next('values');
    worker.post({ kind: 'values', values: valuesOf(prep.repo, mine) });
    adoptValues(prep.repo, theirs.values);
    session.end();
    const local = session.results();
    const remote = (await worker.next('results')).run;
    return { ...prep, run: merge(prep.targets, local, remote) };
  } catch {
    // The repo may already hold the worker's value-only stubs: start again from the files.
    return whole(prepareProject(projectOpts));
  } finally {
    void worker.terminate();
  }
}

function merge(order: readonly string[], a: LintRun, b: LintRun): LintRun {
  const index = new Map(order.map((f, i) => [f, i]));
  const byOrder = (x: string, y: string): number => index.get(x)! - index.get(y)!;
  return {
    results: [...a.results, ...b.results].sort((x, y) => byOrder(x.file, y.file)),
    files: [...a.files, ...b.files].sort(byOrder),
  };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

interface LintWorker {
  next<K extends 'values' | 'results'>(kind: K): Promise<Extract<LintMessage, { kind: K }>>;
  post(m: LintMessage): void;
  terminate(): Promise<number>;
}

function startWorker(module: URL, input: WorkerInput): LintWorker {
  const w = new Worker(module, { workerData: input });
  const queue: LintMessage[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  w.on('message', (m: LintMessage) => {
    queue.push(m);
    wake?.();
  });
  const fail = (err: Error): void => {
    failure ??= err;
    wake?.();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`lint worker exited (${code})`)));
  return {
    async next(kind) {
      for (;;) {
        const m = queue.shift();
        if (m?.kind === kind) return m as never;
        if (m?.kind === 'failed') throw new Error(m.message);
        if (m) throw new Error(`lint worker: expected ${kind}, got ${m.kind}`);
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
      }
    },
    post: (m) => w.postMessage(m),
    terminate: () => w.terminate(),
  };
}
