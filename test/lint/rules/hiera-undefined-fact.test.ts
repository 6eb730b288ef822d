import rule from '../../../src/lint/rules/hiera-undefined-fact.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'a::z: "%{facts.os.family} %{::role} %{trusted.certname} %{environment} %{profile::x}"\n' },
    { code: 'a::z: "%{facts.nosuch}"\n', files: { 'facts/web01.yaml': 'nosuch: 1\n' }, name: 'defined by a plain facts hash' },
    {
      code: 'version: 5\ndefaults:\n  datadir: "data/%{facts.os.family}"\nhierarchy:\n  - name: Node\n    datadir: "nodes/%{trusted.certname}"\n    path: x.yaml\n',
      file: 'hiera.yaml',
      name: 'datadirs naming defined facts',
    },
  ],
  invalid: [
    { code: 'a::z: "%{facts.timezon}"\n', errors: [{ messageId: 'undefinedFact', line: 1, column: 8, endLine: 1, endColumn: 24 }] },
    {
      code: 'a::z: 1\n',
      file: 'data/common.yaml',
      files: { 'hiera.yaml': 'version: 5\nhierarchy:\n  - name: OS\n    path: "os/%{facts.os.famly}.yaml"\n  - name: Common\n    path: common.yaml\n' },
      name: 'in a hiera.yaml path',
      errors: [],
    },
    {
      code: 'version: 5\ndefaults:\n  datadir: "data/%{facts.os.famly}"\nhierarchy:\n  - name: Node\n    datadir: "nodes/%{trusted.certnme}"\n    path: x.yaml\n' +
        'default_hierarchy:\n  - name: D\n    datadir: "d/%{::rol}"\n    path: x.yaml\n',
      file: 'hiera.yaml',
      name: 'in datadirs: defaults, a level, a default_hierarchy level (a typo there makes the level read nothing)',
      errors: [
        { messageId: 'undefinedFact', line: 3, column: 18, endLine: 3, endColumn: 35 },
        { messageId: 'undefinedFact', line: 6, column: 21, endLine: 6, endColumn: 39 },
        { messageId: 'undefinedFact', line: 10, column: 17, endLine: 10, endColumn: 25 },
      ],
    },
  ],
});
