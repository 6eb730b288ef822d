/**
 * Where Psych stops reading. Puppet's safe_load returns as soon as the first document is
 * complete, so nothing after it is even parsed: later documents, and (Psych quirk) every line
 * less indented than an indented first line, which is what a UTF-8 BOM causes.
 */
export interface FirstDocument {
  /** Offset where the first document's text ends. */
  end: number;
  /** Why the text was cut, when content after `end` is ignored. */
  cut?: { reason: 'multi-document' | 'indentation'; at: number };
  /** A line libyaml rejects before js-yaml would (directives, a stray '...'). */
  error?: { message: string; at: number };
  /** A '%' line inside the document: libyaml reads it as a directive and fails if it gets there. */
  directiveAt?: number;
}

const LINE = /[^\n]*(?:\n|$)/g;

function lines(text: string): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m && m[0] !== ''; m = LINE.exec(text)) {
    const line = m[0].replace(/\r?\n$/, '');
    out.push({ offset: m.index, text: m.index === 0 ? line.replace(/^\uFEFF/, '') : line });
  }
  return out;
}

const BLANK = /^[ \t]*(?:#.*)?$/;
const MARKER_START = /^---(?:[ \t]|$)/;
const MARKER_END = /^\.\.\.(?:[ \t]|$)/;

export function firstDocument(text: string): FirstDocument {
  const all = lines(text);
  let started = false;
  let content = false;
  let firstContent: { offset: number; text: string } | undefined;
  let end = text.length;
  let cutAt: number | undefined;
  let directiveAt: number | undefined;
  for (let n = 0; n < all.length; n++) {
    const line = all[n]!;
    if (MARKER_START.test(line.text)) {
      if (!content && !started) {
        started = true;
        if (!BLANK.test(line.text.slice(3))) content = true;
        continue;
      }
      end = line.offset;
      cutAt = line.offset;
      break;
    }
    if (MARKER_END.test(line.text) && !content && !started) {
      return { end, error: { message: "did not find expected node content ('...' ends a document that has not started)", at: line.offset } };
    }
    if (line.text.startsWith('%')) {
      // libyaml reads '%' in column 0 as a directive anywhere, and knows only %YAML and %TAG.
      if (content || started) {
        // Only an error if Psych is still reading the document there; the caller decides.
        directiveAt ??= line.offset;
        continue;
      }
      if (!/^%(?:YAML|TAG)(?:[ \t]|$)/.test(line.text)) return { end, error: { message: 'found unknown directive name (libyaml knows only %YAML and %TAG)', at: line.offset } };
      continue;
    }
    if (MARKER_END.test(line.text) && (content || started)) {
      end = line.offset;
      const rest = all.slice(n + 1).find((l) => !BLANK.test(l.text) && !MARKER_END.test(l.text));
      if (rest) cutAt = rest.offset;
      break;
    }
    if (BLANK.test(line.text)) continue;
    if (!content) firstContent = line;
    content = true;
  }
  if (firstContent) {
    const indent = /^ */.exec(firstContent.text)![0].length;
    // Only a block collection at the root ends at a less indented line; flow and scalars may continue there.
    if (indent > 0 && /^ *(?:-(?:[ \t]|$)|[^#\s[{'"][^#]*?:(?:[ \t]|$))/.test(firstContent.text)) {
      const lower = all.find((l) => l.offset > firstContent!.offset && l.offset < end && !BLANK.test(l.text) && /^ */.exec(l.text)![0].length < indent);
      if (lower) {
        // libyaml still scans the first token of that line.
        if (/^(?:[%@`]|[|>][^0-9+\-\s#])/.test(lower.text)) {
          return { end, error: { message: 'found character that cannot start any token', at: lower.offset } };
        }
        return withDirective({ end: lower.offset, cut: { reason: 'indentation', at: lower.offset } }, directiveAt);
      }
    }
  }
  return withDirective(cutAt === undefined ? { end } : { end, cut: { reason: 'multi-document', at: cutAt } }, directiveAt);
}

function withDirective(doc: FirstDocument, at: number | undefined): FirstDocument {
  return at !== undefined && at < doc.end ? { ...doc, end: at, directiveAt: at } : doc;
}
