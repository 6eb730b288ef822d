/**
 * Puppet's `split_key` (lookup/sub_lookup.rb): dotted keys with quoted segments and Integer
 * segments, used for lookup keys and for interpolation expressions.
 */
export type KeySegment = string | bigint;

const cache = new Map<string, KeySegment[] | undefined>();

/** The segments, or undefined when Puppet reports `Syntax error in ...`. Memoised (callers must not mutate). */
export function splitKey(key: string): KeySegment[] | undefined {
  let segs = cache.get(key);
  if (segs !== undefined || cache.has(key)) return segs;
  segs = split(key);
  if (cache.size < 100_000) cache.set(key, segs);
  return segs;
}

function split(key: string): KeySegment[] | undefined {
  if (!/['".]/.test(key)) return [key];
  const segs: KeySegment[] = [];
  let i = 0;
  const n = key.length;
  while (i <= n) {
    // One segment: optional whitespace, then a quoted string or bare text up to the next '.'.
    let j = i;
    while (j < n && /\s/.test(key[j]!)) j++;
    const q = key[j];
    if (q === '"' || q === "'") {
      const close = key.indexOf(q, j + 1);
      if (close < 0) return undefined;
      const inner = key.slice(j + 1, close);
      let k = close + 1;
      while (k < n && /\s/.test(key[k]!)) k++;
      if (k < n && key[k] !== '.') return undefined;
      segs.push(inner);
      i = k + 1;
      if (k >= n) break;
      continue;
    }
    let k = j;
    while (k < n && key[k] !== '.') {
      if (key[k] === '"' || key[k] === "'") return undefined;
      k++;
    }
    const text = key.slice(j, k).trim();
    if (text === '') return undefined;
    segs.push(/^:?[+-]?[0-9]+$/.test(text) ? integerSegment(text) : text);
    i = k + 1;
    if (k >= n) break;
  }
  return segs;
}

/** `(:?[+-]?[0-9]+)` is an upstream typo: `:1` matches too and Ruby's to_i makes it 0. */
function integerSegment(text: string): bigint {
  return text.startsWith(':') ? 0n : BigInt(text);
}

/** The root key (first segment) as a string, for lookup_options and module names. */
export function rootKey(segs: KeySegment[]): string {
  return String(segs[0]);
}
