import rule from '../../../src/lint/rules/hiera-alias-not-whole-string.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: "a::p: \"%{alias('a::q')}\"\n" }, { code: "a::p: \"www.%{lookup('a::d')}\"\n" }],
  invalid: [
    { code: "a::p: \"www.%{alias('a::d')}\"\n", errors: [{ messageId: 'notWhole', line: 1, column: 12, endLine: 1, endColumn: 28 }] },
    { code: "a::p: \" %{alias('a::d')}\"\n", errors: [{ messageId: 'notWhole', line: 1, column: 9, endLine: 1, endColumn: 25 }] },
  ],
});
