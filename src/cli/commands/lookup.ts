import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { HieradriftError, formatDiagnosticLine, type Diagnostic } from '../../source/index.js';
import { contextFor, createLookupBase, loadFactsSync, lookup, makeFacts, maskExplainText, maskLookupValue, type Facts, type LayerOptions, type MergeSpec } from '../../hiera/index.js';
import { renderJson, renderYaml, rubyInspect, type HHash, type HValue } from '../../value/index.js';
import { ExitCode, type CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';

interface LookupFlags extends LayerFlagValues {
  node?: string;
  facts?: string;
  merge?: string;
  knockOutPrefix?: string;
  sortMergedArrays?: boolean;
  mergeHashArrays?: boolean;
  default?: string;
  explain?: boolean;
  renderAs?: string;
}

const RENDERERS = new Set(['s', 'json', 'yaml']);

export const registerLookup: RegisterCommand = (program: Command, io: CliIo, setExit) => {
  const cmd = program
    .command('lookup')
    .description('look keys up the way `puppet lookup` does (first key found wins)')
    .argument('<keys...>', 'keys to look up')
    .option('--node <name>', 'node name (picks the node in a facts directory)')
    .option('--facts <file>', 'facts file (facter -y, puppet facts show, PuppetDB export) or directory');
  addLayerFlags(cmd)
    .option('--merge <strategy>', 'first, unique, hash or deep: replaces lookup_options merge')
    .option('--knock-out-prefix <prefix>', 'deep merge knockout prefix')
    .option('--sort-merged-arrays', 'deep merge: sort merged arrays')
    .option('--merge-hash-arrays', 'deep merge: merge hashes inside arrays')
    .option('--default <value>', 'value (a String) when no key is found')
    .option('--explain', 'explain the lookup like puppet lookup --explain')
    .option('--render-as <format>', 's, json or yaml (default yaml; s with --explain)')
    .action((keys: string[], o: LookupFlags) => setExit(runLookup(keys, o, io)));
};

function mergeSpec(o: LookupFlags): MergeSpec | undefined {
  const deepOnly = o.knockOutPrefix !== undefined || o.sortMergedArrays || o.mergeHashArrays;
  if (deepOnly && o.merge !== 'deep') {
    throw new HieradriftError('usage', "The options --knock-out-prefix, --sort-merged-arrays, and --merge-hash-arrays are only available with '--merge deep'");
  }
  if (o.merge === undefined) return undefined;
  if (!['first', 'hash', 'unique', 'deep'].includes(o.merge)) {
    throw new HieradriftError('usage', "The --merge option only accepts 'first', 'hash', 'unique', or 'deep'");
  }
  if (o.merge !== 'deep') return o.merge;
  const spec: HHash = new Map<string, HValue>([
    ['strategy', 'deep'],
    ['sort_merged_arrays', !!o.sortMergedArrays],
    ['merge_hash_arrays', !!o.mergeHashArrays],
  ]);
  if (o.knockOutPrefix !== undefined) spec.set('knockout_prefix', o.knockOutPrefix);
  return spec;
}

function pickFacts(o: LookupFlags, cwd: string): Facts {
  if (!o.facts) {
    if (!o.node) throw new HieradriftError('usage', 'give --facts FILE (and --node NAME): hieradrift does not run facter');
    throw new HieradriftError('input', `No facts available for target node: ${o.node}`);
  }
  const all = loadFactsSync(resolve(cwd, o.facts));
  if (all.length === 1) return o.node ? { ...all[0]!, node: o.node } : all[0]!;
  const hit = all.find((f) => f.node === o.node);
  if (hit) return hit;
  if (!o.node) throw new HieradriftError('usage', `${o.facts} holds ${all.length} nodes: choose one with --node`);
  if (all.length === 0) return makeFacts(o.node, new Map());
  throw new HieradriftError('input', `No facts available for target node: ${o.node}`);
}

export function render(v: HValue, format: string): string {
  if (format === 'json') return renderJson(v) + '\n';
  if (format === 'yaml') return renderYaml(v).replace(/\n?$/, '\n');
  if (typeof v === 'string') return v + '\n';
  return (v === null ? '' : rubyInspect(v)) + '\n';
}

function runLookup(keys: string[], o: LookupFlags, io: CliIo): number {
  const format = o.renderAs ?? (o.explain ? 's' : 'yaml');
  if (!RENDERERS.has(format)) throw new HieradriftError('usage', `Unknown rendering format '${format}'`);
  const merge = mergeSpec(o);
  const base = createLookupBase(layerOptions(o, io));
  if (reportConfig(base.diagnostics, io)) return ExitCode.usage;
  const facts = pickFacts(o, io.cwd);
  for (const d of facts.diagnostics ?? []) io.stderr(formatDiagnosticLine(d) + '\n');
  if (facts.diagnostics?.some((d) => d.severity === 'error')) return ExitCode.findings;
  const ctx = contextFor(base, facts);
  const opts = { ...(merge !== undefined && { merge }), ...(o.explain && { explain: true }) };
  for (const key of keys) {
    const r = lookup(ctx, key, opts);
    for (const w of r.warnings ?? []) io.stderr(`Warning: ${w}\n`);
    if (r.explain) io.stdout(maskExplainText(r.explain));
    if (r.error) {
      io.stderr(formatDiagnosticLine(r.error) + '\n');
      return ExitCode.findings;
    }
    if (r.found) {
      if (!o.explain) io.stdout(render(maskLookupValue(r.value!, key), format));
      return ExitCode.ok;
    }
  }
  if (o.default !== undefined) {
    if (!o.explain) io.stdout(render(o.default, format));
    return ExitCode.ok;
  }
  const names = keys.length === 1 ? `the name '${keys[0]}'` : `any of the names [${keys.map((k) => `'${k}'`).join(', ')}]`;
  io.stderr(`hieradrift: Function lookup() did not find a value for ${names}\n`);
  return ExitCode.findings;
}


/** The layer flags `lookup` and `resolve` share, spelled as `puppet lookup` spells them. */
export function addLayerFlags(cmd: Command): Command {
  return cmd
    .option('--hiera_config <file>', 'global layer hiera.yaml')
    .option('--hiera-config <file>', 'same as --hiera_config')
    .option('--codedir <dir>', 'Puppet codedir (environments under <codedir>/environments)')
    .option('--environment <name>', "environment name (default: the environment directory's name when it lies in an environments directory, else production)")
    .option('--environment-dir <dir>', 'the environment (control repo) directory')
    .option('--modulepath <paths>', 'colon-separated module directories (default: environment.conf modulepath)');
}

export interface LayerFlagValues {
  hiera_config?: string;
  hieraConfig?: string;
  codedir?: string;
  environment?: string;
  environmentDir?: string;
  modulepath?: string;
}

/** With no layer flag, a current directory holding hiera.yaml is the environment layer. */
export function layerOptions(o: LayerFlagValues, io: CliIo): LayerOptions {
  const out: LayerOptions = {};
  const hc = o.hiera_config ?? o.hieraConfig;
  if (hc) out.hieraConfig = resolve(io.cwd, hc);
  if (o.codedir) out.codedir = resolve(io.cwd, o.codedir);
  if (o.environment) out.environment = o.environment;
  if (o.environmentDir) out.environmentDir = resolve(io.cwd, o.environmentDir);
  if (o.modulepath) out.modulepath = o.modulepath.split(':').filter(Boolean).map((p) => resolve(io.cwd, p));
  if (!hc && !o.codedir && !o.environmentDir) {
    if (!existsSync(join(io.cwd, 'hiera.yaml'))) {
      throw new HieradriftError('usage', 'no Hiera layer: give --hiera_config, --environment-dir or --codedir, or run in a directory holding hiera.yaml');
    }
    out.environmentDir = io.cwd;
  }
  return out;
}

/** Prints hiera.yaml findings; true when one is an error (exit 2). */
export function reportConfig(diags: readonly Diagnostic[], io: CliIo): boolean {
  for (const d of diags) io.stderr(formatDiagnosticLine(d) + '\n');
  return diags.some((d) => d.severity === 'error');
}
