import rule from '../../../src/lint/rules/yaml-loader-warning.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'apache::port: 8080\n' }],
  invalid: [{ code: 'apache::port: 80\n---\napache::port: 8080\n', errors: [{ messageId: 'observed', line: 2, column: 1, endLine: 2, endColumn: 4 }] }],
});
