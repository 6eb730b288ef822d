import rule from '../../../src/lint/rules/yaml-octal.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: "a::mode: '0640'\n" }, { code: 'a::mode: 0o640\n' }, { code: 'a::n: 0789\n' }, { code: 'a::n: 0\n' }],
  invalid: [
    { code: 'a::mode: 0640\n', errors: [{ messageId: 'octal', line: 1, column: 10, endLine: 1, endColumn: 14 }] },
    { code: 'a::bits: 0b101\n', errors: [{ messageId: 'binary', line: 1, column: 10, endLine: 1, endColumn: 15 }] },
  ],
});
