import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { createBaseline, readBaseline, writeBaseline, type Baseline } from '../../lint/baseline.js';
import { inputRole, type ExtraInput } from '../../lint/input-guard.js';
import { lintProject, type ProjectLint } from '../../lint/project.js';
import { docsUrl } from '../../lint/positions.js';
import { ruleMap } from '../../lint/rules/index.js';
import type { LintResult } from '../../lint/types.js';
import { formatters, loadFormatter, useColor, type ReportInput, type RuleInfo } from '../../report/index.js';
import { HieradriftError, formatDiagnosticLine } from '../../source/index.js';
import { ExitCode, type CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';
import { packageVersion } from '../../package-files.js';

export interface GateOptions {
  format?: string;
  output?: string;
  maxWarnings?: string;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  environment?: string;
  color?: boolean;
}

/** The options `lint` and `check` share, ESLint's names. */
export function gateOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(formatters)))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this')
    .option('-c, --config <file>', 'configuration file (default: .hieradrift.yaml found upward)')
    .option('--baseline <file>', 'do not report findings recorded in this baseline')
    .option('--write-baseline <file>', 'record all current findings in a baseline file and exit 0')
    .option('--environment <name>', "the Puppet environment, %{environment} in hiera.yaml (default: config environment, or the repo directory's name under environments/, else production)")
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour');
}

export function ruleInfos(): Map<string, RuleInfo> {
  return new Map([...ruleMap].map(([id, r]) => [id, { id, description: r.meta.description, severity: r.meta.severity, docsUrl: docsUrl(id) }]));
}


/**
 * The baseline whose findings are hidden. None when writing one: `--write-baseline` records every current
 * finding, so `--baseline B --write-baseline B` refreshes B instead of dropping the findings B already held.
 */
export function gateBaseline(o: GateOptions, io: CliIo): Baseline | undefined {
  if (!o.baseline || o.writeBaseline) return undefined;
  const abs = resolve(io.cwd, o.baseline);
  return readBaseline(abs, relative(io.cwd, abs) || o.baseline);
}

/** A repo-relative path as the user sees it: relative to where the command runs, with '/'. */
function shownPath(io: CliIo, root: string, file: string): string {
  return relative(io.cwd, join(root, file)).split('\\').join('/') || file;
}

/** Checks --max-warnings before any work, so a typo does not come after a full report. */
export function maxWarnings(o: GateOptions): number {
  if (o.maxWarnings === undefined) return Infinity;
  if (!/^-?\d+$/.test(o.maxWarnings.trim())) throw new HieradriftError('usage', `--max-warnings expects an integer, got '${o.maxWarnings}'`);
  return Number(o.maxWarnings);
}

/** Runs the lint part of the gate with baseline handling. */
export function runGate(paths: string[], o: GateOptions, io: CliIo, baseline = gateBaseline(o, io)): ProjectLint {
  maxWarnings(o);
  const p = lintProject({
    paths,
    cwd: io.cwd,
    ...(o.config ? { config: o.config } : {}),
    ...(baseline ? { baseline } : {}),
    ...(o.environment !== undefined ? { environment: o.environment } : {}),
  });
  refuseInputs(p, o, io);
  // Facts files the repo could not use are not lint targets, but a node missing from the context changes what
  // the repo rules see: say so on stderr, whatever the report format.
  for (const d of p.repo.diagnostics) {
    io.stderr(`${formatDiagnosticLine({ ...d, file: shownPath(io, p.root, d.file) })}\n`);
  }
  return p;
}

/** A report or baseline path that is an input of the run is a usage error, raised before anything is written. */
export function refuseInputs(p: ProjectLint, o: GateOptions, io: CliIo, extra: readonly ExtraInput[] = []): void {
  const refuse = (flag: string, file: string | undefined, inputs: readonly ExtraInput[]): void => {
    const role = file ? inputRole(p, resolve(io.cwd, file), inputs) : undefined;
    if (role) throw new HieradriftError('usage', `${flag} ${file} is ${role}: hieradrift never writes to its inputs`);
  };
  const baseline = o.baseline ? [{ path: resolve(io.cwd, o.baseline), what: 'the baseline this run reads' }] : [];
  refuse('--output', o.output, [...extra, ...baseline]);
  // `--baseline B --write-baseline B` refreshes B on purpose.
  refuse('--write-baseline', o.writeBaseline, extra);
}

/** Formats results, writes them, and decides the exit code (0 clean, 1 errors or too many warnings). */
export function emit(results: LintResult[], files: string[], root: string, o: GateOptions, io: CliIo, extraRules?: Map<string, RuleInfo>): number {
  const fmt = loadFormatter(o.format ?? 'stylish');
  const show = (f: string): string => shownPath(io, root, f);
  const shown = results.map((r) => ({ ...r, file: show(r.file), diagnostics: r.diagnostics.map((d) => ({ ...d, file: show(d.file) })) }));
  if (o.writeBaseline) {
    writeBaseline(resolve(io.cwd, o.writeBaseline), createBaseline(results.flatMap((r) => r.diagnostics)));
    io.stderr(`hieradrift: wrote ${results.reduce((n, r) => n + r.diagnostics.length, 0)} finding(s) to ${o.writeBaseline}\n`);
    return ExitCode.ok;
  }
  const rules = ruleInfos();
  for (const [k, v] of extraRules ?? []) rules.set(k, v);
  const input: ReportInput = { results: shown, rules, fileCount: files.length, files: files.map(show), toolVersion: packageVersion() };
  const color = o.output ? false : o.color === true ? true : o.color === false ? false : useColor(io.env, io.isTTY);
  const text = fmt(input, { color });
  if (o.output) {
    try {
      writeFileSync(resolve(io.cwd, o.output), text);
    } catch (err) {
      throw new HieradriftError('io', `cannot write ${o.output}: ${(err as Error).message}`);
    }
  } else io.stdout(text);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const max = maxWarnings(o);
  if (errors > 0) return ExitCode.findings;
  if (max >= 0 && warnings > max) {
    io.stderr(`hieradrift: ${warnings} warning(s), more than --max-warnings ${max}\n`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
}

export const registerLint: RegisterCommand = (program, io, setExit) => {
  gateOptions(
    program
      .command('lint')
      .description('lint Hiera data and hiera.yaml with the whole repo (hierarchy, facts) as context')
      .argument('[paths...]', 'files or directories (default: the current directory)'),
  ).action((paths: string[], o: GateOptions) => {
    const p = runGate(paths, o, io);
    setExit(emit(p.run.results, p.run.files, p.root, o, io));
  });
};
