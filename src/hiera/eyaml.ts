import { EYAML_SCHEMES, encTokens } from '../security/index.js';
import { Secret, type HHash, type HValue } from '../value/index.js';

/** hiera-eyaml's looser detection regex: a string must match it before tokens are looked for. */
const DETECT = /ENC\[.*?\]/s;

/** A string holding at least one well-formed ENC[...] token. */
export function isEncrypted(s: string): boolean {
  return DETECT.test(s) && encTokens(s).length > 0;
}

/** Why a token is malformed (bad base64 length, unknown scheme), or undefined when it looks right. */
export function eyamlShapeProblem(s: string): string | undefined {
  for (const t of encTokens(s)) {
    if (!EYAML_SCHEMES.has(t.scheme)) return `cannot load such file -- hiera/backend/eyaml/encryptors/${t.scheme.toLowerCase()}`;
    const b64 = t.payload.replace(/\s+/g, '');
    if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return `malformed base64 payload in ENC[${t.scheme},...]`;
  }
  return undefined;
}

/**
 * What eyaml_lookup_key returns, without decrypting: strings with tokens become an opaque Secret
 * (the decrypted text is unknown, so an embedded token makes the whole string secret).
 */
export function eyamlValue(v: HValue, origin: string): HValue {
  if (typeof v === 'string') {
    if (!isEncrypted(v)) return v;
    return new Secret(encTokens(v)[0]!.scheme, origin);
  }
  if (Array.isArray(v)) return v.map((x) => eyamlValue(x, origin));
  if (v instanceof Map) {
    const out: HHash = new Map();
    for (const [k, x] of v) out.set(k, eyamlValue(x, origin));
    return out;
  }
  return v;
}
