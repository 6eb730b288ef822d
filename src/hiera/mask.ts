import { Secret, type HHash, type HValue } from '../value/index.js';

/**
 * What the CLI prints is masked: eyaml tokens (even inside a longer string), credentials in URLs, and
 * values under password/secret/token-like keys. Lookups themselves keep Puppet's exact values.
 */
const ENC_TOKEN = /ENC\[[\s\S]*?\]/g;
const URL_CREDENTIAL = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s"']*:)([^@\s"']+)@/gi;
const SECRET_KEY = /(pass(word|wd|phrase)?|secret|token|private_?key|credential|api_?key)(?![a-z])/i;
export const MASK = '<secret>';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.split('::').pop()!);
}

function maskString(s: string): string {
  return s.replace(ENC_TOKEN, MASK).replace(URL_CREDENTIAL, `$1${MASK}@`);
}

/** A value as it may be printed; `key` is the key it was found under. */
export function maskValue(v: HValue, key?: string): HValue {
  if (key !== undefined && isSecretKey(key) && (typeof v === 'string' || typeof v === 'bigint')) return new Secret('key', key);
  if (typeof v === 'string') return maskString(v);
  if (Array.isArray(v)) return v.map((x) => maskValue(x));
  if (v instanceof Map) {
    const out: HHash = new Map();
    for (const [k, x] of v) out.set(k, maskValue(x, typeof k === 'string' ? k : undefined));
    return out;
  }
  return v;
}

/** An explanation as it may be printed: the same rules over its `"key" => value` and `Found key` lines. */
export function maskText(text: string): string {
  return maskString(text)
    .replace(/("([^"\\]|\\.)*") => "([^"\\]|\\.)*"/g, (m, k: string) => (isSecretKey(k.slice(1, -1)) ? `${k} => "${MASK}"` : m))
    .replace(/(Found key: "([^"]*)" value: )"([^"\\]|\\.)*"$/gm, (m, head: string, k: string) => (isSecretKey(k) ? `${head}"${MASK}"` : m));
}
