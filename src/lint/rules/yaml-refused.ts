import { defineRule, type DataFile } from '../types.js';
import { firstLineSpan } from '../positions.js';
import { REFUSED } from '../../yaml/messages.js';

export default defineRule({
  id: 'yaml/refused',
  meta: {
    description: 'YAML that Puppet refuses to load (syntax errors, dates, Ruby objects, unknown aliases)',
    severity: 'error',
    scope: 'file',
    messages: {
      refused: 'Puppet refuses this file, so every lookup through it fails: {{message}}',
      notRead: '{{message}}',
    },
    docs: {
      rationale:
        'Puppet loads Hiera data with Psych `safe_load`. A file it refuses breaks every lookup that reaches its ' +
        'hierarchy level, for every node. Unquoted dates (`2024-01-15`), `%{...}` at the start of a plain scalar, ' +
        'tabs used for indentation and `!ruby/object` tags are common causes.',
      invalid: 'ntp::servers: %{lookup("ntp_pool")}\nbackup::since: 2024-01-15\n',
      valid: 'ntp::servers: "%{lookup(\'ntp_pool\')}"\nbackup::since: "2024-01-15"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const check = (file: DataFile): void => {
      const e = file.load.error;
      if (!e) return;
      const span = firstLineSpan(file.text);
      // The loader's text starts with what the message already says; hieradrift's own limits are no refusal.
      const own = !e.message.startsWith(REFUSED);
      ctx.report({
        source: file, messageId: own ? 'notRead' : 'refused', span, data: { message: own ? e.message : e.message.slice(REFUSED.length).replace(/^: /, '') },
        position: { line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn },
      });
    };
    return { file: check, hieraConfig: check };
  },
});
