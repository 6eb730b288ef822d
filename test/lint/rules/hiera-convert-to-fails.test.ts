import rule from '../../../src/lint/rules/hiera-convert-to-fails.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

// lookup_options in common.yaml, which every node reads; the values in a role's file.
const opts = (entries: string): Record<string, string> => ({ 'data/common.yaml': `lookup_options:\n${entries}` });
const file = 'data/roles/web.yaml';
const port = opts('  profile::web::port:\n    convert_to: Integer\n');

RuleTester.run(rule, {
  valid: [
    { file, code: 'profile::web::port: "8080"\n', files: port, name: 'a string Integer can take' },
    { file, code: 'profile::web::port: 8080\n', files: port, name: 'already an Integer' },
    { file, code: 'profile::web::port: "%{facts.port}"\n', files: port, name: 'interpolated: known only at lookup time' },
    { file, code: 'profile::web::port: "8080a"\n', name: 'no lookup_options for the key' },
    { file, code: 'profile::web::port: "8080a"\n', files: opts('  profile::web::port:\n    convert_to: Integer\n    merge: unique\n'), name: 'merged first, converted after' },
    { file, code: 'profile::web::port: "8080a"\n', files: opts('  profile::web::port:\n    convert_to: Profile::Port\n'), name: 'a type alias Puppet may resolve' },
    { file, code: 'profile::web::port: "8080a"\n', files: opts('  profile::web::port:\n    convert_to: Timestamp\n'), name: 'a type hieradrift does not model' },
    { file, code: 'profile::web::port: "8080a"\n', files: opts('  profile::web::port:\n    convert_to: integer\n'), name: "a spec Puppet cannot parse is hiera/lookup-options' finding" },
    {
      file, code: 'profile::web::port: "8080a"\n',
      files: { ...port, 'data/more.yaml': 'lookup_options:\n  "^profile::web::.*":\n    merge: deep\n' },
      name: 'another entry that could apply merges instead',
    },
    { file, code: 'profile::db::password: ENC[PKCS7,MIIBeQYJKoZIhvcNAQcDoIIBajCCAWYCAQAx]\n', files: opts('  profile::db::password:\n    convert_to: Integer\n'), name: 'an eyaml block' },
    { file, code: 'profile::db::password: "s3cret"\n', files: opts('  profile::db::password:\n    convert_to: Sensitive\n'), name: 'Sensitive takes anything' },
    {
      file, code: 'profile::web::port: "8080a"\n', files: { 'data/roles/db.yaml': 'lookup_options:\n  profile::web::port:\n    convert_to: Integer\n' },
      name: 'options only in a file other nodes do not read: their lookups find the value unconverted',
    },
    {
      file, code: 'apache::port: "x"\n',
      files: { 'modules/other/hiera.yaml': 'version: 5\n', 'modules/other/data/common.yaml': 'lookup_options:\n  "^.*port$":\n    convert_to: Integer\n' },
      name: "a module's lookup_options apply only to its own keys",
    },
  ],
  invalid: [
    {
      file, code: 'lookup_options:\n  profile::web::port:\n    convert_to: Integer\nprofile::web::port: "8080a"\n', name: 'options in the value\'s own file',
      errors: [{ messageId: 'fails', line: 4, column: 21, endLine: 4, endColumn: 28 }],
    },
    {
      file, code: 'profile::web::port: "8080a"\n', files: port,
      errors: [{ messageId: 'fails', line: 1, column: 21, endLine: 1, endColumn: 28, data: { key: 'profile::web::port', type: 'Integer', reason: "'new' The string '8080a' cannot be converted to Integer" } }],
    },
    {
      file, code: 'profile::web::enabled: enabled\n', files: opts('  "^profile::.*::enabled$":\n    convert_to: Boolean\n'), name: 'a pattern entry',
      errors: [{ messageId: 'fails', line: 1, column: 24, endLine: 1, endColumn: 31 }],
    },
    {
      file, code: 'profile::web::workers: 12\n', files: opts('  profile::web::workers:\n    convert_to: "Integer[1, 8]"\n'), name: 'out of the range the type allows',
      errors: [{ messageId: 'fails', line: 1, column: 24, endLine: 1, endColumn: 26 }],
    },
    {
      file, code: 'profile::db::password: "hunter2"\n', files: opts('  profile::db::password:\n    convert_to: Integer\n'), name: 'a secret key: the message masks the value',
      errors: [{ messageId: 'fails', line: 1, column: 24, endLine: 1, endColumn: 33, data: { key: 'profile::db::password', type: 'Integer', reason: "'new' The string '<secret>' cannot be converted to Integer" } }],
    },
  ],
});
