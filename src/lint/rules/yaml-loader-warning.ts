import { defineRule, type DataFile } from '../types.js';

/** Loader observations that have a rule of their own. */
const OWN_RULES = new Set(['yaml/duplicate-key', 'yaml/bom-truncation']);

export default defineRule({
  id: 'yaml/loader-warning',
  meta: {
    description: 'YAML that Puppet loads, but differently from what it looks like (extra documents, not a hash, symbols)',
    severity: 'warning',
    scope: 'file',
    messages: { observed: '{{message}}' },
    docs: {
      rationale:
        'Psych reads only the first YAML document of a file, and Hiera needs the top level to be a hash. ' +
        'The loader records such surprises with positions; this rule reports them.',
      invalid: 'apache::port: 80\n---\napache::port: 8080\n',
      valid: 'apache::port: 8080\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const check = (file: DataFile): void => {
      for (const d of file.load.diagnostics) {
        if (OWN_RULES.has(d.ruleId)) continue;
        ctx.report({
          source: file, messageId: 'observed', data: { message: d.message },
          position: { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn },
          ...(d.path ? { path: d.path } : {}),
        });
      }
    };
    return { file: check, hieraConfig: check };
  },
});
