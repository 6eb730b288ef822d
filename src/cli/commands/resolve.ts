import { resolve } from 'node:path';
import type { Command } from 'commander';
import { HieradriftError, formatDiagnosticLine } from '../../source/index.js';
import { maskLookupValue, resolveFleet } from '../../hiera/index.js';
import type { HHash, HValue } from '../../value/index.js';
import { ExitCode, type CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';
import { addLayerFlags, layerOptions, render, reportConfig, type LayerFlagValues } from './lookup.js';

interface ResolveFlags extends LayerFlagValues {
  facts?: string;
  keys?: string;
  renderAs?: string;
}

export const registerResolve: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const cmd = program
    .command('resolve')
    .description('resolve every key for every node of a fleet: {node: {key: value}}')
    .requiredOption('--facts <dir|file>', 'facts directory (one node per file) or file');
  addLayerFlags(cmd)
    .option('--keys <k1,k2>', 'comma-separated keys (default: every key found in the data)')
    .option('--render-as <format>', 'json or yaml', 'json')
    .action(async (o: ResolveFlags) => setExit(await runResolve(o, io)));
};

async function runResolve(o: ResolveFlags, io: CliIo): Promise<number> {
  const format = o.renderAs ?? 'json';
  if (format !== 'json' && format !== 'yaml') throw new HieradriftError('usage', `Unknown rendering format '${format}'`);
  const layers = layerOptions(o, io);
  const facts = resolve(io.cwd, o.facts!);
  const keys = o.keys?.split(',').map((k) => k.trim()).filter(Boolean);
  const r = await resolveFleet({ ...layers, facts, ...(keys && { keys }) });
  if (reportConfig(r.diagnostics, io)) return ExitCode.usage;
  for (const [node, errs] of r.errors) {
    for (const [key, d] of errs) io.stderr(`${node}: ${key}: ${formatDiagnosticLine(d)}\n`);
  }
  const out: HHash = new Map<string, HValue>();
  for (const [node, row] of r.values) out.set(node, new Map([...row].map(([k, v]) => [k, maskLookupValue(v, k)])));
  io.stdout(render(out, format));
  return r.errors.size ? ExitCode.findings : ExitCode.ok;
}
