import { tokenize } from '../yaml/scalar-scanner.js';
import { SECRET_MASK } from '../security/text.js';
import { rubyFloatToS } from './render.js';
import { Binary, RubySymbol, Secret, isHash, type HKey, type HValue } from './types.js';

const BEST_WIDTH = 80;
/** libyaml ends the document with '...' when the last block scalar it wrote was a `|+` one (its end would be ambiguous). */
let openEnded = false;

/**
 * What libyaml will only write double-quoted: characters outside its printable set (C0 but \n, DEL, C1 with NEL,
 * the BOM, U+FFFE/U+FFFF, and every character beyond the BMP, which it escapes as \UXXXXXXXX).
 */
const SPECIAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]/;
/** Line breaks libyaml knows besides \n: a plain scalar cannot hold them. */
const UNICODE_BREAK = /[\u2028\u2029]/;

/** Psych `YAMLTree#visit_String` style choice, then libyaml's emitter fallbacks. */
function scalarString(s: string, indent: number, column: number): string {
  // Ruby's /\n(?!\Z)/: a line break that is not the final one.
  if (/\n(?!\n?$)/.test(s)) {
    // libyaml cannot write trailing spaces, spaces before a break or special characters in a block scalar.
    return / $| \n/.test(s) || SPECIAL.test(s) ? doubleQuoted(s) : literal(s, indent);
  }
  if (s === '<<') return "!!str '<<'";
  if (s === 'y' || s === 'Y' || s === 'n' || s === 'N') return `"${s}"`;
  if (s === '') return "''";
  // Ruby's ^ and $ are line anchors here, so any line starting with a non-word character counts. Ruby's only
  // line break is \n: JS's m flag would also break lines at \r, U+2028 and U+2029.
  if (/(?:^|(?<=\n))[^\p{L}\p{M}\p{N}\p{Pc}][^"]*(?=\n|$)/u.test(s)) return doubleQuoted(s);
  let resolvesToString: boolean;
  try {
    resolvesToString = typeof tokenize(s, new Map()) === 'string';
  } catch {
    resolvesToString = false;
  }
  if (!resolvesToString || /^0[0-7]*[89]/.test(s)) return singleQuoted(s, indent, column);
  if (SPECIAL.test(s)) return doubleQuoted(s);
  if (UNICODE_BREAK.test(s)) return singleQuoted(s, indent, column);
  const indicator = /^[,[\]{}#&*!|>'"%@`]/.test(s) || /^[-?:](?: |$)/.test(s) || /^(?:---|\.\.\.)/.test(s);
  if (indicator || /: |:$| #|\s$|^\s/.test(s) || s.includes('\n')) return singleQuoted(s, indent, column);
  return fold(s, indent, column);
}

/** libyaml breaks plain and single-quoted scalars at a space once past the 80th column. */
function fold(s: string, indent: number, column: number): string {
  let out = '';
  let col = column;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    // libyaml writes U+2028/U+2029 as line breaks: the next character (or the closing quote) starts an indented line.
    if (UNICODE_BREAK.test(c)) {
      out += c;
      if (!UNICODE_BREAK.test(s[i + 1] ?? '')) out += ' '.repeat(indent + 2);
      col = indent + 2;
      continue;
    }
    if (c === ' ' && col > BEST_WIDTH && s[i + 1] !== ' ' && s[i - 1] !== ' ') {
      out += '\n' + ' '.repeat(indent + 2);
      col = indent + 2;
      continue;
    }
    out += c;
    col++;
  }
  return out;
}

function singleQuoted(s: string, indent: number, column: number): string {
  // libyaml cannot single-quote a space next to a line break.
  if (/ \n|\n /.test(s)) return doubleQuoted(s);
  // A line break inside single quotes is written as an extra empty line, then the continuation indentation.
  const parts = s.replace(/'/g, "''").split(/(\n+)/);
  let out = '';
  let col = column + 1;
  for (const part of parts) {
    if (part.startsWith('\n')) {
      out += '\n'.repeat(part.length + 1) + ' '.repeat(indent + 2);
      col = indent + 2;
    } else {
      const folded = fold(part, indent, col);
      out += folded;
      const lastBreak = folded.lastIndexOf('\n');
      col = lastBreak >= 0 ? folded.length - lastBreak - 1 : col + folded.length;
    }
  }
  return `'${out}'`;
}

const DQ_NAMED: Readonly<Record<string, string>> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\x1b': '\\e', '\f': '\\f', '\v': '\\v',
  '\x85': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

/** libyaml's double-quoted escapes: named ones, then \xXX, \uXXXX or \UXXXXXXXX by size. */
function doubleQuoted(s: string): string {
  const escaped = s.replace(/["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]/g, (c) => {
    const named = DQ_NAMED[c];
    if (named) return named;
    const cp = c.codePointAt(0)!;
    const hex = cp.toString(16).toUpperCase();
    return cp <= 0xff ? `\\x${hex.padStart(2, '0')}` : cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
  });
  return `"${escaped}"`;
}

function literal(s: string, indent: number): string {
  const chomp = s.endsWith('\n') ? (/\n\n$/.test(s) ? '+' : '') : '-';
  const hint = /^[ \n\u2028\u2029]/.test(s) ? '2' : '';
  // After a U+2028/U+2029 inside a line, libyaml indents the rest of it as a new line.
  const pad = ' '.repeat(indent + 2);
  const body = s.replace(/\n$/, '').split('\n').map((l) => (l ? pad + l.replace(/[\u2028\u2029]+(?=.)/g, (b) => b + pad) : ''));
  return `|${hint}${chomp}\n${body.join('\n')}`;
}

function scalar(v: HValue | HKey, indent: number, column: number): string {
  const out = scalarText(v, indent, column);
  if (out.startsWith('|')) openEnded = /^\|\d?\+/.test(out);
  return out;
}

function scalarText(v: HValue | HKey, indent: number, column: number): string {
  if (v === null) return '';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : rubyFloatToS(v);
  if (typeof v === 'string') return scalarString(v, indent, column);
  if (v instanceof RubySymbol) return `:${v.name}`;
  if (v instanceof Secret) return scalarString(SECRET_MASK, indent, column);
  if (v instanceof Binary) {
    // Psych writes ASCII-only binary strings as ordinary strings.
    if (v.bytes.every((b) => b < 0x80)) return scalarString(Buffer.from(v.bytes).toString('latin1'), indent, column);
    return `!binary |-\n${' '.repeat(indent + 2)}${Buffer.from(v.bytes).toString('base64')}`;
  }
  return '';
}

function isCollection(v: HValue): v is HValue[] | Map<HKey, HValue> {
  return Array.isArray(v) || isHash(v);
}

function isEmpty(v: HValue[] | Map<HKey, HValue>): boolean {
  return Array.isArray(v) ? v.length === 0 : v.size === 0;
}

/** Lines of a block collection at `indent`; the first line is emitted without its indentation. */
function block(v: HValue[] | Map<HKey, HValue>, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isCollection(item) && !isEmpty(item)) lines.push(`- ${block(item, indent + 2)}`);
      else lines.push(item === null ? '-' : `- ${value(item, indent, indent + 2)}`);
    }
  } else {
    for (const [k, item] of v) {
      const key = k === null ? "! ''" : scalar(k, indent, indent);
      if (!simpleKey(k, key)) {
        // libyaml writes multi-line or long (> 128 bytes) keys as explicit `? key` / `: value` pairs.
        const explicitKey = `? ${scalar(k, indent, indent + 2)}`;
        let val: string;
        if (isCollection(item) && !isEmpty(item)) val = `: ${block(item, indent + 2)}`;
        else val = item === null ? ':' : `: ${value(item, indent, indent + 2)}`;
        lines.push(`${explicitKey}\n${pad}${val}`);
        continue;
      }
      if (isCollection(item) && !isEmpty(item)) {
        lines.push(`${key}:\n${Array.isArray(item) ? pad : pad + '  '}${block(item, Array.isArray(item) ? indent : indent + 2)}`);
      } else {
        lines.push(item === null ? `${key}:` : `${key}: ${value(item, indent, indent + key.length + 2)}`);
      }
    }
  }
  return lines.join(`\n${pad}`);
}

function simpleKey(k: HKey, rendered: string): boolean {
  if (rendered.includes('\n') || (typeof k === 'string' && /[\n\r]/.test(k))) return false;
  const raw = typeof k === 'string' ? k : k instanceof RubySymbol ? `:${k.name}` : rendered;
  return Buffer.byteLength(raw) <= 128;
}

function value(v: HValue, indent: number, column: number): string {
  if (Array.isArray(v)) return v.length ? block(v, indent) : '[]';
  if (isHash(v)) return v.size ? block(v, indent) : '{}';
  return scalar(v, indent, column);
}

/** `puppet lookup --render-as yaml`: Ruby `to_yaml` (Psych/libyaml block style). */
export function renderYaml(v: HValue): string {
  openEnded = false;
  let out: string;
  if (isCollection(v) && !isEmpty(v)) out = `---\n${block(v, 0)}\n`;
  else if (v === null) out = '---\n';
  else out = `--- ${value(v, 0, 4)}\n`;
  return openEnded ? `${out}...\n` : out;
}
