import { defineRule } from '../types.js';
import { rubyNumber } from '../ruby-number.js';

export default defineRule({
  id: 'yaml/comma-number',
  meta: {
    description: 'A number with commas such as 1,000 that Puppet reads as a number without them',
    severity: 'warning',
    scope: 'file',
    messages: { comma: "Puppet reads '{{source}}' as the number {{value}} (Psych ignores commas in numbers); quote it if it is a list" },
    docs: {
      rationale:
        'Psych drops commas inside plain numbers: `1,000` is 1000, `1,2,3` is 123 and `0,1` is 1. A comma-separated ' +
        'list of ids written without quotes becomes one wrong integer.',
      invalid: 'profile::db::replica_ids: 1,2,3\n',
      valid: 'profile::db::replica_ids: "1,2,3"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      scalar(node, path, file) {
        if (node.style !== 'plain' || !node.source.includes(',')) return;
        if (typeof node.value !== 'bigint' && typeof node.value !== 'number') return;
        ctx.report({ source: file, node, messageId: 'comma', path, data: { source: node.source, value: rubyNumber(node.value) }, suggestion: `"${node.source}"` });
      },
    };
  },
});
