import rule from '../../../src/lint/rules/hiera-level-matches-no-file.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

const data = { 'data/common.yaml': 'a::b: 1\n', 'data/os/Debian.yaml': 'a::c: 1\n' };
RuleTester.run(rule, {
  valid: [
    { code: 'version: 5\nhierarchy:\n  - name: OS\n    path: "os/%{facts.os.family}.yaml"\n  - name: Common\n    path: common.yaml\n', file: 'hiera.yaml', files: data },
    { code: 'version: 5\nhierarchy:\n  - name: All\n    glob: "os/*.yaml"\n', file: 'hiera.yaml', files: data },
    // Puppet reads a file a path names wherever it lies and whatever its extension.
    { code: 'version: 5\nhierarchy:\n  - name: Shared\n    path: ../shared/common.yaml\n  - name: Text\n    path: notes.txt\n', file: 'hiera.yaml', files: { ...data, 'shared/common.yaml': 'a::d: 1\n', 'data/notes.txt': 'a::e: 1\n' }, name: 'outside the datadir, other extension' },
    { code: 'version: 5\nhierarchy:\n  - name: Up\n    glob: "../shared/*.yaml"\n', file: 'hiera.yaml', files: { ...data, 'shared/common.yaml': 'a::d: 1\n' }, name: 'glob outside the datadir' },
  ],
  invalid: [
    {
      code: 'version: 5\nhierarchy:\n  - name: OS\n    path: "osfamily/%{facts.os.family}.yaml"\n  - name: Common\n    path: common.yaml\n',
      file: 'hiera.yaml',
      files: data,
      errors: [{ messageId: 'noFile', line: 4, column: 11, endLine: 4, endColumn: 45 }],
    },
    {
      code: 'version: 5\nhierarchy:\n  - name: Common\n    paths: [common.yaml, global.yaml]\n',
      file: 'hiera.yaml',
      files: data,
      errors: [{ messageId: 'noFileStatic', line: 4, column: 26, endLine: 4, endColumn: 37 }],
    },
  ],
});
