import { spanInScalar } from '../positions.js';
import { tokenize } from '../repo/interpolation.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'hiera/alias-not-whole-string',
  meta: {
    description: "An %{alias('...')} that is not the entire string, which fails the lookup",
    severity: 'error',
    scope: 'file',
    messages: {
      notWhole: "'alias' interpolation is only permitted if the expression is equal to the entire string: use lookup('{{key}}') to embed the value as text",
    },
    docs: {
      rationale:
        '`alias` keeps the type of the aliased value (a Hash, an Array, an Integer), so Puppet allows it only as the ' +
        'whole string, without even surrounding spaces. Anything else fails every lookup of the key.',
      invalid: "profile::web::vhost: \"www.%{alias('profile::domain')}\"\nprofile::web::ports: \" %{alias('profile::ports')}\"\n",
      valid: "profile::web::vhost: \"www.%{lookup('profile::domain')}\"\nprofile::web::ports: \"%{alias('profile::ports')}\"\n",
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      scalar(node, path, file) {
        const s = node.value;
        if (typeof s !== 'string' || !s.includes('alias')) return;
        for (const t of tokenize(s)) {
          if (t.method?.name !== 'alias' || (t.start === 0 && t.end === s.length)) continue;
          ctx.report({ source: file, span: spanInScalar(node, s, t.start, t.end), messageId: 'notWhole', path, data: { key: t.method.arg } });
        }
      },
    };
  },
});
