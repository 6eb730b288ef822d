/**
 * Regenerates schemas/openstack/config-resources.json from the installed Puppet modules:
 *   node dist/scripts/drift/gen-config-resources.js [/usr/share/puppet/modules ...]
 */
import { writeFileSync } from 'node:fs';
import { scanModulepath } from '../../src/drift/resource-files.js';

const dirs = process.argv.slice(2);
const table = scanModulepath(dirs.length ? dirs : ['/usr/share/puppet/modules']);
const resources = [...table.values()].sort((a, b) => a.type.localeCompare(b.type));
const out = new URL('../../../schemas/openstack/config-resources.json', import.meta.url);
writeFileSync(out, JSON.stringify({ generatedFrom: 'Debian puppet-module-* (Zed) lib/puppet/provider/*/*.rb', resources }, null, 2) + '\n');
console.log(`${resources.length} resource types`);
