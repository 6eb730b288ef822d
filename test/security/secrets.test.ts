import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  encScheme, isSecretKey, isSecretOptionName, maskText, maskUrlCredentials, maskValue, secretKeyOfPath, SECRET_MASK, urlCredentials,
} from '../../src/security/index.js';
import { renderJson } from '../../src/value/index.js';
import { loadJson, loadYaml } from '../../src/yaml/index.js';
import { Secret, isHash } from '../../src/value/types.js';

describe('security: key names', () => {
  const table: [string, boolean][] = [
    ['mysql::server::root_password', true],
    ['profile::ipmi::adminpassword', true],
    ['adminPassword', true],
    ['pasword', true], // a misspelt key still holds a password
    ['db_passwd', true],
    ['db_pass', true],
    ['ldap_pwd', true],
    ['gpg_passphrase', true],
    ['oauth::client_secret', true],
    ['clientsecret', true],
    ['api_token', true],
    ['keystone::admin_token', true],
    ['api_key', true],
    ['apiKey', true],
    ['ssh_key', true],
    ['wifi_psk', true],
    ['aws_credentials', true],
    ['keystone_authtoken/password', true],
    ['profile::ssh::public_key', false],
    ['pub_key', false],
    ['publickey', false],
    ['key_file', false],
    ['key_id', false],
    ['key_name', false],
    ['password_file', false],
    ['secret_key_file', false],
    ['token_expiration', false],
    ['keystone::token_expiration', false],
    ['bypass', false],
    ['monkey', false],
    ['compass', false],
    ['nova::authtoken', false],
    ['passenger::max_pool', false],
    ['nova::debug', false],
  ];
  for (const [key, secret] of table) {
    it(`${key} is ${secret ? '' : 'not '}secret`, () => assert.equal(isSecretKey(key), secret));
  }

  it('the fast key-name path answers as the plain regular expressions do, for any key', () => {
    // The rule as first written: split on '::' or '/', camelCase to snake, three tests.
    const reference = (key: string): boolean => {
      const last = (key.split(/::|\//).pop() ?? key).replace(/([a-z0-9])([A-Z])/g, '$1_$2');
      return (/(?:pa?s+w(?:o?r)?d|passphrase|secret)$/i.test(last) || /(?:^|[_-])(?:pass|pwd|token|key|psk|credentials?|apikey|privatekey|secretkey|accesskey|authkey)$/i.test(last)) &&
        !/(?:^|[_-])pub(?:lic)?[_-]?key$/i.test(last);
    };
    const words = fc.constantFrom('pass', 'password', 'Password', 'PASSWD', 'pwd', 'token', 'key', 'Key', 'public_key', 'secret', 'psk', 'credential',
      'credentials', 'apiKey', 'passphrase', 'setting', 'x', '_', '-', ':', '::', ':::', '/', 'a1', 'value');
    fc.assert(fc.property(fc.array(words, { maxLength: 6 }).map((ws) => ws.join('')), (key) => isSecretKey(key) === reference(key)), { numRuns: 3000 });
  });

  it('oslo option names: the data rule plus what oslo leaves unflagged (reference §5.2)', () => {
    for (const name of ['password', 'memcache_secret_key', 'transport_url', 'connection', 'slave_connection', 'sql_connection',
      'root_token_id', 'approle_secret_id', 'hmac_keys', 'backend_argument', 'backend_url', 'connection_string', 'fixed_key',
      'ssl_key_password', 'token_expiration']) {
      assert.ok(isSecretOptionName(name), name);
    }
    for (const name of ['debug', 'virt_type', 'my_ip', 'auth_url', 'key_file', 'swift_store_user']) assert.ok(!isSecretOptionName(name), name);
    // Every name the data rule calls secret is secret for oslo too.
    for (const name of ['db_pass', 'wifi_psk', 'adminpassword']) assert.ok(isSecretOptionName(name), name);
  });

  it('a resource hash value is named by the key above `value`; list items by nothing', () => {
    assert.equal(secretKeyOfPath(['nova::config::nova_config', 'keystone_authtoken/password', 'value']), 'keystone_authtoken/password');
    assert.equal(secretKeyOfPath(['app::settings', 'db_password']), 'db_password');
    assert.equal(secretKeyOfPath(['profile::hmac_password', 0]), undefined);
    assert.equal(secretKeyOfPath(['nova::config::nova_config', 'DEFAULT/debug', 'value']), undefined);
  });
});

describe('security: URL credentials', () => {
  const masked: [string, string][] = [
    ['rabbit://nova:p%40ss@h1:5672,nova:pw2@h2:5672/vhost', `rabbit://nova:${SECRET_MASK}@h1:5672,nova:${SECRET_MASK}@h2:5672/vhost`],
    ['mysql+pymysql://nova:pw@db/nova?charset=utf8', `mysql+pymysql://nova:${SECRET_MASK}@db/nova?charset=utf8`],
    ['redis://:pw@host:6379', `redis://:${SECRET_MASK}@host:6379`],
    // '@' in the password: oslo's rsplit('@', 1) takes the last one.
    ['x rabbit://u:a@b@h/ y', `x rabbit://u:${SECRET_MASK}@h/ y`],
    // ':' in the password: the userinfo splits on its first ':'.
    ['amqp://u:a:b@h/', `amqp://u:${SECRET_MASK}@h/`],
    // '/' in the password ends oslo's netloc; SQLAlchemy's reading still finds it.
    ['mysql://nova:pa/ss@db/nova', `mysql://nova:${SECRET_MASK}@db/nova`],
    ['"url": "https://deploy:tok@git/r.git"', `"url": "https://deploy:${SECRET_MASK}@git/r.git"`],
    ['http://controller:5000/v3', 'http://controller:5000/v3'],
    ['rabbit://guest@h/', 'rabbit://guest@h/'],
    ['rabbit://nova:@h/', 'rabbit://nova:@h/'],
    // An interpolation names where the password comes from; it is not one.
    ["rabbit://nova:%{lookup('profile::rabbit::password')}@h:5672/", "rabbit://nova:%{lookup('profile::rabbit::password')}@h:5672/"],
  ];
  for (const [text, want] of masked) it(`masks ${text}`, () => assert.equal(maskUrlCredentials(text), want));

  it('detection (lint) gives the password spans as oslo reads them, every host, no interpolations', () => {
    const text = 'rabbit://u:p1@h1,u:p2@h2/';
    assert.deepEqual(urlCredentials(text).map((s) => text.slice(s.start, s.end)), ['p1', 'p2']);
    assert.deepEqual(urlCredentials('amqp://nova:hunter2@rabbit01:5672/'), [{ start: 12, end: 19 }]);
    assert.deepEqual(urlCredentials("rabbit://nova:%{lookup('k')}@h/"), []);
    assert.deepEqual(urlCredentials('http://h:80/a@b'), []);
  });
});

describe('security: eyaml blocks', () => {
  it('masks single-line, multi-line, GPG and unterminated blocks in text', () => {
    assert.equal(maskText('pw=ENC[PKCS7,MIIBeQ==] x'), `pw=${SECRET_MASK} x`);
    assert.equal(maskText('"ENC[PKCS7,MIIB\n  AAAA=]"'), `"${SECRET_MASK}"`);
    assert.equal(maskText('ENC[GPG,hQEMA==]'), SECRET_MASK);
    assert.equal(maskText('a ENC[PKCS7,MIIBtruncated'), `a ${SECRET_MASK}`);
  });

  it('recognises a value that is one block, with its scheme', () => {
    assert.equal(encScheme('ENC[PKCS7,MIIB]'), 'PKCS7');
    assert.equal(encScheme('  ENC[GPG,\n  hQEM]\n'), 'GPG');
    assert.equal(encScheme('x ENC[PKCS7,MIIB]'), undefined);
  });

  it('maskValue: ENC strings become Secrets at any depth, secret keys hide whole values, other values stay', () => {
    const v = loadYaml('pw: ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAx]\nlist:\n  - ENC[GPG,abc]\n  - plain\n' +
      'db_password: 1234\nnova_config:\n  keystone_authtoken/password:\n    value: s3cr3t\n  DEFAULT/debug:\n    value: true\n', 'x.eyaml').value!;
    const masked = maskValue(v, undefined, 'x.eyaml');
    assert.ok(isHash(masked));
    assert.equal((masked.get('pw') as Secret).scheme, 'PKCS7');
    const list = masked.get('list') as unknown[];
    assert.ok(list[0] instanceof Secret);
    assert.equal(list[1], 'plain');
    assert.equal(renderJson(masked), '{"pw":"<secret>","list":["<secret>","plain"],"db_password":"<secret>",' +
      '"nova_config":{"keystone_authtoken/password":"<secret>","DEFAULT/debug":{"value":true}}}');
  });
});

describe('security: masked output never holds the password (property)', () => {
  // Passwords with the characters that break naive cuts ('@', ':', '/', '%'), length >= 4. A case counts only
  // when the password is not a substring of the text around it (the expected output).
  const password = fc.stringMatching(/^[A-Za-z0-9@:/%._~!$&*+=-]{4,24}$/);
  const host = fc.stringMatching(/^[a-z][a-z0-9.-]{0,15}$/);
  const user = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);

  it('in URLs, single and multi-host', () => {
    fc.assert(
      fc.property(fc.constantFrom('rabbit', 'mysql+pymysql', 'amqp', 'redis'), user, fc.array(fc.tuple(password, host), { minLength: 1, maxLength: 3 }), (scheme, u, parts) => {
        // In a multi-host URL a password cannot hold '/' or ',': oslo's own grammar could not read it back.
        const pws = parts.length > 1 ? parts.map(([p, h]) => [p.replace(/[/,]/g, 'x'), h] as const) : parts;
        const url = (pw: (p: string) => string): string => `conf = ${scheme}://${pws.map(([p, h]) => `${u}:${pw(p)}@${h}`).join(',')}/vhost end`;
        const expected = url(() => SECRET_MASK);
        fc.pre(pws.every(([p]) => !expected.includes(p)));
        const out = maskUrlCredentials(url((p) => p));
        for (const [p] of pws) assert.ok(!out.includes(p), `${url((x) => x)} -> ${out}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('under secret keys and in eyaml blocks', () => {
    const b64 = fc.stringMatching(/^[A-Za-z0-9+/]{4,40}={0,2}$/);
    fc.assert(
      fc.property(fc.constantFrom('db_password', 'api_token', 'profile::ssh_key', 'clientSecret'), password, b64, (key, p, payload) => {
        const expected = `{${JSON.stringify(key)}:"${SECRET_MASK}","blob":"x ${SECRET_MASK} y","list":["${SECRET_MASK}"]}`;
        fc.pre(!expected.includes(p) && !expected.includes(payload));
        const v = new Map<string, unknown>([[key, p], ['blob', `x ENC[PKCS7,${payload}] y`], ['list', [`ENC[GPG,${payload}]`]]]);
        const json = renderJson(maskValue(v as never));
        assert.equal(json, expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('security: domain text maskers', () => {
  it('explain traces: values inside a secret key search, secret hash entries through their closing line', async () => {
    const { maskExplainText } = await import('../../src/hiera/index.js');
    const trace = [
      'Searching for "profile::db::password"',
      '  Merged result: "s3cr3t-1"',
      'Searching for "app::settings"',
      '  Found key: "app::settings" value: {',
      '    "creds_password" => {',
      '      "user" => "s3cr3t-2"',
      '    },',
      '    "port" => 3306',
      '  }',
      '  Found key: "app::url" value: "amqp://u:s3cr3t-3@h/"',
    ].join('\n');
    assert.equal(maskExplainText(trace), [
      'Searching for "profile::db::password"',
      '  Merged result: "<secret>"',
      'Searching for "app::settings"',
      '  Found key: "app::settings" value: {',
      '    "creds_password" => "<secret>",',
      '    "port" => 3306',
      '  }',
      '  Found key: "app::url" value: "amqp://u:<secret>@h/"',
    ].join('\n'));
  });

  it('drift diffs: a secret continuation line left after a section header by Puppet is masked', async () => {
    const { maskFileText } = await import('../../src/drift/mask.js');
    const isSecret = (_g: string, k: string): boolean => k === 'password';
    assert.equal(maskFileText('[a]\n s3cr3t-tail\n\npassword=s3cr3t\n x\nurl = amqp://u:p4ss@h/\n y', isSecret),
      '[a]\n <secret>\n\npassword=<secret>\n <secret>\nurl = amqp://u:<secret>@h/\n y');
  });
});

describe('security: syntax errors', () => {
  it('a JSON syntax error names its position, never the text after it (Ruby quotes 20 characters)', () => {
    for (const text of ['{"role": x "db_password": "hunter2secret"}', '{"url": "mysql://nova:hunter2secret@db/nova" "x": 1}', '["hunter2secret"\n']) {
      const r = loadJson(text, 'facts/n1.json');
      assert.ok(r.error, text);
      assert.doesNotMatch(r.error.message, /hunter|h2s|secret|nova:/, r.error.message);
      assert.ok(r.error.line >= 1 && r.error.column >= 1);
    }
  });
});
