import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listScenarios, runPuppetBatch, scenariosDir } from '../../test/support/puppet-lookup-oracle.js';

/**
 * Records fixtures/hiera/<scenario>/golden.json by running the real Puppet (one batch Ruby process per
 * scenario). Usage: npm run build && node dist/scripts/hiera/record-goldens.js [scenario...]
 */
const only = process.argv.slice(2);
for (const name of listScenarios()) {
  if (only.length && !only.includes(name)) continue;
  const answers = runPuppetBatch(name);
  const golden = Object.fromEntries(answers.map(({ id, ...rest }) => [id, rest]));
  writeFileSync(join(scenariosDir, name, 'golden.json'), JSON.stringify(golden, null, 1) + '\n');
  console.log(`${name}: ${answers.length} lookups recorded`);
}
