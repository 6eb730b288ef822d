/**
 * hiera-eyaml's token grammar (parser/encrypted_tokens.rb): the blocks eyaml_lookup_key decrypts. Masking
 * uses the looser `ENC[` to `]` cut in text.ts, so a block this grammar rejects is still hidden.
 */
const TOKEN = /ENC\[(\w+,)?([a-zA-Z0-9+/ =\n]+?)\]/g;

/** The schemes hiera-eyaml ships encryptors for (GPG through the hiera-eyaml-gpg plugin). */
export const EYAML_SCHEMES: ReadonlySet<string> = new Set(['PKCS7', 'GPG']);

export interface EncToken {
  start: number;
  end: number;
  /** `PKCS7` when the block names none, as hiera-eyaml defaults. */
  scheme: string;
  /** The base64 text, white space included. */
  payload: string;
}

/** Every well-formed eyaml token in `s`, in order. */
export function encTokens(s: string): EncToken[] {
  if (!s.includes('ENC[')) return [];
  return [...s.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, scheme: m[1]?.slice(0, -1) ?? 'PKCS7', payload: m[2]! }));
}
