import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyBaseline } from '../../lint/baseline.js';
import { docsUrl } from '../../lint/positions.js';
import { findOpenstackFiles, validateOpenstackFile } from '../../lint/openstack-files.js';
import type { LintResult } from '../../lint/types.js';
import { openstackRules } from '../../openstack/index.js';
import type { RuleInfo } from '../../report/index.js';
import { HieradriftError, type Diagnostic } from '../../source/index.js';
import type { RegisterCommand } from './index.js';
import { emit, gateBaseline, gateOptions, refuseInputs, runGate, type GateOptions } from './lint.js';

/** `hieradrift check [DIR]`: the CI gate, lint of all Hiera data plus validation of OpenStack config files. */
export const registerCheck: RegisterCommand = (program, io, setExit) => {
  gateOptions(
    program
      .command('check')
      .description('the CI gate: lint all Hiera data and hiera.yaml, and validate the OpenStack config files of a control repo')
      .argument('[dir]', 'control repo (directory holding hiera.yaml)', '.'),
  ).action((dir: string, o: GateOptions) => {
    const root = resolve(io.cwd, dir);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new HieradriftError('usage', `${dir} is not a directory`);
    const baseline = gateBaseline(o, io);
    const p = runGate([dir], o, io, baseline);
    const confs = findOpenstackFiles(p.root, (f) => p.config.isIgnored(f));
    refuseInputs(p, o, io, confs.map((c) => ({ path: join(p.root, c.file), what: 'an OpenStack config file this run validates' })));
    const iniResults: LintResult[] = [];
    for (const { file, service } of confs) {
      let ds = validateOpenstackFile(p.root, file, service);
      let suppressed = 0;
      if (baseline) {
        const b = applyBaseline(ds, baseline);
        ds = b.kept;
        suppressed = b.suppressed;
      }
      if (ds.length || suppressed) iniResults.push(result(file, ds, suppressed));
    }
    const results = [...p.run.results, ...iniResults];
    const files = [...p.run.files, ...confs.map((c) => c.file)];
    const levels = p.repo.hiera.reduce((n, h) => n + h.levels.length, 0);
    const summary =
      `hieradrift check ${dir}: ${p.repo.hiera.length} hiera.yaml (${levels} levels), ${p.repo.dataFilePaths.length} data files, ` +
      `${p.repo.nodes.length} nodes with facts, ${confs.length} OpenStack config file${confs.length === 1 ? '' : 's'}\n`;
    if (!o.format || o.format === 'stylish') io.stdout(summary);
    else io.stderr(summary);
    setExit(emit(results, files, p.root, o, io, openstackInfos()));
  });
};

function result(file: string, diagnostics: Diagnostic[], suppressedCount: number): LintResult {
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    file, diagnostics, suppressedCount,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    infoCount: diagnostics.filter((d) => d.severity === 'info').length,
  };
}

function openstackInfos(): Map<string, RuleInfo> {
  return new Map(
    Object.entries(openstackRules).map(([id, r]) => [id, { id, description: r.description, severity: r.severity, docsUrl: docsUrl(id).replace('/rules/', '/') }]),
  );
}
