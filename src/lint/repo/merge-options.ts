import { rubyRegExp } from '../../hiera/ruby-regexp.js';
import type { HValue } from '../../value/index.js';
import type { RepoModel } from './model.js';

/**
 * The `lookup_options` entries of the repo that could apply to a key: an exact entry or a pattern that matches
 * it, in any data file (which files a node merges, and which entry wins, are not worked out: the answer is every
 * entry that might apply). A module's entries apply only to its own keys, as Puppet merges a module's
 * lookup_options only into lookups of that module. Only files whose text mentions lookup_options are parsed.
 */
export function lookupOptionEntries(repo: RepoModel): (key: string) => readonly OptionEntry[] {
  let entries = entriesByRepo.get(repo);
  if (!entries) entriesByRepo.set(repo, (entries = collectEntries(repo)));
  return entries;
}

/** One collection per repo model, shared by the rules that ask (redundant-override, convert-to-fails). */
const entriesByRepo = new WeakMap<RepoModel, (key: string) => readonly OptionEntry[]>();

/** One `lookup_options` entry: its options and the data file that holds it. */
export interface OptionEntry {
  value: HValue;
  file: string;
}

function collectEntries(repo: RepoModel): (key: string) => readonly OptionEntry[] {
  const exact = new Map<string, OptionEntry[]>();
  const patterns: { test: (key: string) => boolean; entry: OptionEntry }[] = [];
  for (const rel of repo.dataFilePaths) {
    if (!repo.getText(rel)?.includes('lookup_options')) continue;
    const file = repo.getFile(rel);
    const opts = file?.load.value;
    const all = opts instanceof Map ? opts.get('lookup_options') : undefined;
    if (!(all instanceof Map)) continue;
    const inScope = (key: string): boolean => file?.module === undefined || key.startsWith(`${file.module}::`);
    for (const [k, v] of all) {
      if (typeof k !== 'string') continue;
      if (k.startsWith('^')) {
        let re: RegExp | undefined;
        try {
          re = rubyRegExp(k);
        } catch {
          // A pattern JS cannot read might match anything.
        }
        patterns.push({ test: (key) => inScope(key) && (re?.test(key) ?? true), entry: { value: v, file: rel } });
      } else if (inScope(k)) {
        let list = exact.get(k);
        if (!list) exact.set(k, (list = []));
        list.push({ value: v, file: rel });
      }
    }
  }
  const memo = new Map<string, readonly OptionEntry[]>();
  return (key) => {
    let found = memo.get(key);
    if (!found) {
      const list = [...(exact.get(key) ?? [])];
      for (const p of patterns) if (p.test(key)) list.push(p.entry);
      memo.set(key, (found = list));
    }
    return found;
  };
}

/** The merge strategies any `lookup_options` entry of the repo could give a key (see lookupOptionEntries). */
export function mergeStrategies(repo: RepoModel): (key: string) => ReadonlySet<string> {
  const entries = lookupOptionEntries(repo);
  const memo = new Map<string, ReadonlySet<string>>();
  return (key) => {
    let s = memo.get(key);
    if (!s) memo.set(key, (s = new Set(entries(key).map((e) => strategyOf(e.value)))));
    return s;
  };
}

/**
 * The strategy name of an options entry (`first` when it names none); 'unknown' when it is not readable or
 * has an option that rewrites merged values (a knockout prefix, sorting): merged, such values change.
 */
export function strategyOf(v: HValue): string {
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
