import rule from '../../../src/lint/rules/hiera-untranslatable-regexp.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'lookup_options:\n  "^profile::(?!test::)[^:]+::packages$":\n    merge: unique\n', name: 'look-ahead, classes, anchors translate' },
    { code: 'lookup_options:\n  "^a::(.*$":\n    merge: hash\n', name: "a pattern Ruby refuses is hiera/lookup-options' finding" },
    { code: 'lookup_options:\n  a::b:\n    merge: deep\n', name: 'not a pattern' },
    { code: 'profile::x: "^a::\\\\Gb"\n', name: 'only lookup_options keys are patterns' },
  ],
  invalid: [
    {
      code: 'lookup_options:\n  "^a::\\\\Gb": {merge: deep}\n',
      errors: [{ messageId: 'untranslatable', line: 2, column: 3, endLine: 2, endColumn: 13, data: { key: '^a::\\Gb', construct: '\\G (the search start position)' } }],
    },
    {
      code: 'lookup_options:\n  "^profile::(?~test)::packages$":\n    merge: unique\n  "^x(?(1)a|b)":\n    merge: deep\n',
      name: 'the absence operator and a conditional',
      errors: [{ messageId: 'untranslatable', line: 2, column: 3, endLine: 2, endColumn: 34 }, { messageId: 'untranslatable', line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
