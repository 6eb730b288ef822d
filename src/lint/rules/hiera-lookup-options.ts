import type { YNode } from '../../yaml/index.js';
import { defineRule, type DataFile, type KeyPath } from '../types.js';
import { deref, isMap, keyString } from '../yaml-nodes.js';

const STRATEGIES = new Set(['first', 'unique', 'hash', 'deep']);
const OPTION_KEYS = new Set(['merge', 'convert_to']);
const MERGE_OPTIONS = new Set(['strategy', 'knockout_prefix', 'sort_merged_arrays', 'merge_hash_arrays']);

type Problem = 'notAHash' | 'optionNotHash' | 'unknownOption' | 'unknownStrategy' | 'unknownMergeOption' | 'invalidRegex';

export default defineRule<Problem>({
  id: 'hiera/lookup-options',
  meta: {
    description: 'Malformed lookup_options: unknown merge strategy, invalid key pattern, unknown option',
    severity: 'error',
    scope: 'file',
    messages: {
      notAHash: 'value of lookup_options must be a hash',
      optionNotHash: "The options of '{{key}}' must be a hash such as {merge: deep}: Puppet fails every lookup",
      unknownOption: "Unknown lookup option '{{option}}' (known: merge, convert_to)",
      unknownStrategy: "Unknown merge strategy '{{strategy}}' (first, unique, hash or deep): every lookup of '{{key}}' fails",
      unknownMergeOption: "Unknown merge option '{{option}}' (strategy, knockout_prefix, sort_merged_arrays, merge_hash_arrays)",
      invalidRegex: "'{{key}}' is not a valid regular expression ({{reason}}): Puppet fails every lookup",
    },
    docs: {
      rationale:
        'lookup_options are looked up like data and applied to every lookup: an unknown merge strategy or an invalid ' +
        'key pattern (keys starting with `^` are Ruby regular expressions) makes lookups fail for the whole environment.',
      invalid: 'lookup_options:\n  profile::packages:\n    merge: deeper\n  "^profile::(.*::users$":\n    merge: hash\n',
      valid: 'lookup_options:\n  profile::packages:\n    merge: deep\n  "^profile::(.*)::users$":\n    merge: hash\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    return {
      pair(pair, path, file) {
        if (path.length !== 1 || path[0] !== 'lookup_options') return;
        const report = (messageId: Problem, node: YNode, p: KeyPath, data: Record<string, string> = {}): void =>
          ctx.report({ source: file, node, messageId, path: p, data });
        const opts = deref(pair.value);
        if (!isMap(opts)) return report('notAHash', pair.value, path);
        for (const entry of opts.pairs) {
          const key = keyString(entry.key) ?? '';
          const p = [...path, key];
          if (key.startsWith('^')) {
            const reason = regexError(key);
            if (reason) report('invalidRegex', entry.key, p, { key, reason });
          }
          checkEntry(entry.value, key, p, file, report);
        }
      },
    };
  },
});

function checkEntry(value: YNode, key: string, path: KeyPath, file: DataFile, report: (id: Problem, n: YNode, p: KeyPath, d?: Record<string, string>) => void): void {
  void file;
  const m = deref(value);
  if (!isMap(m)) return report('optionNotHash', value, path, { key });
  for (const o of m.pairs) {
    const name = keyString(o.key) ?? '';
    if (!OPTION_KEYS.has(name)) report('unknownOption', o.key, [...path, name], { option: name });
    if (name !== 'merge') continue;
    const merge = deref(o.value);
    if (merge.kind === 'scalar') {
      if (typeof merge.value !== 'string' || !STRATEGIES.has(merge.value)) report('unknownStrategy', merge, [...path, name], { strategy: merge.source, key });
    } else if (isMap(merge)) {
      for (const mo of merge.pairs) {
        const on = keyString(mo.key) ?? '';
        if (!MERGE_OPTIONS.has(on)) report('unknownMergeOption', mo.key, [...path, name, on], { option: on });
        const sv = deref(mo.value);
        if (on === 'strategy' && (sv.kind !== 'scalar' || typeof sv.value !== 'string' || !STRATEGIES.has(sv.value))) {
          report('unknownStrategy', sv, [...path, name, on], { strategy: sv.kind === 'scalar' ? sv.source : sv.kind, key });
        }
      }
    } else report('unknownStrategy', merge, [...path, name], { strategy: merge.kind, key });
  }
}

/** Compiles a Ruby pattern as JS after mapping the Onigmo-only escapes Puppet users write. */
function regexError(source: string): string | undefined {
  const js = source.replace(/^\(\?[imx]+\)/, '').replace(/\\[AzZ]/g, '').replace(/\\h/g, '[0-9a-fA-F]');
  try {
    new RegExp(js);
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
  }
}
