import { defineRule } from '../types.js';

const OCTAL = /^[-+]?0[0-7_]+$/;
const BINARY = /^[-+]?0b[01_]+$/;

export default defineRule({
  id: 'yaml/octal',
  meta: {
    description: 'A leading-zero number such as 0755 that Puppet reads as octal',
    severity: 'warning',
    scope: 'file',
    messages: {
      octal: "Puppet (YAML 1.1) reads '{{source}}' as the octal number {{value}}; quote it for a file mode string",
      binary: "Puppet (YAML 1.1) reads '{{source}}' as the binary number {{value}}; quote it to keep the text",
    },
    docs: {
      rationale:
        'YAML 1.1 reads `0755` as octal (493), while `0o755` stays a string and `0789` is a string too. A file mode ' +
        "given to Puppet's `file` resource as 493 is not the intended `'0755'`.",
      invalid: 'profile::app::config_mode: 0640\n',
      valid: "profile::app::config_mode: '0640'\n",
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      scalar(node, path, file) {
        if (node.style !== 'plain' || typeof node.value !== 'bigint') return;
        const messageId = OCTAL.test(node.source) ? 'octal' : BINARY.test(node.source) ? 'binary' : undefined;
        if (!messageId) return;
        ctx.report({ source: file, node, messageId, path, data: { source: node.source, value: node.value.toString() }, suggestion: `'${node.source}'` });
      },
    };
  },
});
