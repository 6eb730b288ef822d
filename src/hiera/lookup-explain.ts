import type { HValue } from '../value/index.js';
import type { Layer } from './context.js';
import { dumpValue } from './explain.js';
import { subLookup } from './interpolate.js';
import type { Invocation } from './lookup.js';
import { NOT_FOUND, type Found, type MergeStrategy } from './merge.js';

/** The explain lines Puppet's Explainer prints for providers, merges and sub-keys. */
export function digExplained(inv: Invocation, key: string, segs: (string | bigint)[], v: HValue): HValue | undefined {
  let cur: HValue | undefined = v;
  for (let i = 0; i < segs.length && cur !== undefined; i++) {
    cur = subLookup(key, [segs[i]!], cur);
    if (cur === undefined) inv.ex!.line(`No such key: "${String(segs[i])}"`);
    else inv.ex!.found(String(segs[i]), cur);
  }
  return cur;
}

export function providerTitle(layer: Layer): string {
  const v = `(hiera configuration version ${layer.config.version})`;
  if (layer.kind === 'global') return `Global Data Provider ${v}`;
  if (layer.kind === 'environment') return `Environment Data Provider ${v}`;
  return `Module "${layer.module}" Data Provider ${v}`;
}

export function mergeHeader(s: MergeStrategy): string {
  if (s.given.size === 0) return `Merge strategy ${s.name}`;
  return `Merge strategy ${s.name}\n  Options: ${dumpValue(s.given, '  ').trimStart()}`;
}

export function withMergeResult(inv: Invocation, r: Found): Found {
  if (r !== NOT_FOUND) inv.ex?.line(`Merged result: ${dumpValue(r)}`);
  return r;
}

