import type { Span } from '../source/index.js';
import type { YScalar } from '../yaml/index.js';

/**
 * Span of `value.slice(start, end)` inside a scalar as written. Quoting and folding can change the
 * text between value and source, so the piece is searched in the raw source; when it cannot be
 * found verbatim the whole scalar is the range.
 */
export function spanInScalar(node: YScalar, value: string, start: number, end: number): Span {
  const piece = value.slice(start, end);
  const src = node.source;
  if (piece === '') return node.span;
  // Count earlier occurrences so repeated tokens map to the right one.
  let nth = 0;
  for (let i = value.indexOf(piece); i >= 0 && i < start; i = value.indexOf(piece, i + 1)) nth++;
  let at = -1;
  for (let k = 0, from = 0; k <= nth; k++) {
    at = src.indexOf(piece, from);
    if (at < 0) break;
    from = at + 1;
  }
  if (at < 0) return node.span;
  return { start: node.span.start + at, end: node.span.start + at + piece.length };
}

/** The span of a file's first line, for findings about a whole file. */
export function firstLineSpan(text: string): Span {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const nl = text.indexOf('\n');
  const end = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  return { start, end: Math.max(start, end) };
}

export const DOCS_BASE = 'https://github.com/hieradrift/hieradrift/blob/main/docs/rules/';

/** docs/rules/<slug>.md: the rule id with '/' as '-'. */
export function ruleSlug(id: string): string {
  return id.replace('/', '-');
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${ruleSlug(id)}.md`;
}
