import type { HValue } from '../../value/index.js';
import type { YPair } from '../../yaml/index.js';
import { flatten, rubyUniq } from '../../hiera/merge.js';
import { mergeStrategies } from '../repo/merge-options.js';
import type { HieraModel } from '../repo/model.js';
import { sameValue } from '../repo/same-value.js';
import { defineRule, type DataFile } from '../types.js';
import { keyString } from '../yaml-nodes.js';

interface Tally {
  reads: number;
  redundant: number;
  lower: string;
}

export default defineRule({
  id: 'hiera/redundant-override',
  meta: {
    description: 'A value overridden by an identical value at a lower level for every node',
    severity: 'warning',
    scope: 'repo',
    messages: {
      redundant: "'{{key}}' has the same value in {{lower}}, the next level down, for every node that reads this file: the override is redundant",
    },
    docs: {
      rationale:
        'Copies of a default in node or role files stop tracking the default: when common.yaml changes, the copies ' +
        'silently keep the old value. The rule resolves the hierarchy for every known node and reports a key only ' +
        'when, for each node that reads the file, the next level defining the key holds an identical value: same type ' +
        '(1 is not 1.0), same hash key order, same sign of zero. Under a lookup_options merge that could apply to the ' +
        'key (any file, exact key or pattern) it also wants the value to merge into itself as a lone value is ' +
        'returned: a hash with String keys for hash, a hash without repeated array elements for deep, a non-hash ' +
        'non-nil value for unique; never with a knockout prefix or sorting.',
      file: 'data/roles/compute.yaml',
      invalid: '# data/common.yaml has  nova::debug: false\nnova::debug: false\nnova::cpu_allocation_ratio: 4.0\n',
      valid: 'nova::cpu_allocation_ratio: 4.0\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
    let strategies: ((key: string) => ReadonlySet<string>) | undefined;
    // A merge of two identical values can differ from one value alone (see mergesIntoItself).
    const mergesAlike = (key: string, v: HValue): boolean => {
      for (const s of (strategies ??= mergeStrategies(repo))(key)) if (!mergesIntoItself(s, v)) return false;
      return true;
    };
    return {
      end() {
        const tallies = new Map<string, Map<string, Tally>>();
        for (const h of repo.hiera) tally(h, tallies);
        for (const [file, keys] of tallies) {
          const df = repo.getFile(file);
          if (!df) continue;
          for (const [key, t] of keys) {
            if (t.reads === 0 || t.redundant !== t.reads) continue;
            const pair = topPair(df, key);
            if (pair) ctx.report({ source: df, node: pair.key, messageId: 'redundant', path: [key], data: { key, lower: t.lower } });
          }
        }
      },
    };

    function tally(h: HieraModel, out: Map<string, Map<string, Tally>>): void {
      // Whether a file's key is redundant depends only on the files below it in a node's chain: each
      // (file, files below) pair is weighed once, however many nodes share it.
      const seen = new Set<string>();
      // Nodes with the same hierarchy values share one locations array: it is weighed once.
      const weighed = new Set<readonly unknown[]>();
      for (const node of repo.nodes) {
        const locations = repo.filesForNode(h, node);
        if (weighed.has(locations)) continue;
        weighed.add(locations);
        // default_hierarchy is never merged with the hierarchy: a value there does not stand in for one above.
        const located = [...new Set(locations.filter((r) => !r.level.section).map((r) => r.file))];
        // Cheap test first: a node whose locations hold no target needs none of its files read; files above
        // the first target never decide a target's redundancy, so they are not read either.
        const first = located.findIndex((f) => ctx.isTarget(f));
        if (first < 0) continue;
        const chain = located.slice(first).filter((f) => repo.getFile(f)?.load.value instanceof Map);
        let values: Map<HValue, HValue>[] | undefined;
        for (let i = 0; i < chain.length; i++) {
          const f = chain[i]!;
          if (!ctx.isTarget(f)) continue;
          const sig = chain.slice(i).join('\0');
          if (seen.has(sig)) continue;
          seen.add(sig);
          values ??= chain.map((c) => repo.getFile(c)!.load.value as Map<HValue, HValue>);
          const mine = values[i]!;
          let keys = out.get(f);
          if (!keys) out.set(f, (keys = new Map()));
          for (const [k, v] of mine) {
            if (typeof k !== 'string' || k === 'lookup_options') continue;
            let j = -1;
            for (let x = i + 1; x < values.length; x++) {
              if (values[x]!.has(k)) {
                j = x;
                break;
              }
            }
            let t = keys.get(k);
            if (!t) keys.set(k, (t = { reads: 0, redundant: 0, lower: '' }));
            t.reads++;
            if (j > 0 && sameValue(v, values[j]!.get(k)!) && mergesAlike(k, v)) {
              t.redundant++;
              t.lower ||= chain[j]!;
            }
          }
        }
      }
    }
  },
});

/**
 * Whether merging `v` with an identical value gives what one `v` alone gives, under a lookup_options strategy
 * (Puppet returns or converts a lone value without the merge's checks): hash fails unless both are hashes with
 * String keys, unique fails on a hash or nil, deep merges arrays at any
 * depth with Ruby's `|` (repeats dropped). Unknown strategies and options (knockout prefix, sorting) never do.
 */
function mergesIntoItself(strategy: string, v: HValue): boolean {
  switch (strategy) {
    case 'first':
    case 'default':
      return true;
    case 'unique':
      // Merged, the values are flattened and made unique; with the copy gone, the one left is only flattened.
      if (v === null || v instanceof Map) return false;
      return !Array.isArray(v) || rubyUniq(flatten(v)).length === flatten(v).length;
    case 'hash':
      return v instanceof Map && [...v.keys()].every((k) => typeof k === 'string');
    case 'deep':
      return v instanceof Map && !hasRepeats(v);
    default:
      return false;
  }
}

/** Whether an array at any depth holds two elements Ruby's `|` could take for one. */
function hasRepeats(v: HValue, depth = 0): boolean {
  if (depth > 64) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) if (eqlLoose(v[i]!, v[j]!)) return true;
    return v.some((x) => hasRepeats(x, depth + 1));
  }
  if (v instanceof Map) for (const x of v.values()) if (hasRepeats(x, depth + 1)) return true;
  return false;
}

/** Ruby `eql?` as far as order goes (hashes equal in any key order); errs towards equal on anything else. */
function eqlLoose(a: HValue, b: HValue): boolean {
  if (sameValue(a, b)) return true;
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, x]) => b.has(k) && eqlLoose(x, b.get(k)!));
  return typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !(a instanceof Map);
}

function topPair(file: DataFile, key: string): YPair | undefined {
  const root = file.load.root;
  if (root?.kind !== 'map') return undefined;
  let found: YPair | undefined;
  for (const p of root.pairs) if (keyString(p.key) === key) found = p;
  return found;
}
