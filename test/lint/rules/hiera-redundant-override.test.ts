import rule from '../../../src/lint/rules/hiera-redundant-override.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

const common = { 'data/common.yaml': 'nova::debug: false\nnova::ratio: 16.0\nnova::list: [a, b]\n' };
RuleTester.run(rule, {
  valid: [
    { code: 'nova::debug: true\n', file: 'data/roles/web.yaml', files: common },
    { code: 'nova::ratio: 16\n', file: 'data/roles/web.yaml', files: common, name: 'Integer 16 is not Float 16.0' },
    { code: 'nova::debug: false\n', file: 'data/roles/db.yaml', files: common, name: 'no node reads the file' },
    {
      code: 'm::x: 1\n', file: 'modules/m/data/common.yaml', name: "default_hierarchy is not merged with the hierarchy: its value does not stand in",
      files: {
        'modules/m/hiera.yaml': 'version: 5\nhierarchy:\n  - {name: c, path: common.yaml}\ndefault_hierarchy:\n  - {name: d, path: defaults.yaml}\n',
        'modules/m/data/defaults.yaml': 'm::x: 1\n',
      },
    },
  ],
  invalid: [
    {
      code: 'nova::debug: false\nnova::list: [a, b]\nnova::x: 1\n',
      file: 'data/roles/web.yaml',
      files: common,
      errors: [
        { messageId: 'redundant', line: 1, column: 1, endLine: 1, endColumn: 12 },
        { messageId: 'redundant', line: 2, column: 1, endLine: 2, endColumn: 11 },
      ],
    },
  ],
});
