import { defineRule } from '../types.js';
import { deref } from '../yaml-nodes.js';

export default defineRule({
  id: 'hiera/module-namespace',
  meta: {
    description: "Module data keys (and lookup_options) outside the module's namespace",
    severity: 'error',
    scope: 'file',
    messages: {
      outside: "'{{key}}' is not in the namespace of module '{{module}}': module data only answers keys starting with '{{module}}::'",
      optionOutside: "lookup_options key '{{key}}' must start with '{{module}}::' (or '^{{module}}::' for a pattern): Puppet fails lookups in this module",
    },
    docs: {
      rationale:
        "The module layer answers only keys in the module's namespace: other keys in `modules/<name>/data` are " +
        'never found, and a `lookup_options` entry outside the namespace makes every lookup in the module fail.',
      file: 'modules/ntp/data/common.yaml',
      invalid: 'ntp::servers: [0.pool.ntp.org]\nchrony::servers: [0.pool.ntp.org]\n',
      valid: 'ntp::servers: [0.pool.ntp.org]\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      pair(pair, path, file) {
        const mod = file.module;
        if (!mod || path.length > 2) return;
        const k = deref(pair.key);
        if (k.kind !== 'scalar' || typeof k.value !== 'string') return;
        if (path.length === 1) {
          if (k.value !== 'lookup_options' && !k.value.startsWith(`${mod}::`)) {
            ctx.report({ source: file, node: pair.key, messageId: 'outside', path, data: { key: k.value, module: mod } });
          }
          return;
        }
        if (path[0] !== 'lookup_options') return;
        const ok = k.value.startsWith('^') ? k.value.startsWith(`^${mod}::`) : k.value.startsWith(`${mod}::`);
        if (!ok) ctx.report({ source: file, node: pair.key, messageId: 'optionOutside', path, data: { key: k.value, module: mod } });
      },
    };
  },
});
