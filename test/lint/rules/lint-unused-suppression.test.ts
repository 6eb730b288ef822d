import { strict as assert } from 'node:assert';
import rule from '../../../src/lint/rules/lint-unused-suppression.js';
import octal from '../../../src/lint/rules/yaml-octal.js';
import { RuleTester, lintCase } from '../../../src/lint/rule-tester.js';

// The engine reports this rule; the tester runs it alone, so every directive here is unused or unknown.
RuleTester.run(rule, {
  valid: [{ code: 'a::b: 1 # plain comment\n' }],
  invalid: [
    { code: 'a::b: 1 # hieradrift-disable-line yaml/octal\n', errors: [{ messageId: 'unused', line: 1, column: 9, endLine: 1, endColumn: 45 }] },
    { code: '# hieradrift-disable-next-line yaml/nosuch\na::b: 1\n', errors: [{ messageId: 'unknownRule', line: 1, column: 1, endLine: 1, endColumn: 43 }] },
  ],
});

describe('inline suppressions', () => {
  it('a used directive suppresses the finding and is not reported', () => {
    assert.deepEqual(lintCase(octal, { code: 'a::m: 0640 # hieradrift-disable-line yaml/octal -- module wants a number\n' }), []);
    assert.deepEqual(lintCase(octal, { code: '# hieradrift-disable-next-line yaml/octal\na::m: 0640\n' }), []);
    assert.deepEqual(lintCase(octal, { code: '# hieradrift-disable-file yaml/octal\na::m: 0640\nb::m: 0600\n' }), []);
    assert.deepEqual(lintCase(octal, { code: '# hieradrift-disable yaml/octal\na::m: 0640\n# hieradrift-enable yaml/octal\n' }), []);
  });
  it('a directive for another line does not suppress', () => {
    const got = lintCase(octal, { code: '# hieradrift-disable-next-line yaml/octal\n\na::m: 0640\n' });
    assert.deepEqual(got.map((d) => d.line), [3]);
  });
  it('a # inside quotes is not a directive', () => {
    assert.equal(lintCase(octal, { code: "a::s: 'x # hieradrift-disable-line yaml/octal'\nb::m: 0640\n" }).length, 1);
  });
});
