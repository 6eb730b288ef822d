import type { Span } from '../../source/index.js';
import type { YNode, YScalar } from '../../yaml/index.js';
import { spanInScalar } from '../positions.js';
import { splitKey } from '../../hiera/split-key.js';
import { METHODS, tokenize, unclosedStarts } from '../repo/interpolation.js';
import { defineRule, type DataFile, type KeyPath } from '../types.js';
import { deref } from '../yaml-nodes.js';

export default defineRule({
  id: 'hiera/interpolation',
  meta: {
    description: 'Malformed %{...} interpolation or an unknown interpolation method',
    severity: 'error',
    scope: 'file',
    messages: {
      unclosed: "'%{' is never closed: Puppet leaves it as literal text",
      nested: "Interpolations do not nest: Puppet reads '{{expr}}' up to the first '}' and leaves the rest as text",
      unknownMethod: "Unknown interpolation method '{{name}}': the lookup fails (methods are lookup, hiera, alias, literal, scope)",
      unquotedArgument: "The argument of '{{name}}' must be a non-empty quoted string: Puppet reads '{{expr}}' as a variable name and interpolates ''",
      syntax: "Puppet cannot split '{{expr}}' into keys: the lookup fails with a syntax error",
    },
    docs: {
      rationale:
        "Hiera's interpolation is a regular expression, not a parser: `%{lookup(x)}` without quotes is a variable " +
        'named `lookup(x)` (an empty string and a warning), nested `%{...}` stops at the first `}`, and an ' +
        'unknown method fails the whole lookup.',
      invalid: "nova::host: \"%{lookup(profile::nova::host)}\"\nnova::region: \"%{lookup('region')\"\n",
      valid: "nova::host: \"%{lookup('profile::nova::host')}\"\nnova::region: \"%{lookup('region')}\"\n",
    },
  },
  defaultOptions: {},
  create(ctx) {
    const check = (node: YScalar, path: KeyPath, file: DataFile): void => {
      const s = node.value;
      if (typeof s !== 'string' || !s.includes('%{')) return;
      for (const at of unclosedStarts(s)) {
        ctx.report({ source: file, span: spanInScalar(node, s, at, s.length), messageId: 'unclosed', path });
      }
      for (const t of tokenize(s)) {
        // Positions are searched in the source text: only for the few tokens that are reported.
        const span = (): Span => spanInScalar(node, s, t.start, t.end);
        // Puppet reads anything but a well-quoted method call as a variable key: an unsplittable one fails the lookup.
        if (t.method && !METHODS.has(t.method.name)) ctx.report({ source: file, span: span(), messageId: 'unknownMethod', path, data: { name: t.method.name } });
        else if (!t.method && !splitKey(t.expr)) {
          ctx.report({ source: file, span: span(), messageId: 'syntax', path, data: { expr: t.expr } });
        } else if (t.expr.includes('%{')) ctx.report({ source: file, span: span(), messageId: 'nested', path, data: { expr: t.expr } });
        else if (t.badMethodCall !== undefined) {
          ctx.report({ source: file, span: span(), messageId: 'unquotedArgument', path, data: { name: t.badMethodCall, expr: t.expr } });
        }
      }
    };
    return {
      scalar: check,
      pair(pair, path, file) {
        // Top-level keys are never interpolated; nested keys are.
        const k: YNode = deref(pair.key);
        if (path.length > 1 && k.kind === 'scalar') check(k, path, file);
      },
    };
  },
});
