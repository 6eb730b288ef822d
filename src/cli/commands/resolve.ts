import { resolve } from 'node:path';
import type { Command } from 'commander';
import { HieradriftError, formatDiagnosticLine, type Diagnostic } from '../../source/index.js';
import { maskLookupValue, resolveFleet, resolveFleetJson } from '../../hiera/index.js';
import type { HHash, HValue } from '../../value/index.js';
import { ExitCode, type CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';
import { addLayerFlags, layerOptions, render, reportConfig, type LayerFlagValues } from './lookup.js';

interface ResolveFlags extends LayerFlagValues {
  facts?: string;
  keys?: string;
  renderAs?: string;
  jobs?: string;
}

export const registerResolve: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const cmd = program
    .command('resolve')
    .description('resolve every key for every node of a fleet: {node: {key: value}}')
    .requiredOption('--facts <dir|file>', 'facts directory (one node per file) or file');
  addLayerFlags(cmd)
    .option('--keys <k1,k2>', 'comma-separated keys (default: every key found in the data)')
    .option('--render-as <format>', 'json or yaml', 'json')
    .option('--jobs <n>', 'threads to use (default: one, or the cores up to 4 for fleets of 1500 nodes or more)')
    .action(async (o: ResolveFlags) => setExit(await runResolve(o, io)));
};

async function runResolve(o: ResolveFlags, io: CliIo): Promise<number> {
  const format = o.renderAs ?? 'json';
  if (format !== 'json' && format !== 'yaml') throw new HieradriftError('usage', `Unknown rendering format '${format}'`);
  const layers = layerOptions(o, io);
  const facts = resolve(io.cwd, o.facts!);
  const keys = o.keys?.split(',').map((k) => k.trim()).filter(Boolean);
  const fleet = { ...layers, facts, ...(keys && { keys }), ...(o.jobs !== undefined && { jobs: jobsOf(o.jobs) }) };
  if (format === 'json') {
    // Rows are masked and rendered on the thread that resolved them.
    const r = await resolveFleetJson(fleet);
    if (reportConfig(r.diagnostics, io)) return ExitCode.usage;
    reportErrors(r.errors, io);
    io.stdout(r.json + '\n');
    return r.errors.size ? ExitCode.findings : ExitCode.ok;
  }
  const r = await resolveFleet(fleet);
  if (reportConfig(r.diagnostics, io)) return ExitCode.usage;
  reportErrors(r.errors, io);
  const out: HHash = new Map<string, HValue>();
  for (const [node, row] of r.values) out.set(node, new Map([...row].map(([k, v]) => [k, maskLookupValue(v, k)])));
  io.stdout(render(out, format));
  return r.errors.size ? ExitCode.findings : ExitCode.ok;
}

function reportErrors(errors: Map<string, Map<string, Diagnostic>>, io: CliIo): void {
  for (const [node, errs] of errors) {
    for (const [key, d] of errs) io.stderr(`${node}: ${key}: ${formatDiagnosticLine(d)}\n`);
  }
}

function jobsOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new HieradriftError('usage', `--jobs wants a whole number of threads (1 or more), got '${text}'`);
  return n;
}
