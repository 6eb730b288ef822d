import rule from '../../../src/lint/rules/hiera-module-namespace.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

const mod = { 'modules/ntp/hiera.yaml': 'version: 5\nhierarchy:\n  - name: Common\n    path: common.yaml\n' };
RuleTester.run(rule, {
  valid: [
    { code: 'ntp::servers: []\nlookup_options:\n  ntp::servers:\n    merge: unique\n', file: 'modules/ntp/data/common.yaml', files: mod },
    { code: 'chrony::servers: []\n', name: 'environment data may hold any key' },
  ],
  invalid: [
    { code: 'ntp::servers: []\nchrony::servers: []\n', file: 'modules/ntp/data/common.yaml', files: mod, errors: [{ messageId: 'outside', line: 2, column: 1, endLine: 2, endColumn: 16 }] },
    {
      code: 'lookup_options:\n  "^chrony::.*":\n    merge: deep\n',
      file: 'modules/ntp/data/common.yaml',
      files: mod,
      errors: [{ messageId: 'optionOutside', line: 2, column: 3, endLine: 2, endColumn: 16 }],
    },
  ],
});
