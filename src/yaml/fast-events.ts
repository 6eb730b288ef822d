import { EVENT_ID, type Event, type ScalarEvent } from 'js-yaml';

/**
 * A fast path for js-yaml's `parseEvents` on the block-style YAML that Hiera files are made of.
 *
 * It returns EXACTLY the events `parseEvents(text, { maxDepth })` returns (every field, every offset),
 * or `undefined` when the text uses anything outside its subset or anything it is unsure of; the caller
 * then runs js-yaml. The subset: an optional leading `---`, comments and blank lines, block mappings whose
 * keys are one-line plain or quoted scalars, block sequences (also `- - x`, `- k: v` and sequences at the
 * key's indentation), one-line plain / single / double quoted values, block scalars (`|`, `>`, with a
 * chomping indicator), empty values, `&anchor` before a value or a nested collection, `*alias` values,
 * LF or CRLF; and, as a value after `key:` or `- `, a flow collection that closes on the line it opens on
 * (`[a, "b"]`, `{port: 8000, tls: true, os: {major: '11'}, list: []}`): nested flow collections, plain
 * scalars (flow rules: `,[]{}` end them, `:` before a space or one of those), one-line quoted scalars,
 * mapping keys that are scalars with an optional `: value` (`{a: }`, `{a}` give an empty value),
 * trailing commas, then only a comment after a space.
 * Everything else bails out: flow collections over several lines, a comment or `? ` inside one, a pair
 * in a flow sequence (`[a: b]`), a flow collection as a key, anchors, aliases and tags inside or before
 * one, anchored keys, tags, multi-line flow scalars, explicit block-scalar indentation, `?` keys, tabs
 * anywhere, directives, document markers after the first, BOM, control characters, and every case where
 * js-yaml would raise an error.
 * test/yaml/fast-events.test.ts checks the equality differentially.
 */
export function fastParseEvents(text: string, maxDepth: number): Event[] | undefined {
  if (!plainText(text)) return undefined;
  try {
    return new Scanner(text, maxDepth).document();
  } catch (err) {
    if (err === BAIL) return undefined;
    throw err;
  }
}

/** Thrown (without a stack) to abandon the fast path. */
const BAIL: unique symbol = Symbol('bail');

const enum Ch {
  LF = 10,
  CR = 13,
  SPACE = 32,
  COMMA = 44,
  DQUOTE = 34,
  HASH = 35,
  SQUOTE = 39,
  DASH = 45,
  DOT = 46,
  COLON = 58,
  QUESTION = 63,
  BACKSLASH = 92,
  AMP = 38,
  STAR = 42,
  PLUS = 43,
  GT = 62,
  PIPE = 124,
  LBRACKET = 91,
  RBRACKET = 93,
  LBRACE = 123,
  RBRACE = 125,
}

/** Characters that need a closer look: controls (tab and lone CR too), C1, surrogates, BOM, U+FFFE/F. */
const SUSPECT = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/g;

/** No character that js-yaml treats specially outside the subset (or rejects); CR only in CRLF; whole surrogate pairs only. */
function plainText(text: string): boolean {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(text); m; m = SUSPECT.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === Ch.CR && text.charCodeAt(at + 1) === Ch.LF) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(at + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        SUSPECT.lastIndex = at + 2;
        continue;
      }
    }
    return false;
  }
  // An unterminated last line of spaces changes what js-yaml reads as a plain scalar's continuation.
  let k = text.length;
  while (k > 0 && text.charCodeAt(k - 1) === Ch.SPACE) k--;
  return !(k < text.length && (k === 0 || text.charCodeAt(k - 1) === Ch.LF));
}

/** js-yaml's isSimpleEscape, minus tab (tabs never reach the scanner). */
function simpleEscape(c: number): boolean {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}

function flowIndicator(c: number): boolean {
  return c === Ch.COMMA || c === Ch.LBRACKET || c === Ch.RBRACKET || c === Ch.LBRACE || c === Ch.RBRACE;
}

function hexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** A character that cannot start a plain scalar in block context (js-yaml canStartPlainScalar). */
function indicator(c: number): boolean {
  switch (c) {
    case 32: case 10: case 13: case 35: case 38: case 42: case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
    case 44: case 91: case 93: case 123: case 125:
      return true;
    default:
      return false;
  }
}

/**
 * The first occurrence of a needle at or after a position, remembered: a bare indexOf for a needle
 * that is absent from the rest of the file would rescan to the end on every scalar.
 */
class Finder {
  private from = 1;
  private at = 0;
  constructor(
    private readonly s: string,
    private readonly needle: string,
  ) {}

  /** Position of the first needle at or after p, or the text length. */
  next(p: number): number {
    if (p < this.from || p > this.at) {
      this.from = p;
      const k = this.s.indexOf(this.needle, p);
      this.at = k < 0 ? this.s.length : k;
    }
    return this.at;
  }
}

const enum Stop {
  COLON,
  COMMENT,
  EOL,
  EOF,
}

class Scanner {
  private readonly n: number;
  private readonly events: Event[] = [];
  /** Start of the line holding the position last returned by nextContent. */
  private ls = 0;
  /** Column of that position. */
  private col = 0;
  /** Results of the last scalar scan. */
  private end = 0;
  private stop: Stop = Stop.EOF;
  private at = 0;
  private simple = true;
  /** `&name` range for the next node event (-1: none); the event that takes it resets it. */
  private anchorStart = -1;
  private anchorEnd = -1;
  private readonly colons: Finder;
  private readonly comments: Finder;
  private readonly backslashes: Finder;

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {
    this.n = s.length;
    this.colons = new Finder(s, ':');
    this.comments = new Finder(s, ' #');
    this.backslashes = new Finder(s, '\\');
  }

  document(): Event[] {
    const { events } = this;
    let p = this.nextContent(0);
    if (p < 0) return events;
    let explicit = false;
    if (this.col === 0 && this.marker(p, Ch.DASH)) {
      explicit = true;
      p = this.nextContent(this.restOfLine(p + 3));
    }
    events.push({ type: EVENT_ID.DOCUMENT, explicitStart: explicit, explicitEnd: false, directives: [] });
    if (p < 0) {
      this.empty();
    } else {
      if (this.col !== 0) throw BAIL;
      p = this.seqEntry(p) ? this.sequence(p, 0, 1) : this.mapping(p, 0, 1);
      // Anything the root collection did not take is an error or a structure outside the subset.
      if (p >= 0) throw BAIL;
    }
    events.push({ type: EVENT_ID.POP });
    return events;
  }

  /** `---` or `...` at p followed by a space, a line break or the end. */
  private marker(p: number, c: number): boolean {
    const { s } = this;
    if (s.charCodeAt(p) !== c || s.charCodeAt(p + 1) !== c || s.charCodeAt(p + 2) !== c) return false;
    return p + 3 >= this.n || this.ws(s.charCodeAt(p + 3));
  }

  private ws(c: number): boolean {
    return c === Ch.SPACE || c === Ch.LF || c === Ch.CR;
  }

  private seqEntry(p: number): boolean {
    return this.s.charCodeAt(p) === Ch.DASH && (p + 1 >= this.n || this.ws(this.s.charCodeAt(p + 1)));
  }

  /** The first content character at or after line start p, skipping blank and comment lines; -1 at the end. */
  private nextContent(p: number): number {
    const { s, n } = this;
    for (;;) {
      let q = p;
      while (q < n && s.charCodeAt(q) === Ch.SPACE) q++;
      if (q >= n) return -1;
      const c = s.charCodeAt(q);
      if (c === Ch.LF) p = q + 1;
      else if (c === Ch.CR) p = q + 2;
      else if (c === Ch.HASH) p = this.lineAfter(q);
      else {
        this.ls = p;
        this.col = q - p;
        return q;
      }
    }
  }

  /** Start of the line after the one holding q (n at the end). */
  private lineAfter(q: number): number {
    const i = this.s.indexOf('\n', q);
    return i < 0 || i >= this.n ? this.n : i + 1;
  }

  /** After a node: only spaces, then a comment (after a space), a line break or the end. Returns the next line start. */
  private restOfLine(q: number): number {
    const { s, n } = this;
    const from = q;
    while (q < n && s.charCodeAt(q) === Ch.SPACE) q++;
    if (q >= n) return n;
    const c = s.charCodeAt(q);
    if (c === Ch.LF) return q + 1;
    if (c === Ch.CR) return q + 2;
    if (c === Ch.HASH && q > from) return this.lineAfter(q);
    throw BAIL;
  }

  private scalar(start: number, end: number, style: 1 | 2 | 3, fast: boolean): void {
    const ev: ScalarEvent = { type: EVENT_ID.SCALAR, valueStart: start, valueEnd: end, anchorStart: this.anchorStart, anchorEnd: this.anchorEnd, tagStart: -1, tagEnd: -1, style, chomping: 1, indent: -1, fast };
    this.anchorStart = this.anchorEnd = -1;
    this.events.push(ev);
  }

  /** Name end of an `&anchor` or `*alias` whose indicator is at r (js-yaml: up to a space, break or flow indicator). */
  private nameEnd(r: number): number {
    const { s, n } = this;
    let k = r + 1;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c === Ch.SPACE || c === Ch.LF || c === Ch.CR || c === 44 || c === Ch.LBRACKET || c === Ch.RBRACKET || c === Ch.LBRACE || c === Ch.RBRACE) break;
    }
    if (k === r + 1) throw BAIL;
    return k;
  }

  /** `&name` at r: records it for the next node event and returns where the node starts (after spaces). */
  private anchor(r: number): number {
    const { s, n } = this;
    let k = this.nameEnd(r);
    this.anchorStart = r + 1;
    this.anchorEnd = k;
    while (k < n && s.charCodeAt(k) === Ch.SPACE) k++;
    // Only a line end, a comment, a quoted or a plain scalar may follow; a second property, an alias,
    // a block scalar or a flow collection after an anchor is left to js-yaml.
    const c = s.charCodeAt(k);
    if (k < n && indicator(c) && c !== Ch.LF && c !== Ch.CR && c !== Ch.HASH && c !== Ch.DQUOTE && c !== Ch.SQUOTE) throw BAIL;
    return k;
  }

  /** `*name` at r, alone on its entry's line. */
  private alias(r: number): number {
    const k = this.nameEnd(r);
    this.events.push({ type: EVENT_ID.ALIAS, anchorStart: r + 1, anchorEnd: k });
    return this.nextContent(this.restOfLine(k));
  }

  private empty(): void {
    // An empty node keeps a pending anchor (`k: &a` with nothing below).
    this.scalar(-1, -1, 1, false);
  }

  private depthCheck(depth: number): void {
    // js-yaml fails when a node sits inside maxDepth collections; stay one level clear, and bound the recursion.
    if (depth + 1 >= this.maxDepth || depth > 500) throw BAIL;
  }

  /** End of the line holding p: its CR of a CRLF, its LF, or n. */
  private lineEnd(p: number): number {
    const lf = this.s.indexOf('\n', p);
    if (lf < 0) return this.n;
    return this.s.charCodeAt(lf - 1) === Ch.CR ? lf - 1 : lf;
  }

  /**
   * Scans a one-line plain scalar from p: sets end (trimmed), stop and at (where it stopped). plainText
   * has ruled out tabs, controls and lone CRs, so only ':', ' #' and the line end can stop it; native
   * searches find those (this runs once per file in the CLI, mostly before the JIT has warmed up).
   */
  private scanPlain(p: number): void {
    const { s, n } = this;
    const c0 = s.charCodeAt(p);
    if (indicator(c0)) throw BAIL;
    if ((c0 === Ch.DASH || c0 === Ch.QUESTION) && (p + 1 >= n || this.ws(s.charCodeAt(p + 1)))) throw BAIL;
    const eol = this.lineEnd(p);
    let stop = eol;
    this.stop = eol === n ? Stop.EOF : Stop.EOL;
    // js-yaml ends a plain scalar at ':' followed by a space, a line break or the end...
    for (let k = this.colons.next(p); k < eol; k = this.colons.next(k + 1)) {
      if (k + 1 >= n || this.ws(s.charCodeAt(k + 1))) {
        stop = k;
        this.stop = Stop.COLON;
        break;
      }
    }
    // ...or at '#' after a space (a comment), whichever comes first.
    const hash = this.comments.next(p);
    if (hash + 1 < stop) {
      stop = hash + 1;
      this.stop = Stop.COMMENT;
    }
    let end = stop;
    while (end > p && s.charCodeAt(end - 1) === Ch.SPACE) end--;
    if (end === p) throw BAIL;
    this.end = end;
    this.at = stop;
  }

  /** Scans a one-line quoted scalar opening at p: sets end (before the closing quote) and simple. */
  private scanQuoted(p: number): void {
    const { s } = this;
    const quote = s.charCodeAt(p);
    const close = s.indexOf(quote === Ch.DQUOTE ? '"' : "'", p + 1);
    if (close < 0) throw BAIL;
    const eol = this.lineEnd(p);
    if (close >= eol) throw BAIL;
    // The common case: no escape before the closing quote.
    if (quote === Ch.DQUOTE ? this.backslashes.next(p) > close : s.charCodeAt(close + 1) !== Ch.SQUOTE) {
      this.end = close;
      this.simple = true;
      return;
    }
    this.scanEscaped(p, quote);
  }

  /** scanQuoted for a scalar with escapes (`\\x` in double quotes, `''` in single quotes). */
  private scanEscaped(p: number, quote: number): void {
    const { s, n } = this;
    let q = p + 1;
    for (;;) {
      if (q >= n) throw BAIL;
      const c = s.charCodeAt(q);
      if (c === quote) {
        if (quote === Ch.SQUOTE && s.charCodeAt(q + 1) === Ch.SQUOTE && q + 1 < n) {
          q += 2;
          continue;
        }
        break;
      }
      if (c === Ch.LF || c === Ch.CR) throw BAIL;
      if (c === Ch.BACKSLASH && quote === Ch.DQUOTE) {
        const e = s.charCodeAt(q + 1);
        if (q + 1 < n && simpleEscape(e)) {
          q += 2;
          continue;
        }
        const len = e === 120 ? 2 : e === 117 ? 4 : e === 85 ? 8 : 0;
        if (len === 0 || q + 2 + len > n) throw BAIL;
        for (let k = q + 2; k < q + 2 + len; k++) if (!hexDigit(s.charCodeAt(k))) throw BAIL;
        q += 2 + len;
        continue;
      }
      q++;
    }
    this.end = q;
    this.simple = false;
  }

  /**
   * Reads a mapping key at p (a one-line scalar followed by `:` and a space, a line break or the end)
   * without emitting it. Returns the position after the ':' or -1 if p holds no key.
   */
  private key(p: number): number {
    const { s, n } = this;
    const c = s.charCodeAt(p);
    let q: number;
    if (c === Ch.DQUOTE || c === Ch.SQUOTE) {
      this.scanQuoted(p);
      q = this.end + 1;
      while (q < n && s.charCodeAt(q) === Ch.SPACE) q++;
      if (q >= n || s.charCodeAt(q) !== Ch.COLON) return -1;
    } else {
      if (p === this.ls && (this.marker(p, Ch.DASH) || this.marker(p, Ch.DOT))) throw BAIL;
      this.scanPlain(p);
      if (this.stop !== Stop.COLON) return -1;
      q = this.at;
    }
    q++;
    if (q < n && !this.ws(s.charCodeAt(q))) throw BAIL;
    return q;
  }

  private keyEvent(p: number): void {
    const c = this.s.charCodeAt(p);
    if (c === Ch.DQUOTE || c === Ch.SQUOTE) this.scalar(p + 1, this.end, c === Ch.DQUOTE ? 3 : 2, this.simple);
    else this.scalar(p, this.end, 1, true);
  }

  /** A block mapping whose first key is at p, column indent. Returns the next content position (-1 at the end). */
  private mapping(p: number, indent: number, depth: number): number {
    this.depthCheck(depth);
    this.events.push({ type: EVENT_ID.MAPPING, start: p, anchorStart: this.anchorStart, anchorEnd: this.anchorEnd, tagStart: -1, tagEnd: -1, style: 1 });
    this.anchorStart = this.anchorEnd = -1;
    for (;;) {
      const q = this.key(p);
      if (q < 0) throw BAIL;
      this.keyEvent(p);
      p = this.value(q, indent, depth);
      if (p < 0) break;
      if (this.col > indent) throw BAIL;
      if (this.col < indent) break;
      if (this.seqEntry(p)) throw BAIL;
    }
    this.events.push({ type: EVENT_ID.POP });
    return p;
  }

  /** The value after a key's ':' at q-1, in a mapping at column indent. */
  private value(q: number, indent: number, depth: number): number {
    const { s, n } = this;
    let r = q;
    while (r < n && s.charCodeAt(r) === Ch.SPACE) r++;
    let c = r < n ? s.charCodeAt(r) : -1;
    if (c === Ch.STAR) return this.alias(r);
    if (c === Ch.AMP) {
      r = this.anchor(r);
      c = r < n ? s.charCodeAt(r) : -1;
    }
    if (c === -1 || c === Ch.LF || c === Ch.CR || c === Ch.HASH) return this.nodeBelow(this.lineAfter(r), indent, depth, true);
    return this.inlineScalar(r, indent, depth + 1);
  }

  /**
   * The node of an entry whose line ends after its indicator: a collection on the following lines, or an
   * empty scalar. `sameIndent` allows a sequence at the parent's indentation (under a mapping key).
   */
  private nodeBelow(line: number, indent: number, depth: number, sameIndent: boolean): number {
    const p = this.nextContent(line);
    if (p >= 0 && this.col > indent) {
      return this.seqEntry(p) ? this.sequence(p, this.col, depth + 1) : this.mapping(p, this.col, depth + 1);
    }
    if (p >= 0 && sameIndent && this.col === indent && this.seqEntry(p)) return this.sequence(p, indent, depth + 1);
    this.empty();
    return p;
  }

  /**
   * A node that starts on its entry's line at r, in a collection at column indent: a one-line scalar,
   * a block scalar, or a one-line flow collection at scanner depth flowDepth. Returns the next content position.
   */
  private inlineScalar(r: number, indent: number, flowDepth: number): number {
    const { s } = this;
    const c = s.charCodeAt(r);
    if (c === Ch.PIPE || c === Ch.GT) return this.blockScalar(r, indent);
    if (c === Ch.LBRACKET || c === Ch.LBRACE) return this.nextContent(this.restOfLine(this.flow(r, flowDepth)));
    if (c === Ch.DQUOTE || c === Ch.SQUOTE) {
      this.scanQuoted(r);
      this.scalar(r + 1, this.end, c === Ch.DQUOTE ? 3 : 2, this.simple);
      return this.nextContent(this.restOfLine(this.end + 1));
    }
    this.scanPlain(r);
    if (this.stop === Stop.COLON) throw BAIL;
    this.scalar(r, this.end, 1, true);
    if (this.stop === Stop.EOF) return -1;
    const line = this.lineAfter(this.at);
    if (this.stop === Stop.EOL) this.continuation(line, indent + 1);
    return this.nextContent(line);
  }

  /**
   * A flow collection whose `[` or `{` is at r and that closes on the same line (js-yaml
   * readFlowCollection): items are plain or quoted scalars and nested flow collections; a mapping's
   * keys are scalars, its `: value` optional. depth counts js-yaml's parseNode levels, as for block
   * collections. Returns the position after the closing bracket.
   */
  private flow(r: number, depth: number): number {
    const { s } = this;
    const isMap = s.charCodeAt(r) === Ch.LBRACE;
    const close = isMap ? Ch.RBRACE : Ch.RBRACKET;
    this.events.push({ type: isMap ? EVENT_ID.MAPPING : EVENT_ID.SEQUENCE, start: r, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: 2 });
    let q = this.flowSpace(r + 1);
    // Only items are nodes js-yaml counts against maxDepth; `[]` has none.
    if (s.charCodeAt(q) !== close) this.depthCheck(depth);
    while (s.charCodeAt(q) !== close) {
      if (isMap) {
        q = this.flowSpace(this.flowNode(q, depth, true));
        if (s.charCodeAt(q) === Ch.COLON) {
          q = this.flowSpace(q + 1);
          const c = s.charCodeAt(q);
          // `{a: }`, `{a:, b}`: js-yaml reads no node there and gives an empty value.
          if (c === Ch.COMMA || c === close) this.empty();
          else q = this.flowSpace(this.flowNode(q, depth, false));
        } else {
          // `{a}` / `{a, b: c}`: a key without ':' has an empty value.
          this.empty();
        }
      } else {
        q = this.flowSpace(this.flowNode(q, depth, false));
        // `[a: b]` is a single-pair mapping inside the sequence: left to js-yaml.
        if (s.charCodeAt(q) === Ch.COLON) throw BAIL;
      }
      const c = s.charCodeAt(q);
      if (c === close) break;
      if (c !== Ch.COMMA) throw BAIL;
      // js-yaml takes a closing bracket right after a comma (a trailing comma); a second comma fails in flowNode.
      q = this.flowSpace(q + 1);
    }
    this.events.push({ type: EVENT_ID.POP });
    return q + 1;
  }

  /**
   * Spaces inside a flow collection from q: returns the next character's position. A line break or
   * the end (a collection spanning lines, or unterminated) and '#' (a comment, which also runs to the
   * line's end, or an error) bail out.
   */
  private flowSpace(q: number): number {
    const { s, n } = this;
    while (q < n && s.charCodeAt(q) === Ch.SPACE) q++;
    const c = s.charCodeAt(q);
    if (q >= n || c === Ch.LF || c === Ch.CR || c === Ch.HASH) throw BAIL;
    return q;
  }

  /** A node inside a flow collection at p (a nested collection only as a value). Returns the position after it. */
  private flowNode(p: number, depth: number, isKey: boolean): number {
    const { s, n } = this;
    const c0 = s.charCodeAt(p);
    if (c0 === Ch.LBRACKET || c0 === Ch.LBRACE) {
      if (isKey) throw BAIL;
      return this.flow(p, depth + 1);
    }
    if (c0 === Ch.DQUOTE || c0 === Ch.SQUOTE) {
      this.scanQuoted(p);
      this.scalar(p + 1, this.end, c0 === Ch.DQUOTE ? 3 : 2, this.simple);
      return this.end + 1;
    }
    // A plain scalar in flow context (js-yaml canStartPlainScalar / readPlainScalar with CONTEXT_FLOW_IN);
    // this also refuses `? ` keys, anchors, aliases, tags and a ',' where a node should be.
    if (indicator(c0)) throw BAIL;
    if ((c0 === Ch.DASH || c0 === Ch.QUESTION) && (p + 1 >= n || this.ws(s.charCodeAt(p + 1)) || flowIndicator(s.charCodeAt(p + 1)))) throw BAIL;
    let end = p;
    let k = p;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c === Ch.COLON) {
        const f = s.charCodeAt(k + 1);
        if (k + 1 >= n || this.ws(f) || flowIndicator(f)) break;
      } else if (c === Ch.HASH) {
        // ' #' starts a comment, so the collection would go on past this line.
        if (s.charCodeAt(k - 1) === Ch.SPACE) throw BAIL;
      } else if (flowIndicator(c)) {
        break;
      } else if (c === Ch.LF || c === Ch.CR) {
        throw BAIL;
      }
      if (c !== Ch.SPACE) end = k + 1;
    }
    if (k >= n || end === p) throw BAIL;
    this.scalar(p, end, 1, true);
    return k;
  }

  /**
   * A block scalar whose `|` or `>` is at r, in a collection at column indent (js-yaml readBlockScalar
   * with parentIndent = indent + 1). Only an optional chomping indicator: an explicit indentation
   * digit, a document marker ending the scalar, or over-indented leading blank lines bail out.
   */
  private blockScalar(r: number, indent: number): number {
    const { s, n } = this;
    const parentIndent = indent + 1;
    let q = r + 1;
    let chomping: 1 | 2 | 3 = 1;
    const h = s.charCodeAt(q);
    if (h === Ch.PLUS || h === Ch.DASH) {
      chomping = h === Ch.PLUS ? 3 : 2;
      q++;
    }
    const h2 = s.charCodeAt(q);
    if (h2 === Ch.PLUS || h2 === Ch.DASH || (h2 >= 48 && h2 <= 57)) throw BAIL;
    let p = this.restOfLine(q);
    const valueStart = p;
    let valueEnd = p;
    let contentIndent = -1;
    let maxLeading = 0;
    while (p < n) {
      let k = p;
      while (k < n && s.charCodeAt(k) === Ch.SPACE) k++;
      if (k >= n) throw BAIL;
      const first = s.charCodeAt(k);
      const col = k - p;
      if (first === Ch.LF || first === Ch.CR) {
        if (contentIndent === -1 && col > maxLeading) maxLeading = col;
      } else {
        if (col === 0 && (this.marker(p, Ch.DASH) || this.marker(p, Ch.DOT))) throw BAIL;
        if (contentIndent === -1) {
          if (col < parentIndent) break;
          if (col < maxLeading) throw BAIL;
          contentIndent = col;
        } else if (col < contentIndent) {
          break;
        }
      }
      p = this.lineAfter(k);
      valueEnd = p;
    }
    this.events.push({ type: EVENT_ID.SCALAR, valueStart, valueEnd, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: s.charCodeAt(r) === Ch.PIPE ? 4 : 5, chomping, indent: contentIndent, fast: false });
    return this.nextContent(p);
  }

  /**
   * js-yaml continues a plain scalar on the next non-blank line (comment lines included) indented at
   * least `min`; that is a multi-line scalar (or a different `fast` flag), so bail out.
   */
  private continuation(p: number, min: number): void {
    const { s, n } = this;
    for (;;) {
      let q = p;
      while (q < n && s.charCodeAt(q) === Ch.SPACE) q++;
      const c = q < n ? s.charCodeAt(q) : -1;
      if (c === Ch.LF) p = q + 1;
      else if (c === Ch.CR) p = q + 2;
      else if (q - p >= min) throw BAIL;
      else return;
    }
  }

  /** A block sequence whose first '-' is at p, column indent. Returns the next content position. */
  private sequence(p: number, indent: number, depth: number): number {
    this.depthCheck(depth);
    const { s, n } = this;
    this.events.push({ type: EVENT_ID.SEQUENCE, start: p, anchorStart: this.anchorStart, anchorEnd: this.anchorEnd, tagStart: -1, tagEnd: -1, style: 1 });
    this.anchorStart = this.anchorEnd = -1;
    for (;;) {
      let r = p + 1;
      while (r < n && s.charCodeAt(r) === Ch.SPACE) r++;
      let c = r < n ? s.charCodeAt(r) : -1;
      const anchored = c === Ch.AMP;
      if (anchored) {
        r = this.anchor(r);
        c = r < n ? s.charCodeAt(r) : -1;
      }
      if (c === -1 || c === Ch.LF || c === Ch.CR || c === Ch.HASH) {
        p = this.nodeBelow(this.lineAfter(r), indent, depth, false);
      } else if (c === Ch.STAR) {
        p = this.alias(r);
      } else if (anchored && (this.seqEntry(r) || this.key(r) >= 0)) {
        // An anchor before a compact collection (js-yaml's property-mapping rules): left to js-yaml.
        throw BAIL;
      } else if (this.seqEntry(r)) {
        p = this.sequence(r, r - this.ls, depth + 1);
      } else if (c !== Ch.PIPE && c !== Ch.GT && c !== Ch.LBRACKET && c !== Ch.LBRACE && this.key(r) >= 0) {
        p = this.mapping(r, r - this.ls, depth + 1);
      } else {
        // js-yaml reads an entry's flow collection as a would-be mapping key, one parseNode level deeper.
        p = this.inlineScalar(r, indent, depth + 2);
      }
      if (p < 0 || this.col < indent) break;
      if (this.col > indent) throw BAIL;
      if (!this.seqEntry(p)) break;
    }
    this.events.push({ type: EVENT_ID.POP });
    return p;
  }
}
