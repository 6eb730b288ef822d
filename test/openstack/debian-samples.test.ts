import assert from 'node:assert/strict';
import { requireOracle } from '../support/oracle.js';
import { validatePath } from './support.js';

// Debian's shipped configs (generated samples plus postinst edits) are real, valid inputs.
const samples: [string, string][] = [
  ['nova', '/etc/nova/nova.conf'],
  ['nova', '/usr/share/nova-common/nova.conf'],
  ['keystone', '/etc/keystone/keystone.conf'],
  ['keystone', '/usr/share/keystone/keystone.conf'],
  ['neutron', '/etc/neutron/neutron.conf'],
  ['neutron', '/usr/share/neutron-common/neutron.conf'],
  ['glance-api', '/etc/glance/glance-api.conf'],
  ['glance-api', '/usr/share/glance-common/glance-api.conf'],
  ['cinder', '/etc/cinder/cinder.conf'],
  ['cinder', '/usr/share/cinder-common/cinder.conf'],
  // Secondary files, each with its own namespaces.
  ['neutron-dhcp-agent', '/usr/share/neutron-common/dhcp_agent.ini'],
  ['neutron-l3-agent', '/usr/share/neutron-common/l3_agent.ini'],
  ['neutron-ml2', '/usr/share/neutron-common/plugins/ml2/ml2_conf.ini'],
  ['neutron-openvswitch-agent', '/usr/share/neutron-common/plugins/ml2/openvswitch_agent.ini'],
  ['neutron-ovn', '/usr/share/neutron-common/ovn.ini'],
  ['glance-cache', '/usr/share/glance-common/glance-cache.conf'],
  ['glance-scrubber', '/usr/share/glance-common/glance-scrubber.conf'],
  ['glance-manage', '/usr/share/glance-common/glance-manage.conf'],
  ['glance-image-import', '/usr/share/glance-common/glance-image-import.conf'],
  ['neutron-dhcp-agent', '/etc/neutron/dhcp_agent.ini'],
  ['neutron-ml2', '/etc/neutron/plugins/ml2/ml2_conf.ini'],
];

// Zed cinder has no iscsi_helper/iscsi_protocol (renamed target_helper/target_protocol long ago), yet Debian's
// sample still sets them in [lvm]: true findings, which oslo-config-validator reports as well.
const trueFindings: Record<string, string[]> = {
  cinder: ['lvm/iscsi_protocol openstack/unknown-option', 'lvm/iscsi_helper openstack/unknown-option'],
};

describe('openstack validate: Debian samples give no false positives', function () {
  before(function () {
    requireOracle(this, 'openstack-services');
  });
  for (const [service, file] of samples) {
    it(file, function () {
      const got = validatePath(file, service).map((d) => `${d.path?.join('/')} ${d.ruleId}`);
      assert.deepEqual(got, trueFindings[service] ?? []);
    });
  }
});
