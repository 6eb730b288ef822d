import type { HHash, HValue } from '../value/index.js';
import { rubyCompare, rubyEql, rubyUnion } from './ruby-compare.js';
import { rubyRegExp } from './ruby-regexp.js';

export interface DeepOptions {
  knockoutPrefix?: string;
  sortMergedArrays?: boolean;
  mergeHashArrays?: boolean;
}

/**
 * deep_merge 1.1's `deep_merge!(source, dest)` exactly as Puppet calls it (overwrite_unmergeables on):
 * source is the higher-priority value; dest (a clone of the lower) is modified and returned.
 * Ruby's aliasing (shallow `dup`, in-place deletes) is kept on purpose: the dedup asymmetries depend on it.
 */
export function deepMerge(source: HValue, dest: HValue, o: DeepOptions): HValue {
  if (source === null) return dest;
  if (dest === null || dest === false) return source;
  if (source instanceof Map) {
    for (const [k, sv] of source) {
      if (dest instanceof Map) {
        const dv = dest.get(k);
        if (dv !== undefined && dv !== null && dv !== false) dest.set(k, deepMerge(sv, dv, o));
        else dest.set(k, deepMerge(sv, dup(sv), o));
      } else {
        dest = overwriteUnmergeables(source, dest, o);
      }
    }
    return dest;
  }
  if (Array.isArray(source)) {
    const ko = o.knockoutPrefix;
    if (ko !== undefined && source.includes(ko)) {
      dest = clearOrNil(dest);
      removeAll(source, (x) => x === ko);
    }
    if (Array.isArray(dest)) {
      if (ko !== undefined) {
        const re = rubyRegExp(`^${ko}`, 'g');
        removeAll(source, (item) => {
          if (typeof item !== 'string') return false;
          const plain = item.replace(re, '');
          if (plain === item) return false;
          removeAll(dest as HValue[], (d) => rubyEql(d, plain) || rubyEql(d, item));
          return true;
        });
      }
      const arr = dest as HValue[];
      let merged: HValue[];
      if (o.mergeHashArrays && source.every((x) => x instanceof Map) && arr.every((x) => x instanceof Map)) {
        merged = arr.map((d, i) => deepMerge(source[i] ?? new Map(), d, o));
        if (source.length > arr.length) merged.push(...source.slice(arr.length));
      } else {
        merged = rubyUnion(arr, source);
      }
      // Ruby's sort calls `<=>` on the earlier element first; V8 passes the later one first.
      if (o.sortMergedArrays) merged.sort((a, b) => -rubyCompare(b, a));
      return merged;
    }
    return overwriteUnmergeables(source, dest, o);
  }
  return overwriteUnmergeables(source, dest, o);
}

function overwriteUnmergeables(source: HValue, dest: HValue, o: DeepOptions): HValue {
  const ko = o.knockoutPrefix;
  if (ko === undefined) return source;
  if (typeof source === 'string') {
    return source.replace(rubyRegExp(`^${ko}`, 'g'), '') === source ? source : '';
  }
  if (Array.isArray(source)) {
    const re = rubyRegExp(`^${ko}`);
    removeAll(source, (x) => typeof x === 'string' && re.test(x));
    return source;
  }
  void dest;
  return source;
}

function clearOrNil(v: HValue): HValue {
  if (Array.isArray(v)) {
    v.length = 0;
    return v;
  }
  if (v instanceof Map) {
    v.clear();
    return v;
  }
  if (typeof v === 'string') return '';
  return null;
}

function dup(v: HValue): HValue {
  if (Array.isArray(v)) return v.slice();
  if (v instanceof Map) return new Map(v) as HHash;
  return v;
}

function removeAll(a: HValue[], pred: (x: HValue) => boolean): void {
  let w = 0;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    if (!pred(x)) a[w++] = x;
  }
  a.length = w;
}
