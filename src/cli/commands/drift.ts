import { Option } from 'commander';
import { DRIFT_FORMATS, driftFleet, formatDrift, isDrift, nodeHasDrift, type DriftFormat, type DriftResult } from '../../drift/index.js';
import { HieradriftError } from '../../source/index.js';
import { ExitCode } from '../io.js';
import type { RegisterCommand } from './index.js';
import { resolve } from 'node:path';

interface DriftCliOptions {
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
}

export const registerDrift: RegisterCommand = (program, io, setExit) => {
  program
    .command('drift')
    .description('Compare what Puppet will write (catalog) with the deployed OpenStack config files')
    .option('--node <name>', 'node (certname) to report on')
    .option('--catalog <file>', 'compiled catalog JSON (puppet catalog compile, PuppetDB export, agent cache)')
    .option('--catalogs <dir>', 'fleet: directory of <node>.json catalogs')
    .option('--facts <file|dir>', 'Hiera-only expected values from facts (needs the Hiera layer)')
    .requiredOption('--deployed <dir>', "node root (DIR/etc/nova/nova.conf) or fleet dir (DIR/<certname>/etc/...)")
    .addOption(new Option('--phase <phase>', 'before or after a Puppet run').choices(['before', 'after']).default('before'))
    .option('--report <file|dir>', "after phase: Puppet's last_run_report.yaml (or a directory of them)")
    .option('--unmanaged', 'also list keys the catalog does not manage')
    .option('--diff', 'show a unified diff of each file as Puppet would leave it')
    .option('--modulepath <dirs>', 'read the resource-type to file table from these modules (colon separated)')
    .addOption(new Option('--format <format>', 'output format').choices([...DRIFT_FORMATS]).default('text'))
    .action((o: DriftCliOptions) => {
      const catalog = o.catalog ?? o.catalogs;
      if (!catalog) {
        throw new HieradriftError('usage', o.facts ? '--facts needs the Hiera source, which this build cannot resolve yet; pass --catalog' : 'one of --catalog, --catalogs or --facts is required');
      }
      if (o.catalog && o.catalogs) throw new HieradriftError('usage', '--catalog and --catalogs are exclusive');
      const opts: Parameters<typeof driftFleet>[0] = {
        catalog: resolve(io.cwd, catalog), deployed: resolve(io.cwd, o.deployed), phase: o.phase,
        unmanaged: !!o.unmanaged, diff: !!o.diff,
      };
      if (o.node) opts.node = o.node;
      if (o.report) opts.report = resolve(io.cwd, o.report);
      if (o.modulepath) opts.modulepath = o.modulepath.split(':').map((d) => resolve(io.cwd, d));
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
