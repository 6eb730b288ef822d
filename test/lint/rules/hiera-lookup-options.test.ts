import rule from '../../../src/lint/rules/hiera-lookup-options.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'lookup_options:\n  a::b:\n    merge: deep\n  "^a::(.*)$":\n    merge:\n      strategy: hash\n      knockout_prefix: "--"\n    convert_to: Sensitive\n' },
  ],
  invalid: [
    { code: 'lookup_options:\n  a::b:\n    merge: deeper\n', errors: [{ messageId: 'unknownStrategy', line: 3, column: 12, endLine: 3, endColumn: 18 }] },
    { code: 'lookup_options:\n  "^a::(.*$":\n    merge: hash\n', errors: [{ messageId: 'invalidRegex', line: 2, column: 3, endLine: 2, endColumn: 13 }] },
    { code: 'lookup_options: 5\n', errors: [{ messageId: 'notAHash', line: 1, column: 17, endLine: 1, endColumn: 18 }] },
    { code: 'lookup_options:\n  a::b: deep\n', errors: [{ messageId: 'optionNotHash', line: 2, column: 9, endLine: 2, endColumn: 13 }] },
    {
      code: 'lookup_options:\n  a::b:\n    mrege: deep\n    merge:\n      strategy: deep\n      sort: true\n',
      errors: [
        { messageId: 'unknownOption', line: 3, column: 5, endLine: 3, endColumn: 10 },
        { messageId: 'unknownMergeOption', line: 6, column: 7, endLine: 6, endColumn: 11 },
      ],
    },
  ],
});
