import type { Span } from '../source/diagnostic.js';

/** The one text every output prints in place of a secret (a value, a URL password, an eyaml block). */
export const SECRET_MASK = '<secret>';


/**
 * eyaml blocks for masking: from `ENC[` to the first `]`, or to the end of the text when the block is not
 * closed (a truncated block is still ciphertext). Multi-line blocks are covered: `[^\]]` crosses newlines.
 */
const ENC_BLOCK = /ENC\[[^\]]*\]?/g;
/** A whole value that is one eyaml block, as Hiera data holds it (its scheme is group 1). */
const WHOLE_ENC = /^ENC\[\s*(\w+)\s*,[^\]]*\]$/;

/** The scheme (`PKCS7`, `GPG`) when the whole (trimmed) string is one eyaml block. */
export function encScheme(s: string): string | undefined {
  return s.includes('ENC[') ? WHOLE_ENC.exec(s.trim())?.[1] : undefined;
}

export function maskEncBlocks(text: string): string {
  return text.includes('ENC[') ? text.replace(ENC_BLOCK, SECRET_MASK) : text;
}

const SCHEME = /[A-Za-z][A-Za-z0-9+.-]*:\/\//g;
/** Where a URL ends in running text: white space and the delimiters output formats put around values. */
const URL_END = /[\s"<>`]/;
/** A password that only names where the secret comes from: `%{lookup('db::password')}`, `${var}`. */
const ONLY_INTERPOLATION = /^(?:%\{[^}]*\}|\$\{[^}]*\})+$/;

/**
 * Password spans as oslo.messaging's TransportURL.parse reads a URL: the netloc runs from `://` to the first
 * `/`, `?` or `#`; it is split on `,` (multi-host), each part is cut with rsplit('@', 1), and the password
 * follows the first `:` of the userinfo. `authority` is the offset just after `://`.
 */
function osloPasswords(text: string, authority: number, end: number): Span[] {
  let netlocEnd = authority;
  while (netlocEnd < end && !'/?#'.includes(text[netlocEnd]!)) netlocEnd++;
  const out: Span[] = [];
  let partStart = authority;
  for (const part of text.slice(authority, netlocEnd).split(',')) {
    const at = part.lastIndexOf('@');
    const colon = at < 0 ? -1 : part.slice(0, at).indexOf(':');
    if (colon >= 0) out.push({ start: partStart + colon + 1, end: partStart + at });
    partStart += part.length + 1;
  }
  return out;
}

/**
 * The password span as SQLAlchemy's make_url reads it (`[^:/]*` user, `:`, `[^@]*` password, `@`): it may
 * hold `/`, which ends oslo's netloc, so `mysql://nova:pa/ss@db/nova` hides its password from oslo's reading.
 */
function sqlalchemyPassword(text: string, authority: number, end: number): Span | undefined {
  let i = authority;
  while (i < end && text[i] !== ':' && text[i] !== '/') i++;
  if (text[i] !== ':') return undefined;
  const at = text.indexOf('@', i + 1);
  return at < 0 || at >= end ? undefined : { start: i + 1, end: at };
}

/**
 * For masking only: when an '@' follows oslo's netloc, a password may hold an unencoded '/' followed by '@'
 * (`u:a/b@c@db`), which neither parser reads back whole. The span then runs from the first ':' of the last
 * netloc part to the URL's last '@'. It hides a path too in URLs like `https://u:p@h/repo@v1`: no secret leaks.
 */
function tailPassword(text: string, authority: number, end: number): Span | undefined {
  let netlocEnd = authority;
  while (netlocEnd < end && !'/?#'.includes(text[netlocEnd]!)) netlocEnd++;
  const lastAt = text.lastIndexOf('@', end - 1);
  if (lastAt < netlocEnd) return undefined;
  const partStart = text.lastIndexOf(',', netlocEnd - 1) + 1;
  const colon = text.indexOf(':', Math.max(partStart, authority));
  return colon < 0 || colon >= netlocEnd ? undefined : { start: colon + 1, end: lastAt };
}

function urlAuthorities(text: string): { authority: number; end: number }[] {
  const out: { authority: number; end: number }[] = [];
  // A password in a URL needs both: most strings have neither, and this runs for every scalar of a lint.
  if (!text.includes('@') || !text.includes('://')) return out;
  for (const m of text.matchAll(SCHEME)) {
    const authority = m.index + m[0].length;
    let end = authority;
    while (end < text.length && !URL_END.test(text[end]!)) end++;
    out.push({ authority, end });
  }
  return out;
}

const isRealPassword = (text: string, s: Span): boolean => s.end > s.start && !ONLY_INTERPOLATION.test(text.slice(s.start, s.end));

/**
 * Detection (lint's hiera/plaintext-secret): passwords as the consumer of a transport or database URL reads
 * them, oslo.messaging's rule, which is SQLAlchemy's for single-host URLs without `/` in the password.
 * Empty passwords and interpolations are not plain-text secrets. Offsets are for the diagnostic's span.
 */
export function urlCredentials(text: string): Span[] {
  return urlAuthorities(text).flatMap(({ authority, end }) => osloPasswords(text, authority, end).filter((s) => isRealPassword(text, s)));
}

/**
 * Masking errs toward hiding more than detection reports: whatever oslo.messaging or SQLAlchemy would take
 * as the password is hidden, and the tail reading above, so `u:p@ss@h`, `u:pa:ss@h`, `u:pa/ss@h` and `u:a/b@c@h`
 * lose the whole password. The cost is a masked path in rare URLs such as `http://h:80/a@b`.
 */
export function maskUrlCredentials(text: string): string {
  const spans: Span[] = [];
  for (const { authority, end } of urlAuthorities(text)) {
    const readings = [...osloPasswords(text, authority, end), sqlalchemyPassword(text, authority, end), tailPassword(text, authority, end)];
    for (const s of readings) if (s && isRealPassword(text, s)) spans.push(s);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += text.slice(at, s.start) + SECRET_MASK;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Masks eyaml blocks and URL passwords in any text meant for output (messages, explain traces, diffs). */
export function maskText(text: string): string {
  return maskUrlCredentials(maskEncBlocks(text));
}
