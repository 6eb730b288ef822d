import { defineRule } from '../types.js';
import { deref } from '../yaml-nodes.js';

export default defineRule({
  id: 'yaml/duplicate-key',
  meta: {
    description: 'A key written twice in one mapping: Puppet silently keeps the last value',
    severity: 'error',
    scope: 'file',
    messages: { duplicate: "Key '{{key}}' appears again later in this mapping; Puppet silently keeps only the last value" },
    docs: {
      rationale:
        'Psych accepts duplicate keys and the last one wins without a warning, so the first value looks ' +
        'configured but is never used. Most other YAML tools reject duplicates, which hides the problem in review.',
      invalid: 'nova::debug: false\nnova::debug: true\n',
      valid: 'nova::debug: true\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      map(node, path, file) {
        const last = new Map<string, number>();
        node.pairs.forEach((p, i) => {
          const k = deref(p.key);
          if (k.kind !== 'scalar' || k.source === '<<') return;
          last.set(`${typeof k.value}:${String(k.value)}`, i);
        });
        node.pairs.forEach((p, i) => {
          const k = deref(p.key);
          if (k.kind !== 'scalar' || k.source === '<<') return;
          if (last.get(`${typeof k.value}:${String(k.value)}`) !== i) {
            ctx.report({ source: file, node: p.key, messageId: 'duplicate', data: { key: String(k.value) }, path: [...path, String(k.value)] });
          }
        });
      },
    };
  },
});
