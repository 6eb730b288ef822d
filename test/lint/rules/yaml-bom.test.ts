import rule from '../../../src/lint/rules/yaml-bom.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'a::b: 1\nc::d: 2\n' }],
  invalid: [{ code: '\uFEFFa::b: 1\nc::d: 2\n', errors: [{ messageId: 'truncates', line: 1, column: 1, endLine: 1, endColumn: 2 }] }],
});
