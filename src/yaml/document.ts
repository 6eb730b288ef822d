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
  return (simpleText(text) && commonFirstDocument(text)) || fullFirstDocument(text);
}

/**
 * Text where a comment line is always blank to the regexes below: no BOM, no lone CR (a line end for
 * LineCounter but not for the line split), no U+2028/U+2029 (which `.` does not match).
 */
function simpleText(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) return false;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  return true;
}

/**
 * fullFirstDocument for the common case, without building line objects: blank and comment lines, content
 * lines and `---` lines only, the first content line not indented. Anything else returns undefined (the
 * caller then runs fullFirstDocument, whose answer this one reproduces exactly on the cases it takes).
 */
function commonFirstDocument(text: string): FirstDocument | undefined {
  let started = false;
  let content = false;
  let firstIndent = -1;
  const n = text.length;
  for (let ls = 0; ls < n; ) {
    const nl = text.indexOf('\n', ls);
    const next = nl < 0 ? n : nl + 1;
    const le = nl < 0 ? n : nl > ls && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const c = text.charCodeAt(ls);
    if (c === 45 && isMarker(text, ls, le, 45)) {
      if (!content && !started) {
        started = true;
        if (!blankFrom(text, ls + 3, le)) content = true;
        ls = next;
        continue;
      }
      return firstIndent > 0 ? undefined : { end: ls, cut: { reason: 'multi-document', at: ls } };
    }
    if (c === 37 || (c === 46 && isMarker(text, ls, le, 46))) return undefined;
    if (!blankFrom(text, ls, le)) {
      if (!content) firstIndent = c === 32 || c === 9 ? 1 : 0;
      content = true;
    }
    ls = next;
  }
  return firstIndent > 0 ? undefined : { end: n };
}

/** `---` or `...` starting the line [ls, le), followed by a space, a tab or the line end. */
function isMarker(text: string, ls: number, le: number, c: number): boolean {
  if (le - ls < 3 || text.charCodeAt(ls + 1) !== c || text.charCodeAt(ls + 2) !== c || text.charCodeAt(ls) !== c) return false;
  const d = text.charCodeAt(ls + 3);
  return le === ls + 3 || d === 32 || d === 9;
}

/** BLANK on [i, le): spaces and tabs, then nothing or a comment. */
function blankFrom(text: string, i: number, le: number): boolean {
  while (i < le) {
    const c = text.charCodeAt(i);
    if (c === 35) return true;
    if (c !== 32 && c !== 9) return false;
    i++;
  }
  return true;
}

/** The reference line-by-line reading (exported for the differential test). */
export function fullFirstDocument(text: string): FirstDocument {
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
