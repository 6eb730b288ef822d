import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIni } from '../src/ini/index.js';
import { loadServiceSchema, validateConfig } from '../src/openstack/index.js';
import type { Bench } from './run.js';

/** A realistic rendered nova.conf (what puppet-nova writes for a compute/controller node), varied by `i`. */
function novaConf(i: number): string {
  const ip = `10.${i % 250}.${(i * 7) % 250}.${(i * 13) % 250 || 1}`;
  const lines = [
    '# Managed by Puppet',
    '[DEFAULT]',
    `my_ip = ${ip}`,
    `host = compute-${i}.example.com`,
    'state_path = /var/lib/nova',
    'instances_path = $state_path/instances',
    'enabled_apis = osapi_compute,metadata',
    `debug = ${i % 2 ? 'True' : 'False'}`,
    'log_dir = /var/log/nova',
    `transport_url = rabbit://nova:pw${i}@rabbit1:5672,nova:pw${i}@rabbit2:5672/`,
    `cpu_allocation_ratio = ${1 + (i % 8)}.0`,
    'ram_allocation_ratio = 1.5',
    `osapi_compute_workers = ${2 + (i % 6)}`,
    `metadata_workers = ${2 + (i % 4)}`,
    'reserved_host_memory_mb = 4096',
    'reserved_huge_pages = node:0,size:2048,count:64',
    'reserved_huge_pages = node:1,size:2048,count:64',
    'compute_driver = libvirt.LibvirtDriver',
    'resume_guests_state_on_host_boot = true',
    'use_rootwrap_daemon = yes',
    '',
    '[api]',
    'dhcp_domain = ',
    '[api_database]',
    `connection = mysql+pymysql://nova_api:pw${i}@db/nova_api`,
    '[database]',
    `connection = mysql+pymysql://nova:pw${i}@db/nova`,
    'max_retries = -1',
    'db_max_retries = 20',
    '[cache]',
    'enabled = true',
    'backend = oslo_cache.memcache_pool',
    'memcache_servers = ctl1:11211,ctl2:11211,ctl3:11211',
    '[glance]',
    'valid_interfaces = internal',
    '[keystone_authtoken]',
    'www_authenticate_uri = http://keystone:5000/',
    'auth_url = http://keystone:5000/',
    'memcached_servers = ctl1:11211,ctl2:11211',
    'auth_type = password',
    'project_domain_name = Default',
    'user_domain_name = Default',
    'project_name = service',
    'username = nova',
    `password = ks${i}`,
    'region_name = RegionOne',
    '[libvirt]',
    `virt_type = ${i % 3 ? 'kvm' : 'qemu'}`,
    'cpu_mode = host-model',
    'images_type = rbd',
    'images_rbd_pool = vms',
    'rbd_user = cinder',
    'rbd_secret_uuid = 457eb676-33da-42ec-9a8c-9293d545c337',
    'live_migration_permit_auto_converge = true',
    '[neutron]',
    'auth_url = http://keystone:5000',
    'auth_type = password',
    'project_domain_name = Default',
    'user_domain_name = Default',
    'region_name = RegionOne',
    'project_name = service',
    'username = neutron',
    `password = nt${i}`,
    'service_metadata_proxy = true',
    `metadata_proxy_shared_secret = ms${i}`,
    '[oslo_concurrency]',
    'lock_path = /var/lib/nova/tmp',
    '[oslo_messaging_notifications]',
    'driver = messagingv2',
    '[oslo_messaging_rabbit]',
    'rabbit_ha_queues = true',
    'heartbeat_timeout_threshold = 60',
    '[placement]',
    'region_name = RegionOne',
    'project_domain_name = Default',
    'project_name = service',
    'auth_type = password',
    'user_domain_name = Default',
    'auth_url = http://keystone:5000/v3',
    'username = placement',
    `password = pl${i}`,
    '[scheduler]',
    'discover_hosts_in_cells_interval = 300',
    '[filter_scheduler]',
    'enabled_filters = ComputeFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter',
    'available_filters = nova.scheduler.filters.all_filters',
    '[vnc]',
    'enabled = true',
    'server_listen = 0.0.0.0',
    'server_proxyclient_address = $my_ip',
    'novncproxy_base_url = https://cloud.example.com:6080/vnc_auto.html',
    // A few realistic mistakes so the error paths are measured too.
    i % 10 === 0 ? 'enabled = maybe' : '',
    i % 7 === 0 ? 'novncproxy_host = 0.0.0.0.0' : '',
  ];
  return lines.join('\n') + '\n';
}

const bench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hieradrift-validate-bench-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < 100; i++) {
      const f = join(dir, `nova-${i}.conf`);
      writeFileSync(f, novaConf(i));
      files.push(f);
    }
    const t0 = performance.now();
    const schema = loadServiceSchema('nova');
    const t1 = performance.now();
    // First validation compiles the scopes' ajv validators (once per process).
    validateConfig(parseIni(readFileSync(files[0]!, 'utf8'), files[0]!), schema);
    const t2 = performance.now();
    let findings = 0;
    for (const f of files) findings += validateConfig(parseIni(readFileSync(f, 'utf8'), f), schema).length;
    const t3 = performance.now();
    if (findings === 0) throw new Error('bench corpus should produce some findings');
    return [
      { name: 'nova schema load (JSON read + index)', value: t1 - t0, unit: 'ms' },
      { name: 'first validation incl. ajv compile of used groups', value: t2 - t1, unit: 'ms' },
      { name: 'validate 100 nova.conf (read + parse + validate)', value: (t3 - t2) / 1000, unit: 's', target: '< 1 s' },
      { name: 'cold total: load + compile + 100 files', value: (t3 - t0) / 1000, unit: 's', target: '< 1 s' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
export default bench;
