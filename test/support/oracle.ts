import { spawnSync } from 'node:child_process';

/** The real systems the differential tests compare against. */
export type OracleName = 'puppet' | 'oslo' | 'openstack-services' | 'puppet-openstack-modules' | 'chromium' | 'pre-commit';

const probes: Record<OracleName, () => boolean> = {
  puppet: () => ok('ruby', ['-e', 'require "puppet"']),
  oslo: () => ok('/usr/bin/python3', ['-c', 'import oslo_config']),
  'openstack-services': () =>
    ok('/usr/bin/python3', ['-c', 'import nova.conf, keystone.conf, neutron, glance, cinder']),
  'puppet-openstack-modules': () => ok('test', ['-d', '/usr/share/puppet/modules/nova']),
  chromium: () => ok('chromium', ['--version']),
  'pre-commit': () => ok('pre-commit', ['--version']) && ok('git', ['--version']),
};

function ok(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 });
  return r.status === 0;
}

const cache = new Map<OracleName, boolean>();
const noticed = new Set<OracleName>();

export function hasOracle(name: OracleName): boolean {
  let v = cache.get(name);
  if (v === undefined) {
    v = probes[name]();
    cache.set(name, v);
  }
  return v;
}

/**
 * Call from a mocha `before` hook of a differential suite. In CI a missing oracle fails the suite;
 * elsewhere the suite is skipped with a one-line notice.
 */
export function requireOracle(ctx: Mocha.Context, name: OracleName): void {
  if (hasOracle(name)) return;
  if (process.env.CI) throw new Error(`oracle '${name}' is not installed, and CI requires it (.ci/run installs it)`);
  if (!noticed.has(name)) {
    noticed.add(name);
    console.log(`  [notice] oracle '${name}' not installed: its differential tests are skipped outside CI`);
  }
  ctx.skip();
}
