import rule from '../../../src/lint/rules/hiera-malformed-eyaml.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

const eyamlHiera = {
  'hiera.yaml': 'version: 5\nhierarchy:\n  - name: Secrets\n    lookup_key: eyaml_lookup_key\n    path: secrets.yaml\n  - name: Common\n    path: common.yaml\n',
};
RuleTester.run(rule, {
  valid: [
    { code: 'a::p: ENC[PKCS7,MIIBeQYJ]\n', file: 'data/x.eyaml' },
    { code: 'a::p: ENC[PKCS7,MIIBeQYJ]\n', file: 'data/secrets.yaml', files: eyamlHiera, name: 'read by an eyaml level' },
    { code: 'a::p: enc[not eyaml]\n' },
  ],
  invalid: [
    { code: 'a::p: ENC[PKCS7,MIIBeQYJ]\n', errors: [{ messageId: 'notDecrypted', line: 1, column: 7, endLine: 1, endColumn: 26 }] },
    { code: 'a::p: ENC[PKCS7,MIIBeQ!!]\n', file: 'data/x.eyaml', errors: [{ messageId: 'badBlock', line: 1, column: 7, endLine: 1, endColumn: 26 }] },
    { code: 'a::p: ENC[PKCS7,MIIBeQ\n', file: 'data/x.eyaml', errors: [{ messageId: 'unterminated', line: 1, column: 7, endLine: 1, endColumn: 23 }] },
    { code: 'a::p: ENC[FOO,MIIBeQYJ]\n', file: 'data/x.eyaml', errors: [{ messageId: 'unknownScheme', line: 1, column: 7, endLine: 1, endColumn: 24 }] },
    { code: 'a::p: ENC[PKCS7,MIIBeQ]\n', file: 'data/x.eyaml', errors: [{ messageId: 'badBase64', line: 1, column: 7, endLine: 1, endColumn: 24 }] },
  ],
});
