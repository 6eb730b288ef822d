import type { HKey } from '../value/index.js';
import type { YMap, YNode, YScalar } from '../yaml/index.js';

/** The node an alias points at, bounded so an alias chain cannot loop. */
export function deref(node: YNode): YNode {
  let n = node;
  for (let i = 0; n.kind === 'alias' && i < 64; i++) n = n.target;
  return n;
}

export function isScalar(node: YNode | undefined): node is YScalar {
  return node !== undefined && node.kind === 'scalar';
}

export function isMap(node: YNode | undefined): node is YMap {
  return node !== undefined && node.kind === 'map';
}

/** A key as one path segment: strings stay, integers become numbers, anything else its text. */
export function keySegment(key: YNode): string | number {
  const k = deref(key);
  if (k.kind !== 'scalar') return k.kind === 'map' ? '{...}' : '[...]';
  const v = k.value as HKey;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return k.source;
}

/** A key's string value, or undefined when the key is not a string. */
export function keyString(key: YNode): string | undefined {
  const k = deref(key);
  return k.kind === 'scalar' && typeof k.value === 'string' ? k.value : undefined;
}

/** The value of `key` in a map; the last duplicate wins, as in Psych. */
export function mapGet(map: YMap, key: string): YNode | undefined {
  let found: YNode | undefined;
  for (const p of map.pairs) if (keyString(p.key) === key) found = p.value;
  return found;
}

/** Text of a string scalar, else undefined. */
export function stringOf(node: YNode | undefined): string | undefined {
  if (!node) return undefined;
  const n = deref(node);
  return n.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}
