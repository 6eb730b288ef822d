import rule from '../../../src/lint/rules/hiera-unreachable-data-file.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'apache::mpm: event\n', file: 'data/roles/web.yaml' },
    { code: 'a::b: 1\n', file: 'data/nodes/web01.example.com.yaml' },
    { code: 'a::b: 1\n', file: 'data/roles/db.yaml', files: { 'facts/web01.yaml': '' }, name: 'no known nodes: no verdict' },
    {
      code: 'm::x: 1\n', file: 'modules/m/data/defaults.yaml', name: "a module's default_hierarchy level reaches its file",
      files: { 'modules/m/hiera.yaml': 'version: 5\nhierarchy:\n  - {name: c, path: common.yaml}\ndefault_hierarchy:\n  - {name: d, path: defaults.yaml}\n' },
    },
    {
      code: 'a::b: 1\n', file: 'data/os/Debian.yaml', name: 'a datadir interpolated per node',
      files: { 'hiera.yaml': 'version: 5\nhierarchy:\n  - {name: os, datadir: "data/%{facts.dir}", path: "Debian.yaml"}\n', 'facts/web01.yaml': 'name: web01.example.com\nvalues:\n  dir: os\n' },
    },
    {
      code: 'a::b: 1\n', file: 'data/common.yaml', name: 'a version 4 hiera.yaml (Puppet 7 reads it)',
      files: { 'hiera.yaml': 'version: 4\nhierarchy:\n  - name: common\n    backend: yaml\n' },
    },
  ],
  invalid: [
    { code: 'apache::mpm: event\n', file: 'data/role/web.yaml', errors: [{ messageId: 'unreachable', line: 1, column: 1, endLine: 1, endColumn: 19 }] },
    { code: 'a::b: 1\n', file: 'data/roles/db.yaml', errors: [{ messageId: 'unreachable', line: 1, column: 1, endLine: 1, endColumn: 8 }] },
    {
      code: 'a::b: 1\n', file: 'data/nodes/other.example.com.yaml', name: 'a trusted fact without authenticated and extensions does not name the node',
      files: {
        'hiera.yaml': 'version: 5\nhierarchy:\n  - {name: n, path: "nodes/%{trusted.certname}.yaml"}\n',
        'facts/web01.yaml': 'clientcert: web01.example.com\nhostname: web01\ndomain: example.com\nfqdn: web01.example.com\ntrusted:\n  certname: other.example.com\n',
      },
      errors: [{ messageId: 'unreachable', line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      code: 'a::b: 1\n', file: 'site/profile/data/common.yaml', name: "site/ is not on Puppet's default modulepath",
      files: { 'site/profile/hiera.yaml': 'version: 5\n' },
      errors: [{ messageId: 'unreachable', line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
  ],
});
