import type { YNode } from '../../yaml/index.js';
import { LookupError, UnsupportedRegexpError } from '../../hiera/errors.js';
import { rubyRegExp } from '../../hiera/ruby-regexp.js';
import { TypeParseError, parseType } from '../../hiera/type-parser.js';
import { defineRule, type KeyPath } from '../types.js';
import { deref, isMap, keyString } from '../yaml-nodes.js';

/** Puppet's MergeStrategy.strategies: `default` and the two deep variants are accepted too. */
const STRATEGIES = new Set(['first', 'unique', 'hash', 'deep', 'default', 'reverse_deep', 'unconstrained_deep']);
const DEEP = new Set(['deep', 'reverse_deep', 'unconstrained_deep']);
const BOOLEAN_OPTIONS = new Set(['sort_merged_arrays', 'merge_hash_arrays', 'merge_debug']);

type Problem = 'notAHash' | 'optionNotHash' | 'unknownStrategy' | 'noStrategy' | 'unknownMergeOption' | 'badMergeOption' | 'badConvertTo' | 'unparsableConvertTo' | 'invalidRegex';
type Report = (id: Problem, n: YNode, p: KeyPath, d?: Record<string, string>) => void;

export default defineRule<Problem>({
  id: 'hiera/lookup-options',
  meta: {
    description: 'Malformed lookup_options that make Puppet fail lookups: unknown merge strategy or option, invalid key pattern',
    severity: 'error',
    scope: 'file',
    messages: {
      notAHash: 'value of lookup_options must be a hash',
      optionNotHash: "The options of '{{key}}' must be a hash such as {merge: deep}: Puppet fails every lookup",
      unknownStrategy: "Unknown merge strategy '{{strategy}}' (first, unique, hash, deep, default, reverse_deep or unconstrained_deep): every lookup of '{{key}}' fails",
      noStrategy: "A merge hash needs the strategy name as a string under 'strategy': every lookup of '{{key}}' fails",
      unknownMergeOption: "Unknown merge option '{{option}}' for strategy '{{strategy}}' (deep merges take knockout_prefix, sort_merged_arrays, merge_hash_arrays, merge_debug; the others none): every lookup of '{{key}}' fails",
      badMergeOption: "Merge option '{{option}}' expects {{expected}}: every lookup of '{{key}}' fails",
      badConvertTo: "convert_to must be a type name or an array [type name, arguments...]: every lookup of '{{key}}' fails",
      unparsableConvertTo: "convert_to '{{type}}' is not a Puppet type ({{reason}}): every lookup of '{{key}}' fails",
      invalidRegex: "'{{key}}' is not a valid regular expression ({{reason}}): Puppet fails every lookup",
    },
    docs: {
      rationale:
        'lookup_options are looked up like data and applied to every lookup: an unknown merge strategy or option, or an invalid ' +
        'key pattern (keys starting with `^` are Ruby regular expressions, which Ruby refuses) makes lookups fail for the whole environment. ' +
        'A convert_to that is not a type (a number, an empty list) or a string Puppet cannot parse as one (`integer`, `Integer[`) ' +
        'fails every lookup of its key that finds a value; `convert_to: ~` means no conversion, and whether a type name exists ' +
        '(module type aliases) is left to Puppet. Option names other than merge and convert_to are ignored by Puppet, so they are not reported. ' +
        'A pattern Ruby accepts but hieradrift cannot translate exactly is hiera/untranslatable-regexp\'s finding.',
      invalid: 'lookup_options:\n  profile::packages:\n    merge: deeper\n  "^profile::(.*::users$":\n    merge: hash\n',
      valid: 'lookup_options:\n  profile::packages:\n    merge: deep\n  "^profile::(.*)::users$":\n    merge: hash\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      pair(pair, path, file) {
        if (path.length !== 1 || path[0] !== 'lookup_options') return;
        const report: Report = (messageId, node, p, data = {}) => ctx.report({ source: file, node, messageId, path: p, data });
        const opts = deref(pair.value);
        if (!isMap(opts)) return report('notAHash', pair.value, path);
        for (const entry of opts.pairs) {
          const key = keyString(entry.key) ?? '';
          const p = [...path, key];
          if (key.startsWith('^')) {
            const problem = regexError(key);
            if (problem) report(problem.id, entry.key, p, { key, reason: problem.reason });
          }
          checkEntry(entry.value, key, p, report);
        }
      },
    };
  },
});

const isNull = (n: YNode): boolean => n.kind === 'scalar' && n.value === null;

/** Only `merge` and `convert_to` are read (Puppet ignores other names); `~` means no options. */
function checkEntry(value: YNode, key: string, path: KeyPath, report: Report): void {
  const m = deref(value);
  if (isNull(m)) return;
  if (!isMap(m)) return report('optionNotHash', value, path, { key });
  for (const o of m.pairs) {
    const name = keyString(o.key);
    if (name === 'merge') checkMerge(deref(o.value), key, [...path, name], report);
    if (name === 'convert_to') checkConvertTo(deref(o.value), key, [...path, name], report);
  }
}

/** MergeStrategy.strategy: a name, or a hash with a string `strategy` and the options its strategy takes. */
function checkMerge(merge: YNode, key: string, path: KeyPath, report: Report): void {
  if (isNull(merge)) return;
  if (!isMap(merge)) {
    const ok = merge.kind === 'scalar' && typeof merge.value === 'string' && STRATEGIES.has(merge.value);
    if (!ok) report('unknownStrategy', merge, path, { strategy: merge.kind === 'scalar' ? merge.source : merge.kind, key });
    return;
  }
  const sp = merge.pairs.filter((p) => keyString(p.key) === 'strategy').pop();
  const sv = sp && deref(sp.value);
  if (!sv || sv.kind !== 'scalar' || typeof sv.value !== 'string') return report('noStrategy', sp?.value ?? merge, path, { key });
  const strategy = sv.value;
  if (!STRATEGIES.has(strategy)) return report('unknownStrategy', sv, [...path, 'strategy'], { strategy: sv.source, key });
  for (const mo of merge.pairs) {
    const on = keyString(mo.key);
    if (on === 'strategy') continue;
    const label = on ?? (deref(mo.key).kind === 'scalar' ? (deref(mo.key) as { source: string }).source : deref(mo.key).kind);
    if (!DEEP.has(strategy) || on === undefined || (on !== 'knockout_prefix' && !BOOLEAN_OPTIONS.has(on))) {
      report('unknownMergeOption', mo.key, [...path, label], { option: label, strategy, key });
      continue;
    }
    const v = deref(mo.value);
    if (isNull(v)) continue;
    const val = v.kind === 'scalar' ? v.value : undefined;
    if (on === 'knockout_prefix' && (typeof val !== 'string' || val === '')) {
      report('badMergeOption', v, [...path, on], { option: on, expected: 'a non-empty string', key });
    } else if (on !== 'knockout_prefix' && typeof val !== 'boolean') {
      report('badMergeOption', v, [...path, on], { option: on, expected: 'true or false', key });
    }
  }
}

/**
 * convert_to is `Type` or `[Type, args...]` (LookupAdapter#convert_result): `~` is no conversion, a string must
 * parse as a type (src/hiera's TypeParser); whether the type exists is left to Puppet.
 */
function checkConvertTo(conv: YNode, key: string, path: KeyPath, report: Report): void {
  if (isNull(conv)) return;
  const type = conv.kind === 'seq' ? (conv.items[0] ? deref(conv.items[0]) : undefined) : conv;
  if (!type || type.kind !== 'scalar' || typeof type.value !== 'string') return report('badConvertTo', conv, path, { key });
  const reason = typeParseError(type.value);
  if (reason) report('unparsableConvertTo', type, path, { key, type: type.value, reason });
}

/** Puppet's refusal of a type string, or undefined when it parses (or is beyond src/hiera's parser). */
function typeParseError(source: string): string | undefined {
  try {
    parseType(source);
    return undefined;
  } catch (err) {
    if (err instanceof TypeParseError) return err.message;
    return undefined;
  }
}

/**
 * The pattern compiled as src/hiera compiles lookup_options keys (src/hiera/ruby-regexp.ts), when Ruby refuses it
 * (Puppet fails). One Ruby accepts but hieradrift cannot translate is not Puppet's failure.
 */
function regexError(source: string): { id: 'invalidRegex'; reason: string } | undefined {
  try {
    rubyRegExp(source);
    return undefined;
  } catch (err) {
    if (err instanceof UnsupportedRegexpError) return undefined;
    if (!(err instanceof LookupError)) throw err;
    return { id: 'invalidRegex', reason: err.message.replace(/: \/[\s\S]*\/$/, '') };
  }
}
