import rule from '../../../src/lint/rules/hiera-module-namespace.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

const mod = { 'modules/ntp/hiera.yaml': 'version: 5\nhierarchy:\n  - name: Common\n    path: common.yaml\n' };
RuleTester.run(rule, {
  valid: [
    { code: 'ntp::servers: []\nlookup_options:\n  ntp::servers:\n    merge: unique\n', file: 'modules/ntp/data/common.yaml', files: mod },
    { code: 'chrony::servers: []\n', name: 'environment data may hold any key' },
    // Module data is what a module layer reads: site/ is not on Puppet's default modulepath.
    { code: 'chrony::servers: []\n', file: 'site/ntp/data/common.yaml', files: { 'site/ntp/hiera.yaml': mod['modules/ntp/hiera.yaml'] }, name: 'site/ without environment.conf is no module' },
  ],
  invalid: [
    {
      code: 'chrony::servers: []\n',
      file: 'dist/ntp/data/common.yaml',
      files: { 'environment.conf': 'modulepath = dist:$basemodulepath\n', 'dist/ntp/hiera.yaml': mod['modules/ntp/hiera.yaml'] },
      name: 'a module on a modulepath directory of any name',
      errors: [{ messageId: 'outside', line: 1, column: 1, endLine: 1, endColumn: 16 }],
    },
    { code: 'ntp::servers: []\nchrony::servers: []\n', file: 'modules/ntp/data/common.yaml', files: mod, errors: [{ messageId: 'outside', line: 2, column: 1, endLine: 2, endColumn: 16 }] },
    {
      code: 'lookup_options:\n  "^chrony::.*":\n    merge: deep\n',
      file: 'modules/ntp/data/common.yaml',
      files: mod,
      errors: [{ messageId: 'optionOutside', line: 2, column: 3, endLine: 2, endColumn: 16 }],
    },
  ],
});
