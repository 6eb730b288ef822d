import { rubyRegExp } from '../../hiera/ruby-regexp.js';
import type { HValue } from '../../value/index.js';
import type { RepoModel } from './model.js';

/**
 * The merge strategies any `lookup_options` of the repo could give a key: an exact entry or a pattern that
 * matches it, in any data file (which files a node merges, and which entry wins, are not worked out: the
 * answer is every strategy that might apply). Only files whose text mentions lookup_options are parsed.
 */
export function mergeStrategies(repo: RepoModel): (key: string) => ReadonlySet<string> {
  const exact = new Map<string, Set<string>>();
  const patterns: { test: (key: string) => boolean; strategy: string }[] = [];
  for (const rel of repo.dataFilePaths) {
    if (!repo.getText(rel)?.includes('lookup_options')) continue;
    const opts = repo.getFile(rel)?.load.value;
    const all = opts instanceof Map ? opts.get('lookup_options') : undefined;
    if (!(all instanceof Map)) continue;
    for (const [k, v] of all) {
      if (typeof k !== 'string') continue;
      const strategy = strategyOf(v);
      if (k.startsWith('^')) {
        let re: RegExp | undefined;
        try {
          re = rubyRegExp(k);
        } catch {
          // A pattern JS cannot read might match anything.
        }
        patterns.push({ test: (key) => re?.test(key) ?? true, strategy });
      } else {
        let s = exact.get(k);
        if (!s) exact.set(k, (s = new Set()));
        s.add(strategy);
      }
    }
  }
  const memo = new Map<string, ReadonlySet<string>>();
  return (key) => {
    let s = memo.get(key);
    if (!s) {
      const found = new Set(exact.get(key));
      for (const p of patterns) if (p.test(key)) found.add(p.strategy);
      memo.set(key, (s = found));
    }
    return s;
  };
}

/**
 * The strategy name of an options entry (`first` when it names none); 'unknown' when it is not readable or
 * has an option that rewrites merged values (a knockout prefix, sorting): merged, such values change.
 */
function strategyOf(v: HValue): string {
  if (!(v instanceof Map)) return 'unknown';
  const m = v.get('merge');
  if (m === undefined || m === null) return 'first';
  if (typeof m === 'string') return m;
  if (m instanceof Map) {
    const s = m.get('strategy');
    if ([...m.keys()].some((k) => k !== 'strategy' && k !== 'merge_hash_arrays')) return 'unknown';
    // merge_hash_arrays merges hashes at one index of two arrays: identical hashes merge into themselves.
    return typeof s === 'string' ? s : 'unknown';
  }
  return 'unknown';
}
