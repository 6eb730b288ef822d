import { Secret, type HHash, type HValue } from '../value/index.js';

/** hiera-eyaml's detection and token grammar (parser/encrypted_tokens.rb). */
const DETECT = /ENC\[.*?\]/s;
const TOKEN = /ENC\[(\w+,)?([a-zA-Z0-9+/ =\n]+?)\]/g;
const SCHEMES = new Set(['PKCS7', 'GPG']);

/** A string holding at least one well-formed ENC[...] token. */
export function isEncrypted(s: string): boolean {
  if (!DETECT.test(s)) return false;
  TOKEN.lastIndex = 0;
  return TOKEN.test(s);
}

/** Why a token is malformed (bad base64 length, unknown scheme), or undefined when it looks right. */
export function eyamlShapeProblem(s: string): string | undefined {
  TOKEN.lastIndex = 0;
  for (const m of s.matchAll(TOKEN)) {
    const scheme = (m[1] ?? 'PKCS7,').slice(0, -1);
    if (!SCHEMES.has(scheme)) return `cannot load such file -- hiera/backend/eyaml/encryptors/${scheme.toLowerCase()}`;
    const b64 = m[2]!.replace(/\s+/g, '');
    if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return `malformed base64 payload in ENC[${scheme},...]`;
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
    TOKEN.lastIndex = 0;
    const m = TOKEN.exec(v)!;
    return new Secret((m[1] ?? 'PKCS7,').slice(0, -1), origin);
  }
  if (Array.isArray(v)) return v.map((x) => eyamlValue(x, origin));
  if (v instanceof Map) {
    const out: HHash = new Map();
    for (const [k, x] of v) out.set(k, eyamlValue(x, origin));
    return out;
  }
  return v;
}
