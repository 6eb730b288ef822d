import { Secret, isHash, type HValue } from '../value/types.js';

const ENC = /^ENC\[\s*([A-Za-z0-9_]+)\s*,[\s\S]*\]$/;

/** Replaces eyaml `ENC[...]` strings by Secrets (keys and structure kept), so no rendering can print ciphertext. */
export function maskEyaml(v: HValue, origin = ''): HValue {
  if (typeof v === 'string') {
    const m = ENC.exec(v.trim());
    return m ? new Secret(m[1]!, origin) : v;
  }
  if (Array.isArray(v)) return v.map((x) => maskEyaml(x, origin));
  if (isHash(v)) return new Map([...v].map(([k, x]) => [k, maskEyaml(x, origin)]));
  return v;
}
