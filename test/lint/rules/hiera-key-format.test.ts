import rule from '../../../src/lint/rules/hiera-key-format.js';
import { RuleTester } from '../../../src/lint/rule-tester.js';

RuleTester.run(rule, {
  valid: [{ code: 'ntp::servers: []\nlookup_options: {}\nplain_key: 1\nntp::config::settings: {}\n' }],
  invalid: [
    { code: '::ntp::servers: []\n', errors: [{ messageId: 'leadingColons', line: 1, column: 1, endLine: 1, endColumn: 15 }] },
    { code: 'ntp:iburst: true\n', errors: [{ messageId: 'singleColon', line: 1, column: 1, endLine: 1, endColumn: 11 }] },
    { code: '"ntp::burst ": false\n', errors: [{ messageId: 'whitespace', line: 1, column: 1, endLine: 1, endColumn: 14 }] },
    { code: 'ntp:::burst: false\n', errors: [{ messageId: 'emptySegment', line: 1, column: 1, endLine: 1, endColumn: 12 }] },
    { code: 'ntp::maxPoll: 10\n', errors: [{ messageId: 'badParamName', line: 1, column: 1, endLine: 1, endColumn: 13 }] },
  ],
});
