import rule from '../../../src/lint/rules/yaml-refused.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'a::b: "2024-01-15"\n' }, { code: '' }],
  invalid: [
    { code: 'a::b: 1\nbackup::since: 2024-01-15\n', errors: [{ messageId: 'refused', line: 2, column: 16, endLine: 2, endColumn: 26 }] },
    { code: 'a::b: %{x}\n', errors: [{ messageId: 'refused', line: 1, column: 7, endLine: 1, endColumn: 8 }] },
  ],
});
