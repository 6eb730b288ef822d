import rule from '../../../src/lint/rules/hiera-interpolation.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [
    { code: "a::h: \"%{lookup('b::c')}\"\n" },
    { code: 'a::h: "%{facts.os.family} and %{::fqdn} and a%%{}{b}"\n' },
    { code: "a::h:\n  \"%{facts.role}_key\": 1\n" },
  ],
  invalid: [
    // Fixes found by interpolation-semantics.test.ts: src/hiera reads these as variable keys it cannot split, so the lookup fails.
    { name: 'a method call with an empty, spaced or mixed-quote argument is a syntax error', code: "a::h: \"%{lookup('')}\"\n", errors: [{ messageId: 'syntax', line: 1, column: 8, endLine: 1, endColumn: 21 }] },
    { name: 'a nested interpolation whose first part is unsplittable is a syntax error', code: "a::h: \"%{%{lookup('t')}\"\n", errors: [{ messageId: 'syntax', line: 1, column: 8, endLine: 1, endColumn: 24 }] },
    { name: 'an unknown method with an unquoted argument is a variable name, not a failure', code: 'a::h: "%{lokup(t)}"\n', errors: [{ messageId: 'unquotedArgument', line: 1, column: 8, endLine: 1, endColumn: 19 }] },
    { code: 'a::h: "%{lookup(b::c)}"\n', errors: [{ messageId: 'unquotedArgument', line: 1, column: 8, endLine: 1, endColumn: 23 }] },
    { code: "a::h: \"x%{lookup('r')\"\n", errors: [{ messageId: 'unclosed', line: 1, column: 9, endLine: 1, endColumn: 22 }] },
    { code: "a::h: \"%{frob('k')}\"\n", errors: [{ messageId: 'unknownMethod', line: 1, column: 8, endLine: 1, endColumn: 20 }] },
    { code: 'a::h: "%{facts.%{x}}"\n', errors: [{ messageId: 'nested', line: 1, column: 8, endLine: 1, endColumn: 20 }] },
    { code: 'a::h: "%{a..b}"\n', errors: [{ messageId: 'syntax', line: 1, column: 8, endLine: 1, endColumn: 15 }] },
  ],
});
