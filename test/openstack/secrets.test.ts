import assert from 'node:assert/strict';
import { isSecretOption, loadServiceSchema } from '../../src/openstack/index.js';
import { maskUrlCredentials as maskSecrets } from '../../src/security/index.js';
import { validateText } from './support.js';

describe('openstack secrets', () => {
  const nova = loadServiceSchema('nova');
  const cinder = loadServiceSchema('cinder');

  it('masks URL passwords, every host of a multi-host transport_url', () => {
    assert.equal(maskSecrets('rabbit://nova:p%40ss@h1:5672,nova:pw2@h2:5672/vhost'), 'rabbit://nova:<secret>@h1:5672,nova:<secret>@h2:5672/vhost');
    assert.equal(maskSecrets('mysql+pymysql://nova:pw@db/nova?charset=utf8'), 'mysql+pymysql://nova:<secret>@db/nova?charset=utf8');
    assert.equal(maskSecrets('redis://:pw@host:6379'), 'redis://:<secret>@host:6379');
    assert.equal(maskSecrets('x rabbit://u:a@b@h/ y'), 'x rabbit://u:<secret>@h/ y');
    assert.equal(maskSecrets('http://controller:5000/v3'), 'http://controller:5000/v3');
    assert.equal(maskSecrets('rabbit://guest@h/'), 'rabbit://guest@h/');
  });

  it('knows secret options from the schema, aliases, dynamic sections, plugins and names', () => {
    assert.ok(isSecretOption(nova, 'DEFAULT', 'transport_url'));
    assert.ok(isSecretOption(nova, 'database', 'connection'));
    assert.ok(isSecretOption(nova, 'DEFAULT', 'sql_connection'));
    assert.ok(isSecretOption(nova, 'keystone_authtoken', 'password'));
    assert.ok(isSecretOption(nova, 'neutron', 'metadata_proxy_shared_secret'));
    assert.ok(isSecretOption(cinder, 'ceph', 'san_password'));
    assert.ok(isSecretOption(undefined, 'anything', 'memcache_password'));
    assert.ok(isSecretOption(undefined, 'vault', 'root_token_id'));
    assert.ok(isSecretOption(nova, 'profiler', 'hmac_keys'));
    assert.ok(!isSecretOption(nova, 'DEFAULT', 'debug'));
    assert.ok(!isSecretOption(nova, 'libvirt', 'virt_type'));
  });

  it('never prints a secret value, even when it is invalid or has a bad reference', () => {
    const text = [
      '[DEFAULT]',
      'transport_url = rabbit://nova:Sup3rS3cret@h1,nova:Sup3rS3cret@h2/ # old',
      'sql_connection = mysql://nova:DbPa55word@db/nova',
      '[key_manager]',
      'fixed_key = $FixedKeyValue',
      '[database]',
      'connection = mysql://nova:Other5ecret@db/nova',
      'max_retries = mysql://u:UrlPa55@h/',
      '[keystone_authtoken]',
      'auth_type = password',
      'password = Pa$$word',
      'passwd = $nosuch_Pw',
    ].join('\n');
    const { diags } = validateText(text, 'nova.conf', 'nova');
    assert.ok(diags.length >= 4, JSON.stringify(diags));
    for (const secret of ['Sup3rS3cret', 'DbPa55word', 'FixedKeyValue', 'Other5ecret', 'UrlPa55', 'nosuch_Pw']) {
      for (const d of diags) assert.ok(!JSON.stringify(d).includes(secret), `${secret} in ${d.message}`);
    }
  });
});
