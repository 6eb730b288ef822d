import { Option } from 'commander';
import { DRIFT_FORMATS, driftConfigFile, driftFleet, expectedFromHiera, formatDrift, resourceFileTable, isDrift, nodeHasDrift, type DriftFormat, type DriftResult } from '../../drift/index.js';
import { HieradriftError } from '../../source/index.js';
import { loadFactsSync, makeFacts } from '../../hiera/index.js';
import { ExitCode } from '../io.js';
import { layerOptions, type LayerFlagValues } from './lookup.js';
import type { RegisterCommand } from './index.js';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';

interface DriftCliOptions extends LayerFlagValues {
  node?: string;
  catalog?: string;
  catalogs?: string;
  facts?: string;
  deployed: string;
  phase: 'before' | 'after';
  report?: string;
  unmanaged?: boolean;
  diff?: boolean;
  format: DriftFormat;
  modulepath?: string;
  config?: string;
}

export const registerDrift: RegisterCommand = (program, io, setExit) => {
  program
    .command('drift')
    .description('compare what Puppet will write (catalog) with the deployed OpenStack config files')
    .option('--node <name>', 'node (certname) to report on')
    .option('--catalog <file>', 'compiled catalog JSON (puppet catalog compile, PuppetDB export, agent cache)')
    .option('--catalogs <dir>', 'fleet: directory of <node>.json catalogs')
    .option('--facts <file|dir>', 'Hiera-only expected values from facts (needs the Hiera layer)')
    .requiredOption('--deployed <dir>', "node root (DIR/etc/nova/nova.conf) or fleet dir (DIR/<certname>/etc/...)")
    .addOption(new Option('--phase <phase>', 'before or after a Puppet run').choices(['before', 'after']).default('before'))
    .option('--report <file|dir>', "after phase: Puppet's last_run_report.yaml (or a directory of them)")
    .option('--unmanaged', 'also list keys the catalog does not manage')
    .option('--diff', 'show a unified diff of each file as Puppet would leave it')
    .option('--modulepath <dirs>', 'modules (colon separated): resource-type to file table, Hiera module layer, manifest mappings')
    .option('--environment-dir <dir>', 'Hiera source: the environment (control repo) directory')
    .option('--hiera_config <file>', 'Hiera source: global layer hiera.yaml')
    .option('--hiera-config <file>', 'same as --hiera_config')
    .option('--codedir <dir>', 'Hiera source: Puppet codedir')
    .option('--environment <name>', 'Hiera source: environment name')
    .option('--config <file>', 'Hiera source: .hieradrift.yaml with drift.mappings (default: the one in the environment dir)')
    .addOption(new Option('--format <format>', 'output format').choices([...DRIFT_FORMATS]).default('text'))
    .action((o: DriftCliOptions) => {
      const catalog = o.catalog ?? o.catalogs ?? '';
      if (!catalog && !o.facts) throw new HieradriftError('usage', 'one of --catalog, --catalogs or --facts is required');
      if ([o.catalog, o.catalogs, o.facts].filter(Boolean).length > 1) throw new HieradriftError('usage', '--catalog, --catalogs and --facts are exclusive');
      const opts: Parameters<typeof driftFleet>[0] = {
        catalog: resolve(io.cwd, catalog), deployed: resolve(io.cwd, o.deployed), phase: o.phase,
        unmanaged: !!o.unmanaged, diff: !!o.diff,
      };
      if (o.node) opts.node = o.node;
      if (o.report) opts.report = resolve(io.cwd, o.report);
      if (o.modulepath) opts.modulepath = o.modulepath.split(':').map((d) => resolve(io.cwd, d));
      if (o.facts) opts.expected = hieraExpected(o, io.cwd, opts.modulepath, layerOptions(o, io));
      if (io.isTTY && o.catalogs) {
        opts.onProgress = (done, total) => io.stderr(`\r[${'#'.repeat(Math.round((20 * done) / total)).padEnd(20)}] ${done}/${total}${done === total ? '\n' : ''}`);
      }
      const result = driftFleet(opts);
      let out = formatDrift(result, o.format, { diff: !!o.diff });
      if (o.format === 'text' && result.nodes.length > 1) out = summaryTable(result) + '\n' + out;
      io.stdout(out);
      const errors = result.summary.errors > 0;
      setExit(errors ? ExitCode.usage : result.nodes.some(nodeHasDrift) ? ExitCode.findings : ExitCode.ok);
    });
};

/** The Hiera-only source: facts (one node or a directory), the Hiera layers, and the mappings. */
function hieraExpected(o: DriftCliOptions, cwd: string, modulepath: string[] | undefined, layers: ReturnType<typeof layerOptions>) {
  let facts = loadFactsSync(resolve(cwd, o.facts!));
  if (facts.length === 1 && o.node) facts = [{ ...facts[0]!, node: o.node }];
  else if (o.node) {
    facts = facts.filter((f) => f.node === o.node);
    if (!facts.length) throw new HieradriftError('usage', `no facts for node ${o.node}`);
  }
  if (!facts.length && o.node) facts = [makeFacts(o.node, new Map())];
  const configFile = o.config ? resolve(cwd, o.config) : driftConfigFile(layers.environmentDir ?? cwd);
  if (o.config && !existsSync(configFile!)) throw new HieradriftError('usage', `${o.config} does not exist`);
  return expectedFromHiera(facts, { layers, table: resourceFileTable(modulepath), ...(configFile && { configFile }) });
}

function summaryTable(r: DriftResult): string {
  const rows = r.nodes.map((n) => {
    const ch = n.files.flatMap((f) => f.changes).filter(isDrift);
    return [n.node, nodeHasDrift(n) ? 'drift' : 'ok', String(ch.filter((c) => c.puppetWillRewrite).length), String(ch.filter((c) => c.effective === 'differs').length)];
  });
  const head = ['node', 'status', 'rewrite', 'effective'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cols: string[]): string => cols.map((c, i) => c.padEnd(w[i]!)).join('  ').trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}
