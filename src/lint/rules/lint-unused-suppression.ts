import { defineRule } from '../types.js';

/** Reported by the engine itself once a file's findings are known; the rule holds its metadata. */
export default defineRule<'unused' | 'unknownRule'>({
  id: 'lint/unused-suppression',
  meta: {
    description: 'A hieradrift-disable comment that suppresses nothing, or names an unknown rule',
    severity: 'warning',
    scope: 'file',
    messages: {
      unused: "Unused 'hieradrift-{{kind}}' directive: no {{rules}} finding is reported here",
      unknownRule: "'hieradrift-' directive names unknown rule(s): {{rules}}",
    },
    docs: {
      rationale:
        'Suppressions outlive the problems they were written for. A stale one hides the next real finding on that line, ' +
        'and a misspelled rule id suppresses nothing at all. Directives: `# hieradrift-disable-line RULE`, ' +
        '`# hieradrift-disable-next-line RULE`, `# hieradrift-disable-file RULE`, and `# hieradrift-disable RULE` ... ' +
        '`# hieradrift-enable RULE`, each optionally followed by `-- reason`.',
      invalid: 'ntp::servers: [0.pool.ntp.org] # hieradrift-disable-line yaml/truthy\n',
      valid: 'profile::app::mode: 0640 # hieradrift-disable-line yaml/octal -- the module takes the number\n',
    },
  },
  defaultOptions: {},
  create() {
    return {};
  },
});
