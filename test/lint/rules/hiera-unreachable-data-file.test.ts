import rule from '../../../src/lint/rules/hiera-unreachable-data-file.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'apache::mpm: event\n', file: 'data/roles/web.yaml' },
    { code: 'a::b: 1\n', file: 'data/nodes/web01.example.com.yaml' },
    { code: 'a::b: 1\n', file: 'data/roles/db.yaml', files: { 'facts/web01.yaml': '' }, name: 'no known nodes: no verdict' },
  ],
  invalid: [
    { code: 'apache::mpm: event\n', file: 'data/role/web.yaml', errors: [{ messageId: 'unreachable', line: 1, column: 1, endLine: 1, endColumn: 19 }] },
    { code: 'a::b: 1\n', file: 'data/roles/db.yaml', errors: [{ messageId: 'unreachable', line: 1, column: 1, endLine: 1, endColumn: 8 }] },
  ],
});
