import type { HValue } from '../../value/index.js';
import type { YNode, YScalar } from '../../yaml/index.js';
import { nodeScope } from '../../hiera/context.js';
import { LookupError } from '../../hiera/errors.js';
import { subLookup } from '../../hiera/interpolate.js';
import { splitKey } from '../../hiera/split-key.js';
import { spanInScalar } from '../positions.js';
import { isMap, isScalar, mapGet } from '../yaml-nodes.js';
import { tokenize, type InterpolationToken } from '../repo/interpolation.js';
import { defineRule, type KeyPath, type SourceRef } from '../types.js';

/**
 * Variables that are not facts: `puppet lookup` leaves server_facts empty and the calling_* variables unset, but a
 * compile on a server sets them, so no facts file can say they are missing (class variables, `a::b`, likewise).
 */
const NOT_FACTS = new Set(['server_facts', 'calling_module', 'calling_class', 'calling_class_path']);

export default defineRule({
  id: 'hiera/undefined-fact',
  meta: {
    description: 'Interpolation of a fact that no facts file defines',
    severity: 'warning',
    scope: 'repo',
    messages: {
      undefinedFact: "No known node defines '{{fact}}' ({{nodes}} facts files): Puppet interpolates it to ''",
    },
    docs: {
      rationale:
        'An undefined variable interpolates to an empty string, so a typo such as `%{facts.os.familly}` turns a ' +
        'hierarchy path into `os/.yaml` or a value into an empty string for every node. Puppet warns ' +
        "'Undefined variable' only when the variable itself is missing (`%{timezon}`); a missing key or array index " +
        '(`%{facts.timezon}`, `%{facts.networking.interfaces.5}`) gives the empty string silently. The rule reads ' +
        'each interpolation of data values and hiera.yaml paths and datadirs as Puppet does (quoted keys such as `facts."a.b"` ' +
        'included) against the facts of the known nodes (the `facts/` directory), and reports it when it is missing ' +
        'for every one of them. A value that is nil, false, 0 or empty is defined; a key under such a value fails ' +
        'the lookup instead, which this rule does not report. server_facts and class variables are not facts.',
      invalid: 'profile::ntp::zone: "%{facts.timezon}"\n',
      valid: 'profile::ntp::zone: "%{facts.timezone}"\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
    // The same few expressions recur in every file: each is judged once, over the nodes until one defines it.
    const verdicts = new Map<string, boolean>();
    const scopes: (Map<string, HValue> | undefined)[] = [];
    const scopeOf = (i: number): Map<string, HValue> => (scopes[i] ??= nodeScope(repo.nodes[i]!, repo.environment));
    const undefinedEverywhere = (expr: string): boolean => {
      let v = verdicts.get(expr);
      if (v === undefined) {
        v = isFactRead(expr) && repo.nodes.every((_, i) => missing(scopeOf(i), expr));
        verdicts.set(expr, v);
      }
      return v;
    };
    const check = (node: YScalar, path: KeyPath | undefined, file: SourceRef, skip?: (t: InterpolationToken) => boolean): void => {
      const s = node.value;
      if (repo.nodes.length === 0 || typeof s !== 'string' || !s.includes('%{')) return;
      for (const t of tokenize(s)) {
        if (skip?.(t)) continue;
        const expr = t.method ? (t.method.name === 'scope' ? t.method.arg : undefined) : t.expr;
        if (expr === undefined || !undefinedEverywhere(expr)) continue;
        ctx.report({
          source: file, span: spanInScalar(node, s, t.start, t.end), messageId: 'undefinedFact',
          data: { fact: shown(expr), nodes: repo.nodes.length }, ...(path ? { path } : {}),
        });
      }
    };
    return {
      scalar: check,
      hieraConfig(file) {
        // Method syntax in a path is hiera/config's finding (Puppet refuses it there, whatever it reads).
        const noMethod = (t: InterpolationToken): boolean => t.method !== undefined || t.badMethodCall !== undefined;
        for (const h of repo.hiera) {
          if (h.file.file !== file.file) continue;
          for (const level of h.levels) {
            for (const p of level.patterns) check(p.node, undefined, file, noMethod);
            // A mapped_paths template's key (`%{r}`) is set to each item in turn, not read from the scope.
            const m = level.mapped;
            if (m) check(m.template.node, undefined, file, (t) => noMethod(t) || t.expr === m.key);
          }
          // A datadir is interpolated per node too (`nodes/%{trusted.certname}`): a typo makes the level read nothing.
          for (const d of datadirNodes(h.file.load.root)) check(d, undefined, file, noMethod);
        }
      },
    };
  },
});

/** The `datadir` scalars of a version 5 hiera.yaml: under `defaults` and in each entry of either hierarchy. */
function datadirNodes(root: YNode | null): YScalar[] {
  if (root === null || !isMap(root)) return [];
  const out: (YNode | undefined)[] = [];
  const defaults = mapGet(root, 'defaults');
  if (isMap(defaults)) out.push(mapGet(defaults, 'datadir'));
  for (const section of ['hierarchy', 'default_hierarchy']) {
    const seq = mapGet(root, section);
    if (seq?.kind === 'seq') for (const entry of seq.items) if (isMap(entry)) out.push(mapGet(entry, 'datadir'));
  }
  return out.filter(isScalar);
}

/** Whether an expression reads a variable that a facts file could define (not an escape, builtin or class variable). */
function isFactRead(expr: string): boolean {
  const segs = splitKey(expr);
  if (!segs) return false;
  const name = String(segs[0]).replace(/^::/, '');
  return name !== '' && !name.includes('::') && !NOT_FACTS.has(name);
}

/**
 * Puppet's scope lookup of an interpolation (src/hiera/interpolate.ts): the variable, then each key or index.
 * Missing means '' because something is absent; a nil variable or a key dug out of a String is not missing.
 */
function missing(scope: Map<string, HValue>, expr: string): boolean {
  const segs = splitKey(expr)!;
  const value = scope.get(String(segs[0]).replace(/^::/, ''));
  if (value === undefined) return true;
  if (value === null || segs.length === 1) return false;
  try {
    return subLookup(expr, segs.slice(1), value) === undefined;
  } catch (err) {
    // The lookup fails (Got String when a hash-like object was expected): an error, not an undefined fact.
    if (err instanceof LookupError) return false;
    throw err;
  }
}

/** The expression as the message names it: `os.family` for `facts.os.family` or `::os.family`. */
function shown(expr: string): string {
  return expr.replace(/^::/, '').replace(/^facts\./, '');
}
