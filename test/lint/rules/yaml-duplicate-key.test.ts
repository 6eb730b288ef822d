import rule from '../../../src/lint/rules/yaml-duplicate-key.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'a::b: 1\na::c: 1\n' }, { code: 'x: &d {k: 1}\ny:\n  <<: *d\n  <<: *d\n' }],
  invalid: [
    { code: 'nova::debug: false\nnova::debug: true\n', errors: [{ messageId: 'duplicate', line: 1, column: 1, endLine: 1, endColumn: 12 }] },
    { code: 'h:\n  k: 1\n  j: 2\n  k: 3\n', errors: [{ messageId: 'duplicate', line: 2, column: 3, endLine: 2, endColumn: 4 }] },
  ],
});
