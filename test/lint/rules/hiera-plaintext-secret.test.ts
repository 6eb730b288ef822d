import rule from '../../../src/lint/rules/hiera-plaintext-secret.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'mysql::root_password: ENC[PKCS7,MIIBeQ==]\n', file: 'data/secrets.eyaml' },
    { code: "a::password: \"%{lookup('b::password')}\"\na::url: \"amqp://u:%{lookup('p')}@h/\"\n" },
    { code: 'ssh::public_key: AAAAB3Nza\na::key_file: /etc/x.pem\na::password: ""\n' },
  ],
  invalid: [
    { code: 'mysql::server::root_password: hunter2\n', errors: [{ messageId: 'secretKey', line: 1, column: 31, endLine: 1, endColumn: 38 }] },
    { code: 'a::url: "rabbit://nova:hunter2@rabbit01:5672/"\n', errors: [{ messageId: 'urlPassword', line: 1, column: 24, endLine: 1, endColumn: 31 }] },
    // Every host of a multi-host URL, and a password holding '@' and ':' (oslo.messaging's reading).
    {
      code: 'a::url: "rabbit://u:p1@h1,u:p@2:x@h2/"\n',
      errors: [
        { messageId: 'urlPassword', line: 1, column: 21, endLine: 1, endColumn: 23 },
        { messageId: 'urlPassword', line: 1, column: 29, endLine: 1, endColumn: 34 },
      ],
    },
    {
      code: 'nova::config::nova_config:\n  keystone_authtoken/password:\n    value: s3cret\n',
      errors: [{ messageId: 'secretKey', line: 3, column: 12, endLine: 3, endColumn: 18 }],
    },
  ],
});
