import rule from '../../../src/lint/rules/hiera-mapped-paths-scalar.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

const facts = {
  'facts/web01.yaml': 'name: web01.example.com\nvalues:\n  roles: [web, db]\n  role: web\n  count: 3\n  is_virtual: true\n  ratio: 1.5\n  os: {family: Debian}\n',
  'facts/db01.yaml': 'name: db01.example.com\nvalues:\n  roles: []\n  role: db\n  count: "3"\n  is_virtual: false\n',
};
const hiera = (variable: string): string => `version: 5\nhierarchy:\n  - name: m\n    mapped_paths: [${variable}, r, "roles/%{r}.yaml"]\n`;
RuleTester.run(rule, {
  valid: [
    { code: hiera('facts.roles'), file: 'hiera.yaml', files: facts, name: 'an Array, empty for one node' },
    { code: hiera('facts.role'), file: 'hiera.yaml', files: facts, name: 'a String' },
    { code: hiera('facts.nosuch'), file: 'hiera.yaml', files: facts, name: 'undefined: no paths' },
    { code: hiera('facts.os'), file: 'hiera.yaml', files: facts, name: 'a Hash answers empty? (no file matches)' },
  ],
  invalid: [
    {
      code: hiera('facts.count'), file: 'hiera.yaml', files: facts, name: 'an Integer for one node, a String for the other',
      errors: [{ messageId: 'scalar', line: 4, column: 20, endLine: 4, endColumn: 31, data: { variable: 'facts.count', what: 'an Integer', count: 1, nodes: 2, example: 'web01.example.com' } }],
    },
    {
      code: hiera('"::is_virtual"'), file: 'hiera.yaml', files: facts, name: 'Booleans for both, top-scope syntax',
      errors: [{ messageId: 'scalar', line: 4, column: 20, endLine: 4, endColumn: 34, data: { variable: '::is_virtual', what: 'a Boolean', count: 2, nodes: 2, example: 'db01.example.com, web01.example.com' } }],
    },
    { code: hiera('ratio'), file: 'hiera.yaml', files: facts, errors: [{ messageId: 'scalar', line: 4, column: 20, endLine: 4, endColumn: 25, data: { variable: 'ratio', what: 'a Float', count: 1, nodes: 2, example: 'web01.example.com' } }] },
  ],
});
