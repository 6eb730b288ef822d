import { defineRule } from '../types.js';
import { rubyNumber } from '../ruby-number.js';

export default defineRule({
  id: 'yaml/sexagesimal',
  meta: {
    description: 'A time-like value such as 12:30 that Puppet reads as a base-60 number',
    severity: 'warning',
    scope: 'file',
    messages: { sexagesimal: "Puppet (YAML 1.1) reads '{{source}}' as the base-60 number {{value}}; quote it to keep the text" },
    docs: {
      rationale:
        'YAML 1.1 has sexagesimal numbers: `12:30` is 45000 for Psych (and `1:30` is 5400, because of a Psych bug). ' +
        'Cron times, ports lists and MAC-like values silently become integers.',
      invalid: 'backup::start_time: 12:30\n',
      valid: 'backup::start_time: "12:30"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      scalar(node, path, file) {
        if (node.style !== 'plain' || !node.source.includes(':')) return;
        if (typeof node.value !== 'bigint' && typeof node.value !== 'number') return;
        ctx.report({ source: file, node, messageId: 'sexagesimal', path, data: { source: node.source, value: rubyNumber(node.value) }, suggestion: `"${node.source}"` });
      },
    };
  },
});
