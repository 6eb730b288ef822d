import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServiceSchema, serviceFiles, serviceForFile } from '../../src/openstack/index.js';
import { requireOracle } from '../support/oracle.js';
import { root } from './support.js';

// Counts the generator itself reports for the Debian bookworm (Zed) packages (openstack-semantics.md §3.2).
const generatorCounts: Record<string, [number, number]> = {
  nova: [59, 1055],
  keystone: [44, 426],
  neutron: [22, 434],
  'glance-api': [34, 513],
  cinder: [32, 1280],
};

describe('openstack schemas', () => {
  for (const [service, [groups, opts]] of Object.entries(generatorCounts)) {
    it(`${service}: ${groups} groups and ${opts} options, keyed by dest, release and packages recorded`, () => {
      const s = loadServiceSchema(service);
      assert.equal(s.groups.size, groups);
      assert.equal([...s.groups.values()].reduce((n, g) => n + g.size, 0), opts);
      for (const [dest, def] of [...s.groups.values()].flatMap((g) => [...g])) assert.equal(dest, def.dest);
      assert.equal(s.release, 'zed');
      const pk = s.json['x-oslo-packages'] as Record<string, string>;
      assert.match(pk['python3-oslo.config']!, /^1:9\.0\.0/);
    });
  }

  it('keeps what the generator JSON loses: item types, regex, multi, secret, aliases, removal reasons', () => {
    const nova = loadServiceSchema('nova');
    const d = nova.groups.get('DEFAULT')!;
    assert.deepEqual(d.get('enabled_apis')!.choices, undefined);
    assert.deepEqual(d.get('enabled_apis')!.osloType.item?.choices?.map((c) => c[0]), ['osapi_compute', 'metadata']);
    assert.equal(d.get('reserved_huge_pages')!.multi, true);
    assert.equal(d.get('reserved_huge_pages')!.type, 'dict');
    assert.equal(d.get('instance_usage_audit_period')!.regex, '^(hour|month|day|year)(@([0-9]+))?$');
    assert.equal(d.get('transport_url')!.secret, true);
    assert.equal(d.get('osapi_compute_listen_port')!.type, 'port');
    assert.equal(d.get('osapi_compute_listen_port')!.max, 65535);
    assert.ok(nova.groups.get('database')!.get('connection')!.deprecatedNames.some((n) => n.group === 'DEFAULT' && n.name === 'sql_connection'));
    assert.match(nova.groups.get('api')!.get('auth_strategy')!.deprecatedForRemoval!.reason!, /noauth2/);
    assert.equal(nova.groups.get('DEFAULT')!.get('log_file')!.name, 'log-file');
    assert.ok(nova.authPlugins.get('password')!.get('password')!.secret);
  });

  it('loads from cache: the second load is the same object and fast', () => {
    const a = loadServiceSchema('cinder');
    const t = performance.now();
    const b = loadServiceSchema('cinder');
    assert.equal(a, b);
    assert.ok(performance.now() - t < 5);
  });

  it('maps file names to services', () => {
    assert.equal(serviceForFile('/etc/nova/nova.conf'), 'nova');
    assert.equal(serviceForFile('glance-api.conf'), 'glance-api');
    assert.equal(serviceForFile('x/cinder.conf.dpkg-dist'), 'cinder');
    assert.equal(serviceForFile('glance-cache.conf'), 'glance-cache');
    assert.equal(serviceForFile('glance-swift.conf'), undefined);
    assert.equal(serviceForFile('api-paste.ini'), undefined);
    assert.equal(serviceForFile('/etc/neutron/plugins/ml2/ml2_conf.ini'), 'neutron-ml2');
    for (const s of ['cinder', 'glance-api', 'keystone', 'neutron', 'nova']) assert.ok(s in serviceFiles);
  });

  describe('regeneration (oracle)', function () {
    before(function () {
      requireOracle(this, 'openstack-services');
    });
    it('regenerating keystone gives the committed bytes', function () {
      const out = mkdtempSync(join(tmpdir(), 'hieradrift-schemas-'));
      try {
        const r = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'openstack', 'build-schemas.js'), '--out', out, 'keystone'], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        const fresh = readFileSync(join(out, 'keystone.conf.json'), 'utf8');
        assert.equal(fresh, readFileSync(join(root, 'schemas', 'openstack', 'zed', 'keystone.conf.json'), 'utf8'));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
});
