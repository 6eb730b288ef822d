import { Binary, RubySymbol, Secret, type HValue } from './types.js';

/**
 * Values cross threads by structured clone, which keeps Map, bigint and shared references but turns
 * class instances into plain objects. The three opaque classes travel tagged and are rebuilt on arrival;
 * a value without any of them (the common case) travels as it is.
 */
type Tagged = { $hd: 'secret'; scheme: string; origin: string } | { $hd: 'symbol'; name: string } | { $hd: 'binary'; bytes: Uint8Array };

const MAX_DEPTH = 1000;

function opaque(v: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (v instanceof Secret || v instanceof RubySymbol || v instanceof Binary) return true;
  if (Array.isArray(v)) return v.some((x) => opaque(x, depth + 1));
  if (v instanceof Map) for (const [k, x] of v) if (opaque(k, depth + 1) || opaque(x, depth + 1)) return true;
  return false;
}

function encodeDeep(v: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return v;
  if (v instanceof Secret) return { $hd: 'secret', scheme: v.scheme, origin: v.origin } satisfies Tagged;
  if (v instanceof RubySymbol) return { $hd: 'symbol', name: v.name } satisfies Tagged;
  if (v instanceof Binary) return { $hd: 'binary', bytes: v.bytes } satisfies Tagged;
  if (Array.isArray(v)) return v.map((x) => encodeDeep(x, depth + 1));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [encodeDeep(k, depth + 1), encodeDeep(x, depth + 1)]));
  return v;
}

function isTagged(v: unknown): v is Tagged {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map) && '$hd' in v;
}

function tagged(v: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(v)) return v.some((x) => tagged(x, depth + 1));
  if (v instanceof Map) for (const [k, x] of v) if (tagged(k, depth + 1) || tagged(x, depth + 1)) return true;
  return isTagged(v);
}

function decodeDeep(v: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => decodeDeep(x, depth + 1));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [decodeDeep(k, depth + 1), decodeDeep(x, depth + 1)]));
  if (isTagged(v)) {
    if (v.$hd === 'secret') return new Secret(v.scheme, v.origin);
    if (v.$hd === 'symbol') return new RubySymbol(v.name);
    return new Binary(v.bytes);
  }
  return v;
}

/** A value ready for postMessage. */
export function encodeForTransfer(v: HValue | undefined): unknown {
  return opaque(v) ? encodeDeep(v, 0) : v;
}

/** The value encodeForTransfer was given, rebuilt after a structured clone. */
export function decodeFromTransfer(v: unknown): HValue | undefined {
  return tagged(v) ? (decodeDeep(v, 0) as HValue) : (v as HValue | undefined);
}
