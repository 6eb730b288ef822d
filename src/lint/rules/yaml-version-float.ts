import { defineRule } from '../types.js';
import { rubyNumber } from '../ruby-number.js';

const VERSION_LIKE = /^[-+]?\d+\.\d+0$/;

export default defineRule({
  id: 'yaml/version-float',
  meta: {
    description: 'A version-like number such as 1.10 that Puppet reads as a Float and shortens',
    severity: 'warning',
    scope: 'file',
    messages: { float: "Puppet reads '{{source}}' as the Float {{value}}, losing the trailing zero; quote it if it is a version" },
    docs: {
      rationale:
        'An unquoted `1.10` is the Float 1.1 for Psych, so a package version, an API version or a TLS version ' +
        'silently becomes a different one. Versions must be strings.',
      invalid: 'nova::compute::libvirt::version: 1.10\n',
      valid: 'nova::compute::libvirt::version: "1.10"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      scalar(node, path, file) {
        if (node.style !== 'plain' || typeof node.value !== 'number' || !VERSION_LIKE.test(node.source)) return;
        if (node.source.split('.')[1]!.length < 2) return;
        ctx.report({ source: file, node, messageId: 'float', path, data: { source: node.source, value: rubyNumber(node.value) }, suggestion: `"${node.source}"` });
      },
    };
  },
});
