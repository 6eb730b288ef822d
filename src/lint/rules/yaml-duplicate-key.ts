import type { YPair, YScalar } from '../../yaml/index.js';
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
        // Keys are compared as Psych does: by value and type (1 and '1' differ). Duplicates are rare: a
        // first pass only looks for one, without allocating.
        const { pairs } = node;
        const strings = new Set<string>();
        const others = new Set<string>();
        let duplicated = false;
        for (let i = 0; i < pairs.length && !duplicated; i++) {
          const k = deref(pairs[i]!.key);
          if (k.kind !== 'scalar' || k.source === '<<') continue;
          if (typeof k.value === 'string') {
            duplicated = strings.has(k.value);
            strings.add(k.value);
          } else {
            const id = `${typeof k.value}:${String(k.value)}`;
            duplicated = others.has(id);
            others.add(id);
          }
        }
        if (!duplicated) return;
        const last = new Map<string, number>();
        const identity = (p: YPair): string | undefined => {
          const k = deref(p.key);
          if (k.kind !== 'scalar' || k.source === '<<') return undefined;
          return `${typeof k.value}:${String(k.value)}`;
        };
        pairs.forEach((p, i) => {
          const id = identity(p);
          if (id !== undefined) last.set(id, i);
        });
        pairs.forEach((p, i) => {
          const id = identity(p);
          if (id === undefined || last.get(id) === i) return;
          const k = deref(p.key) as YScalar;
          ctx.report({ source: file, node: p.key, messageId: 'duplicate', data: { key: String(k.value) }, path: [...path, String(k.value)] });
        });
      },
    };
  },
});
