import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { driftFleet } from '../src/drift/index.js';
import type { Bench } from './run.js';

const NODES = Number(process.env.DRIFT_BENCH_NODES ?? 1000);
const TYPES: [string, string][] = [
  ['Nova_config', '/etc/nova/nova.conf'], ['Keystone_config', '/etc/keystone/keystone.conf'], ['Ironic_config', '/etc/ironic/ironic.conf'],
  ['Nova_rootwrap_config', '/etc/nova/rootwrap.conf'], ['Nova_api_uwsgi_config', '/etc/nova/nova-api-uwsgi.ini'],
];
const KEYS = 30;

/** A fleet of catalogs and deployed trees, generated into a temp dir; every tenth node drifts. */
function generate(dir: string): void {
  for (let n = 0; n < NODES; n++) {
    const node = `node${String(n).padStart(4, '0')}.example.com`;
    const resources: unknown[] = [];
    for (const [ti, [type, path]] of TYPES.entries()) {
      let text = '';
      for (let s = 0; s < 3; s++) {
        text += `[section${s}]\n# a comment line\n`;
        for (let k = 0; k < KEYS / 3; k++) {
          const key = `opt_${s}_${k}`;
          const value = k % 5 === 0 ? true : k % 5 === 1 ? `value-${n}-${k}` : k % 5 === 2 ? ['a', 'b'] : k % 5 === 3 ? 42 : `http://user:pw${n}@h${k}/`;
          resources.push({ type, title: `section${s}/${key}`, parameters: { value } });
          // The last two are ini_setting types: only an array's first element is written.
          const all = Array.isArray(value) ? value : [value === true ? 'True' : String(value)];
          const vals = ti >= 3 ? all.slice(0, 1) : all;
          const drift = n % 10 === 0 && k === 1;
          for (const v of vals) text += `${key}=${drift ? 'edited' : v}\n`;
        }
      }
      const p = join(dir, 'deployed', node, path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
    writeFileSync(join(dir, 'catalogs', `${node}.json`), JSON.stringify({ name: node, resources }));
  }
}

const bench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hieradrift-bench-drift-'));
  mkdirSync(join(dir, 'catalogs'));
  try {
    generate(dir);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = driftFleet({ catalog: join(dir, 'catalogs'), deployed: join(dir, 'deployed'), schema: null });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (r.summary.nodes !== NODES || r.summary.nodesWithDrift !== NODES / 10) throw new Error(`unexpected result ${JSON.stringify(r.summary)}`);
    const t1 = performance.now();
    driftFleet({ catalog: join(dir, 'catalogs'), deployed: join(dir, 'deployed') });
    const msTyped = performance.now() - t1;
    return [
      { name: `drift ${NODES} nodes x ${TYPES.length} files x ${KEYS} keys (textual)`, value: ms / 1000, unit: 's', target: '< 3 s' },
      // Wall time suffers on a shared machine; CPU time shows the work itself.
      { name: `  cpu time of the textual run (user+sys)`, value: (cpu.user + cpu.system) / 1e6, unit: 's' },
      { name: `drift ${NODES} nodes x ${TYPES.length} files (with option schemas)`, value: msTyped / 1000, unit: 's', target: '< 3 s' },
    ];
  } finally {
    if (!process.env.DRIFT_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
};
export default bench;
