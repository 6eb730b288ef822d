import rule from '../../../src/lint/rules/yaml-version-float.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'a::v: "1.10"\n' }, { code: 'a::ratio: 16.0\n' }, { code: 'a::r: 1.25\n' }],
  invalid: [
    { code: 'nova::compute::libvirt::version: 1.10\n', errors: [{ messageId: 'float', line: 1, column: 34, endLine: 1, endColumn: 38 }] },
    { code: 'a:\n  - 2.50\n', errors: [{ messageId: 'float', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
  ],
});
