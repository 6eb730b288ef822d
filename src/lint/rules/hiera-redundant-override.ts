import type { HValue } from '../../value/index.js';
import type { YPair } from '../../yaml/index.js';
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
        'when, for each node that reads the file, the next level defining the key holds an identical value.',
      file: 'data/roles/compute.yaml',
      invalid: '# data/common.yaml has  nova::debug: false\nnova::debug: false\nnova::cpu_allocation_ratio: 4.0\n',
      valid: 'nova::cpu_allocation_ratio: 4.0\n',
    },
  },
  defaultOptions: {},
  create(ctx) {
    const { repo } = ctx;
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
          let keys = out.get(f);
          if (!keys) out.set(f, (keys = new Map()));
          for (const [k, v] of values[i]!) {
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
            if (j > 0 && sameValue(v, values[j]!.get(k)!)) {
              t.redundant++;
              t.lower ||= chain[j]!;
            }
          }
        }
      }
    }
  },
});

function topPair(file: DataFile, key: string): YPair | undefined {
  const root = file.load.root;
  if (root?.kind !== 'map') return undefined;
  let found: YPair | undefined;
  for (const p of root.pairs) if (keyString(p.key) === key) found = p;
  return found;
}
