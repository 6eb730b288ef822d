/**
 * Python 3.11 string semantics the oslo parser relies on, where JavaScript differs:
 * `str.isspace()` (used by strip/lstrip/rstrip), `str.lower()` and `repr()`.
 */

// str.isspace(): JS trim() misses \x1c-\x1f and \x85, and strips \ufeff, which Python keeps.
const PY_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

export function isPySpace(ch: string): boolean {
  return ch.length === 1 && PY_SPACE.test(ch);
}

// The same set by code unit: the parser calls this for every line end, so it avoids a regex per character.
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Index of the first non-space char at or after `from` (Python lstrip). */
export function pySkipSpace(s: string, from = 0, to = s.length): number {
  let i = from;
  while (i < to && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** End index (exclusive) after dropping trailing Python whitespace (Python rstrip). */
export function pyTrimEnd(s: string, from = 0, to = s.length): number {
  let j = to;
  while (j > from && isSpaceCode(s.charCodeAt(j - 1))) j--;
  return j;
}

export function pyStrip(s: string): string {
  const j = pyTrimEnd(s);
  return s.slice(pySkipSpace(s, 0, j), j);
}

// Code points Node 20's ICU (Unicode 16) lowercases but Python 3.11 (Unicode 14) leaves alone.
const NEWER_CASED = /[\u1c89\ua7cb\ua7cc\ua7ce\ua7d2\ua7d4\ua7da\ua7dc\u{10d50}-\u{10d65}\u{16ea0}-\u{16eb8}]/u;
const NEWER_CASED_SPLIT = /([\u1c89\ua7cb\ua7cc\ua7ce\ua7d2\ua7d4\ua7da\ua7dc\u{10d50}-\u{10d65}\u{16ea0}-\u{16eb8}])/u;

/** Python 3.11 `str.lower()`. */
export function pyLower(s: string): string {
  if (!NEWER_CASED.test(s)) return s.toLowerCase();
  return s
    .split(NEWER_CASED_SPLIT)
    .map((part, i) => (i % 2 === 1 ? part : part.toLowerCase()))
    .join('');
}

// Characters Python's repr() escapes: not str.isprintable() (Other, separators except ' ').
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python `repr(str)`, as oslo's error messages show the offending line. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) out += pyEscape(ch.codePointAt(0)!);
    else out += ch;
  }
  return out + quote;
}

function pyEscape(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}
