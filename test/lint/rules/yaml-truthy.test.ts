import rule from '../../../src/lint/rules/yaml-truthy.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

const peer = { 'data/roles/web.yaml': "apache::server_signature: 'Off'\n" };
RuleTester.run(rule, {
  valid: [
    { code: 'apache::server_signature: off\n', name: 'no string peers' },
    { code: "apache::server_signature: 'off'\n", files: peer },
    { code: 'apache::server_signature: true\n', files: peer },
  ],
  invalid: [
    { code: 'apache::server_signature: off\n', files: peer, errors: [{ messageId: 'truthy', line: 1, column: 27, endLine: 1, endColumn: 30 }] },
    // Peers are found by a text search before parsing: one spelled with an escape or through a merge key still counts.
    { code: 'apache::server_signature: off\n', files: { 'data/roles/web.yaml': '"apache::server_signatur\\x65": \'Off\'\n' }, name: 'escaped peer key', errors: [{ messageId: 'truthy', line: 1, column: 27, endLine: 1, endColumn: 30 }] },
    { code: 'apache::server_signature: off\n', files: { 'data/roles/web.yaml': "base: &b {apache::server_signature: 'Off'}\n<<: *b\n" }, name: 'merged peer key', errors: [{ messageId: 'truthy', line: 1, column: 27, endLine: 1, endColumn: 30 }] },
    { code: 'a::list: [one, Yes, two]\n', errors: [{ messageId: 'truthy', line: 1, column: 16, endLine: 1, endColumn: 19 }] },
    { code: 'a::flag: ON\n', options: { always: true }, errors: [{ messageId: 'bare', line: 1, column: 10, endLine: 1, endColumn: 12 }] },
    { code: 'apache::server_signature: off\n', files: peer, options: { always: true }, name: 'always, with string peers: the peers message', errors: [{ messageId: 'truthy', line: 1, column: 27, endLine: 1, endColumn: 30 }] },
  ],
});
