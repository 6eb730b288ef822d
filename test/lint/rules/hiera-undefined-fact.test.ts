import rule from '../../../src/lint/rules/hiera-undefined-fact.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'a::z: "%{facts.os.family} %{::role} %{trusted.certname} %{environment} %{profile::x}"\n' },
    { code: 'a::z: "%{facts.nosuch}"\n', files: { 'facts/web01.yaml': 'nosuch: 1\n' }, name: 'defined by a plain facts hash' },
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
  ],
});
