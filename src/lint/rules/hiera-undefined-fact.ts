import type { YScalar } from '../../yaml/index.js';
import { spanInScalar } from '../positions.js';
import { splitScopeKey, tokenize } from '../repo/interpolation.js';
import { defineRule, type KeyPath, type SourceRef } from '../types.js';

/** Variables `puppet lookup` defines besides facts (hiera.md §3.3). */
const BUILTIN = new Set(['environment', 'name', 'title', 'module_name', 'server_facts', 'facts', 'trusted', 'calling_module', 'calling_class', 'calling_class_path']);

export default defineRule({
  id: 'hiera/undefined-fact',
  meta: {
    description: 'Interpolation of a fact that no facts file defines',
    severity: 'warning',
    scope: 'repo',
    messages: {
      undefinedFact: "No known node defines the fact '{{fact}}' ({{nodes}} facts files): it interpolates to '' and Puppet warns 'Undefined variable'",
    },
    docs: {
      rationale:
        'An undefined variable interpolates to an empty string with only a warning, so a typo such as ' +
        '`%{facts.os.familly}` turns a hierarchy path into `os/.yaml` or a value into an empty string for every node. ' +
        'The rule checks data values and hiera.yaml paths against the facts of the known nodes (the `facts/` directory).',
      invalid: 'profile::ntp::zone: "%{facts.timezon}"\n',
      valid: 'profile::ntp::zone: "%{facts.timezone}"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
    // The same few expressions recur in every file.
    const facts = new Map<string, string | undefined>();
    const factOf = (expr: string): string | undefined => {
      if (!facts.has(expr)) facts.set(expr, factPath(expr));
      return facts.get(expr);
    };
    const check = (node: YScalar, path: KeyPath | undefined, file: SourceRef): void => {
      const s = node.value;
      if (repo.nodes.length === 0 || typeof s !== 'string' || !s.includes('%{')) return;
      for (const t of tokenize(s)) {
        const expr = t.method ? (t.method.name === 'scope' ? t.method.arg : undefined) : t.expr;
        const fact = expr === undefined ? undefined : factOf(expr);
        if (fact === undefined || repo.factPaths.has(fact)) continue;
        ctx.report({
          source: file, span: spanInScalar(node, s, t.start, t.end), messageId: 'undefinedFact',
          data: { fact, nodes: repo.nodes.length }, ...(path ? { path } : {}),
        });
      }
    };
    return {
      scalar: check,
      hieraConfig(file) {
        for (const h of repo.hiera) {
          if (h.file.file !== file.file) continue;
          for (const level of h.levels) {
            for (const p of level.patterns) check(p.node, undefined, file);
            if (level.mapped) check(level.mapped.template.node, undefined, file);
          }
        }
      },
    };
  },
});

/** The fact path an expression reads (`os.family`, `trusted.certname`), or undefined for non-facts. */
function factPath(expr: string): string | undefined {
  const bare = expr.replace(/^::/, '');
  if (bare === '' || bare.includes('::')) return undefined;
  const segs = splitScopeKey(bare);
  if (!segs) return undefined;
  if (segs[0] === 'facts') return segs.length > 1 ? segs.slice(1).join('.') : undefined;
  if (segs[0] === 'trusted') return segs.length > 1 ? segs.join('.') : undefined;
  return BUILTIN.has(segs[0]!) ? undefined : segs.join('.');
}
