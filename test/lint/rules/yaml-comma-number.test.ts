import rule from '../../../src/lint/rules/yaml-comma-number.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'a::ids: "1,2,3"\n' }, { code: 'a::ids: [1, 2, 3]\n' }, { code: 'a::s: a,b\n' }],
  invalid: [
    { code: 'a::ids: 1,2,3\n', errors: [{ messageId: 'comma', line: 1, column: 9, endLine: 1, endColumn: 14 }] },
    { code: 'a::n: 1,000.5\n', errors: [{ messageId: 'comma', line: 1, column: 7, endLine: 1, endColumn: 14 }] },
  ],
});
