import assert from 'node:assert/strict';
import { validateText } from './support.js';

function findings(service: string, ...lines: string[]): string[] {
  return validateText(lines.join('\n') + '\n', 'f.conf', service).diags.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}`);
}

describe('openstack validateConfig', () => {
  it('accepts valid interpolation: same group, DEFAULT fallback, ${group.opt}, $$ and \\$ escapes', () => {
    assert.deepEqual(
      findings('nova', '[DEFAULT]', 'state_path = /var/lib/nova', 'instances_path = $state_path/instances', 'tempdir = ${state_path}/tmp',
        '[vnc]', 'server_proxyclient_address = $my_ip', 'novncproxy_base_url = http://${DEFAULT.my_ip}:6080/', '[database]', 'connection = mysql://u:pa$$w@h/db',
        'slave_connection = mysql://u:p\\$x@h/db'),
      [],
    );
  });

  it('flags unknown references with the exact span of $name', () => {
    assert.deepEqual(findings('nova', '[DEFAULT]', 'instances_path = $state_dir/x ${nope.x}'), ['2:18-2:28 openstack/unknown-reference', '2:31-2:40 openstack/unknown-reference']);
  });

  it('takes keystoneauth plugin options from auth_type', () => {
    assert.deepEqual(findings('nova', '[neutron]', 'auth_type = v3applicationcredential', 'application_credential_id = x', 'application_credential_secret = y'), []);
    // `password` belongs to password plugins, not to application credentials.
    assert.deepEqual(findings('nova', '[keystone_authtoken]', 'auth_type = v3applicationcredential', 'password = x'), ['3:1-3:9 openstack/unknown-option']);
    // Without auth_type any plugin's options are accepted rather than guessed.
    assert.deepEqual(findings('nova', '[keystone_authtoken]', 'username = x', 'user_domain_name = Default'), []);
  });

  it('treats repeated sections as one group; multi options are not duplicates', () => {
    assert.deepEqual(findings('nova', '[DEFAULT]', 'debug = true', '[filter_scheduler]', 'available_filters = a', '[DEFAULT]', 'debug = false', '[FILTER_SCHEDULER]', 'available_filters = b'), ['2:1-2:6 openstack/duplicate-option']);
  });

  it('checks every occurrence of a multi option and only the last of a normal one', () => {
    assert.deepEqual(findings('nova', '[DEFAULT]', 'reserved_huge_pages = x', 'reserved_huge_pages = node:0,size:1', 'debug = nope', 'debug = true'), ['2:23-2:24 openstack/invalid-value', '4:1-4:6 openstack/duplicate-option']);
  });

  it('knows glance reserved stores and enabled_backends sections, cinder backends by volume_driver', () => {
    assert.deepEqual(findings('glance-api', '[DEFAULT]', 'enabled_backends = a:file', '[a]', 'filesystem_store_datadir = /x', '[os_glance_tasks_store]', 'filesystem_store_datadir = /y'), []);
    assert.deepEqual(findings('cinder', '[backend-x]', 'volume_driver = cinder.volume.drivers.lvm.LVMVolumeDriver', 'volume_group = v'), []);
    assert.deepEqual(findings('cinder', '[backend-y]', 'volume_group = v'), ['1:1-1:12 openstack/unknown-section']);
  });

  it('reports a renamed option ignored because the new name is set too', () => {
    const { diags } = validateText('[DEFAULT]\nlogdir = /a\nlog_dir = /b\n', 'f.conf', 'nova');
    assert.equal(diags.length, 1);
    assert.match(diags[0]!.message, /use \[DEFAULT\] log_dir \(set too, so this value is ignored\)/);
  });

  it('reports inline comment text as a warning when the value still parses', () => {
    assert.deepEqual(findings('nova', '[DEFAULT]', 'host = compute1 # rack 4'), ['2:17-2:25 openstack/inline-comment']);
    assert.deepEqual(findings('nova', '[libvirt]', 'virt_type = kvm # not qemu'), ['2:17-2:27 openstack/inline-comment']);
  });

  it('reports the parse error first and still validates what was read', () => {
    const diags = validateText('[DEFAULT]\nmy_ipp = 1\nnovalue\n', 'f.conf', 'nova').diags;
    assert.deepEqual(diags.map((d) => d.ruleId), ['openstack/unknown-option', 'ini/syntax']);
  });

  it('accepts user-controlled names such as __proto__ without harm', () => {
    assert.deepEqual(findings('nova', '[__proto__]', 'constructor = 1', '[DEFAULT]', '__proto__ = 1'), ['1:1-1:12 openstack/unknown-section', '4:1-4:10 openstack/unknown-option']);
  });
});
