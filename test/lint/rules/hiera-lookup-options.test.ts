import rule from '../../../src/lint/rules/hiera-lookup-options.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: 'lookup_options:\n  a::b:\n    merge: deep\n  "^a::(.*)$":\n    merge:\n      strategy: deep\n      knockout_prefix: "--"\n    convert_to: Sensitive\n' },
    // Fixes found by lookup-options-semantics.test.ts: src/hiera (and Puppet) accept each of these.
    { name: 'default, reverse_deep and unconstrained_deep are strategies', code: 'lookup_options:\n  a::b: {merge: default}\n  a::c: {merge: reverse_deep}\n  a::d: {merge: {strategy: unconstrained_deep}}\n' },
    { name: 'options ~ and merge ~ mean no options', code: 'lookup_options:\n  a::b: ~\n  a::c: {merge: ~}\n' },
    { name: 'option names other than merge and convert_to are ignored', code: 'lookup_options:\n  a::b:\n    mrege: deep\n' },
    { name: 'merge_debug is a deep merge option; ~ leaves an option unset', code: 'lookup_options:\n  a::b: {merge: {strategy: deep, merge_debug: true, knockout_prefix: ~, sort_merged_arrays: ~}}\n' },
    { name: 'Ruby-only syntax src/hiera maps: (?i), \\A, \\z, \\h', code: 'lookup_options:\n  "^(?i)A::\\\\h+\\\\z": {merge: deep}\n  "^\\\\Aa::": {merge: deep}\n' },
    { name: 'Ruby-only syntax src/hiera translates: possessive, atomic, comments, scoped options, POSIX brackets, duplicate names', code: 'lookup_options:\n  "^a::b++(?>c)(?#note)(?i:D)[[:alpha:]]": {merge: deep}\n  "^(?<n>a)|(?<n>b)": {merge: deep}\n' },
    { name: 'convert_to as [Type, args]', code: 'lookup_options:\n  a::b: {convert_to: [Array, true]}\n' },
    { name: 'convert_to: ~ is no conversion; parameterised and unknown type names are left to Puppet', code: "lookup_options:\n  a::b: {convert_to: ~}\n  a::c: {convert_to: 'Integer[0, 10]'}\n  a::d: {convert_to: Mymod::Port}\n" },
    { name: "a construct Ruby accepts that hieradrift cannot translate is not Puppet's failure (hiera/untranslatable-regexp)", code: 'lookup_options:\n  "^a::\\\\Gb": {merge: deep}\n' },
  ],
  invalid: [
    { code: 'lookup_options:\n  a::b:\n    merge: deeper\n', errors: [{ messageId: 'unknownStrategy', line: 3, column: 12, endLine: 3, endColumn: 18 }] },
    { code: 'lookup_options:\n  "^a::(.*$":\n    merge: hash\n', errors: [{ messageId: 'invalidRegex', line: 2, column: 3, endLine: 2, endColumn: 13 }] },
    { name: 'Ruby refuses a variable-length look-behind (JS accepts it)', code: 'lookup_options:\n  "^a::(?<=b+)c": {merge: deep}\n', errors: [{ messageId: 'invalidRegex', line: 2, column: 3, endLine: 2, endColumn: 17 }] },
    { code: 'lookup_options: 5\n', errors: [{ messageId: 'notAHash', line: 1, column: 17, endLine: 1, endColumn: 18 }] },
    { code: 'lookup_options:\n  a::b: deep\n', errors: [{ messageId: 'optionNotHash', line: 2, column: 9, endLine: 2, endColumn: 13 }] },
    { code: 'lookup_options:\n  a::b:\n    merge:\n      strategy: deep\n      sort: true\n', errors: [{ messageId: 'unknownMergeOption', line: 5, column: 7, endLine: 5, endColumn: 11 }] },
    // Fixes found by lookup-options-semantics.test.ts: src/hiera fails each of these lookups, the rule was silent.
    { name: 'only deep merges take options', code: 'lookup_options:\n  a::b: {merge: {strategy: hash, knockout_prefix: "--"}}\n', errors: [{ messageId: 'unknownMergeOption', line: 2, column: 34, endLine: 2, endColumn: 49 }] },
    { name: 'a merge hash without a strategy', code: 'lookup_options:\n  a::b: {merge: {knockout_prefix: "--"}}\n  a::c: {merge: {strategy: 1}}\n', errors: [{ messageId: 'noStrategy', line: 2, column: 17, endLine: 2, endColumn: 40 }, { messageId: 'noStrategy', line: 3, column: 28, endLine: 3, endColumn: 29 }] },
    { name: 'option values of the wrong type', code: 'lookup_options:\n  a::b: {merge: {strategy: deep, knockout_prefix: "", sort_merged_arrays: "yes", merge_hash_arrays: 1}}\n', errors: [{ messageId: 'badMergeOption', line: 2, column: 51, endLine: 2, endColumn: 53 }, { messageId: 'badMergeOption', line: 2, column: 75, endLine: 2, endColumn: 80 }, { messageId: 'badMergeOption', line: 2, column: 101, endLine: 2, endColumn: 102 }] },
    { name: 'convert_to that is not a type name', code: 'lookup_options:\n  a::b: {convert_to: 1}\n  a::c: {convert_to: [~]}\n  a::d: {convert_to: []}\n', errors: [{ messageId: 'badConvertTo', line: 2, column: 22, endLine: 2, endColumn: 23 }, { messageId: 'badConvertTo', line: 3, column: 22, endLine: 3, endColumn: 25 }, { messageId: 'badConvertTo', line: 4, column: 22, endLine: 4, endColumn: 24 }] },
    { name: 'convert_to strings Puppet cannot parse as a type', code: "lookup_options:\n  a::b: {convert_to: integer}\n  a::c: {convert_to: ['Integer[', 16]}\n  a::d: {convert_to: ''}\n", errors: [{ messageId: 'unparsableConvertTo', line: 2, column: 22, endLine: 2, endColumn: 29 }, { messageId: 'unparsableConvertTo', line: 3, column: 23, endLine: 3, endColumn: 33 }, { messageId: 'unparsableConvertTo', line: 4, column: 22, endLine: 4, endColumn: 24 }] },
  ],
});
