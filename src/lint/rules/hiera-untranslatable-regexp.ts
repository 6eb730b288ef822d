import { UnsupportedRegexpError } from '../../hiera/errors.js';
import { rubyRegExp } from '../../hiera/ruby-regexp.js';
import { defineRule } from '../types.js';
import { deref, isMap, keyString } from '../yaml-nodes.js';

export default defineRule({
  id: 'hiera/untranslatable-regexp',
  meta: {
    description: 'A lookup_options key pattern Ruby accepts but hieradrift cannot translate exactly',
    severity: 'warning',
    scope: 'file',
    messages: {
      untranslatable:
        "'{{key}}' uses a Ruby regexp construct hieradrift cannot translate ({{construct}}): Puppet accepts it, but hieradrift's lookups, resolve and drift fail for keys it could apply to",
    },
    docs: {
      rationale:
        'hieradrift matches lookup_options patterns with a translation of Ruby (Onigmo) regexps to JavaScript that agrees ' +
        'with Ruby (see docs/lookup.md). A few constructs have no exact JavaScript form: `\\G`, `\\K`, `\\X`, `\\R`, the absence ' +
        'operator `(?~...)`, conditionals, subexpression calls, backreferences into repeated groups. Rather than guess, ' +
        "hieradrift's own lookups fail on them; Puppet is fine. Rewrite the pattern without the construct, or turn the rule off " +
        'if hieradrift is only used to lint.',
      invalid: 'lookup_options:\n  "^profile::(?~test)::packages$":\n    merge: unique\n',
      valid: 'lookup_options:\n  "^profile::(?!test::)[^:]+::packages$":\n    merge: unique\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      pair(pair, path, file) {
        if (path.length !== 1 || path[0] !== 'lookup_options') return;
        const opts = deref(pair.value);
        if (!isMap(opts)) return;
        for (const entry of opts.pairs) {
          const key = keyString(entry.key);
          if (!key?.startsWith('^')) continue;
          try {
            rubyRegExp(key);
          } catch (err) {
            // A pattern Ruby refuses is hiera/lookup-options' finding.
            if (err instanceof UnsupportedRegexpError) ctx.report({ source: file, node: entry.key, messageId: 'untranslatable', path: [...path, key], data: { key, construct: err.construct } });
          }
        }
      },
    };
  },
});
