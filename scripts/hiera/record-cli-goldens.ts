import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPuppetLookupCli, scenariosDir } from '../../test/support/puppet-lookup-oracle.js';

/**
 * Records fixtures/hiera/_cli/golden.json from the real `puppet lookup` CLI: exit code, stdout, and the
 * last stderr line, for the cases in fixtures/hiera/_cli/cases.json (one process per case, ~2 s each).
 * Usage: npm run build && node dist/scripts/hiera/record-cli-goldens.js
 */
interface CliCase {
  id: string;
  scenario: string;
  args: string[];
  node?: string;
}

const cases = JSON.parse(readFileSync(join(scenariosDir, '_cli/cases.json'), 'utf8')) as CliCase[];
const out: Record<string, { exit: number | null; stdout: string; stderr: string }> = {};
for (const c of cases) {
  const r = runPuppetLookupCli(c.scenario, c.args, c.node);
  out[c.id] = { exit: r.exit, stdout: r.stdout, stderr: r.stderr.trim().split('\n').pop() ?? '' };
  console.log(`${c.id}: exit ${r.exit}`);
}
writeFileSync(join(scenariosDir, '_cli/golden.json'), JSON.stringify(out, null, 1) + '\n');
