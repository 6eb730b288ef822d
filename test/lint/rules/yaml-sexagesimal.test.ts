import rule from '../../../src/lint/rules/yaml-sexagesimal.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'backup::start: "12:30"\n' }, { code: 'a::mac: 1:60\n' }],
  invalid: [
    { code: 'backup::start: 12:30\n', errors: [{ messageId: 'sexagesimal', line: 1, column: 16, endLine: 1, endColumn: 21 }] },
    { code: 'a::t: 1:30.5\n', errors: [{ messageId: 'sexagesimal', line: 1, column: 7, endLine: 1, endColumn: 13 }] },
  ],
});
