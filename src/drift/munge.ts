import { inspectString, rubyFloatToS } from '../value/render.js';
import { JsonNumber, type JsonValue } from './json-lexeme.js';

/** Ruby `inspect` of catalog data, as `value.to_s` renders a Hash or nested Array. */
export function rubyInspect(v: JsonValue, depth = 0): string {
  if (depth > 100) return '...';
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return inspectString(v);
  if (v instanceof JsonNumber) return rubyNumber(v);
  if (Array.isArray(v)) return `[${v.map((x) => rubyInspect(x, depth + 1)).join(', ')}]`;
  return `{${[...v].map(([k, x]) => `${inspectString(k)}=>${rubyInspect(x, depth + 1)}`).join(', ')}}`;
}

/** Ruby Integer#to_s / Float#to_s for a JSON lexeme that Puppet wrote from a Ruby value. */
function rubyNumber(n: JsonNumber): string {
  return n.isFloat ? rubyFloatToS(Number(n.text)) : n.text.replace(/^-0$/, '0');
}

/** Ruby `value.to_s` for one element of a `value` parameter. */
export function rubyToS(v: JsonValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof JsonNumber) return rubyNumber(v);
  return rubyInspect(v);
}

// Ruby String#strip: leading ASCII whitespace; trailing ASCII whitespace and NUL.
const isLead = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isTrail = (c: number): boolean => isLead(c) || c === 0;

export function rubyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isLead(s.charCodeAt(a))) a++;
  while (b > a && isTrail(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * The type's munge: `value.to_s.strip`, then `capitalize!` when some line is true/false
 * (Ruby's `^`/`$` are line anchors, and capitalize lower-cases the rest of the whole string).
 */
export function mungeValue(v: JsonValue): string {
  const s = rubyStrip(rubyToS(v));
  if (s.length >= 4 && /^(true|false)$/im.test(s)) return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  return s;
}
