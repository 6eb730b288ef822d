import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HieradriftError } from '../source/index.js';
import { readCatalog } from './catalog.js';
import { nodeRoot, readDeployedFiles } from './deployed.js';
import { computeDrift, summarize } from './drift.js';
import { resourceFileTable } from './resource-files.js';
import { readRunReport } from './run-report.js';
import type { DriftResult, ExpectedNode, NodeDrift } from './types.js';
import type { CompareOptions } from './compare.js';

export interface FleetOptions extends CompareOptions {
  /** One catalog file, or a directory of `<node>.json` catalogs. */
  catalog: string;
  /** One node's root, or a directory with `<certname>/` roots. */
  deployed: string;
  node?: string;
  phase?: 'before' | 'after';
  /** last_run_report.yaml, or a directory with `<node>.yaml` / `<node>/last_run_report.yaml`. */
  report?: string;
  modulepath?: string[];
  /** Expected nodes from another source (Hiera), instead of catalogs. */
  expected?: ExpectedNode[];
  onProgress?: (done: number, total: number) => void;
}

/** Catalog files of a fleet: `DIR/*.json`, node name from the catalog (else the file name). */
function catalogFiles(path: string): string[] {
  if (!existsSync(path)) throw new HieradriftError('io', `${path} does not exist`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
}

function reportFor(path: string | undefined, node: string, single: boolean): string | undefined {
  if (!path) return undefined;
  if (existsSync(path) && !statSync(path).isDirectory()) return single ? path : undefined;
  for (const p of [join(path, `${node}.yaml`), join(path, node, 'last_run_report.yaml'), join(path, 'last_run_report.yaml')]) if (existsSync(p)) return p;
  return undefined;
}

export function driftFleet(opts: FleetOptions): DriftResult {
  const table = resourceFileTable(opts.modulepath);
  const phase = opts.phase ?? 'before';
  let expected: ExpectedNode[];
  if (opts.expected) expected = opts.expected;
  else {
    expected = catalogFiles(opts.catalog).map((f) => readCatalog(readFileSync(f, 'utf8'), f, table, basename(f, '.json')));
  }
  if (opts.node) {
    const single = expected.length === 1;
    expected = expected.filter((e) => e.node === opts.node || single);
    if (!expected.length) throw new HieradriftError('usage', `no catalog for node ${opts.node}`);
    if (single) expected[0]!.node ||= opts.node;
  }
  const single = expected.length === 1;
  const nodes: NodeDrift[] = [];
  expected.forEach((exp, i) => {
    const root = nodeRoot(opts.deployed, exp.node);
    const options: Parameters<typeof computeDrift>[2] = { ...opts, phase };
    const rp = phase === 'after' ? reportFor(opts.report, exp.node, single) : undefined;
    const extra = [];
    if (phase === 'after') {
      if (!rp) extra.push({ ruleId: 'drift/report', severity: 'warning' as const, message: `no run report for ${exp.node}`, file: opts.report ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 });
      else {
        const rep = readRunReport(readFileSync(rp, 'utf8'), rp, table);
        options.events = rep.events;
        extra.push(...rep.diagnostics);
      }
    }
    let deployed = readDeployedFiles(root, exp);
    const skipped: string[] = [];
    if (exp.source === 'hiera') {
      // Hiera cannot tell which classes a node includes: a service whose file the node lacks is not checked.
      const absent = new Set(deployed.filter((d) => d.text === undefined).map((d) => d.path));
      if (absent.size) {
        skipped.push(...absent);
        exp = { ...exp, files: exp.files.filter((f) => !absent.has(f.path)) };
        deployed = deployed.filter((d) => !absent.has(d.path));
      }
    }
    const nd = computeDrift(exp, deployed, options);
    for (const p of skipped) extra.push({ ruleId: 'drift/hiera', severity: 'info' as const, message: `${p} is not deployed on ${exp.node}: not checked (Hiera alone cannot tell whether the node includes that service)`, file: join(root, p), line: 1, column: 1, endLine: 1, endColumn: 1 });
    nd.diagnostics.push(...extra);
    nodes.push(nd);
    opts.onProgress?.(i + 1, expected.length);
  });
  return summarize(nodes, phase);
}
