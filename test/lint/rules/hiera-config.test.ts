import rule from '../../../src/lint/rules/hiera-config.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';
import { DEFAULT_HIERA } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: DEFAULT_HIERA, file: 'hiera.yaml' }, { code: 'version: 5\n', file: 'hiera.yaml' }],
  invalid: [
    {
      code: 'version: 5\nhierarchy:\n  - name: Common\n    path: common.yaml\n    glob: "*.yaml"\n  - name: Common\n    paths: []\n',
      file: 'hiera.yaml',
      errors: [
        { messageId: 'multipleLocations', line: 3, column: 5, endLine: 5, endColumn: 19 },
        { messageId: 'duplicateName', line: 6, column: 11, endLine: 6, endColumn: 17 },
        { messageId: 'badValue', line: 7, column: 12, endLine: 7, endColumn: 14 },
      ],
    },
    { code: 'version: "5"\n', file: 'hiera.yaml', errors: [{ messageId: 'badVersion', line: 1, column: 10, endLine: 1, endColumn: 13 }] },
    {
      code: 'version: 5\nhierarchy:\n  - name: X\n    data_hash: foo_data\n    path: x.yaml\n    frob: 1\n',
      file: 'hiera.yaml',
      errors: [
        { messageId: 'unknownFunction', line: 4, column: 16, endLine: 4, endColumn: 24 },
        { messageId: 'unknownKey', line: 6, column: 5, endLine: 6, endColumn: 9 },
      ],
    },
    {
      code: "version: 5\nhierarchy:\n  - name: X\n    path: \"%{lookup('k')}.yaml\"\n",
      file: 'hiera.yaml',
      errors: [{ messageId: 'methodInPath', line: 4, column: 11, endLine: 4, endColumn: 32 }],
    },
  ],
});
