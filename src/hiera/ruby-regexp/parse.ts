import type { ClassItem, Cls, Node, TypeKind } from './ast.js';
import { POSIX, propertySet } from './props.js';

/** Ruby refuses the pattern (RegexpError); the message is Onigmo's / Ruby's. */
export class RubySyntaxError extends Error {}

interface Opts {
  i: boolean;
  m: boolean;
  x: boolean;
}

export interface Parsed {
  root: Node;
  /** Capture groups after Onigmo's numbering (plain groups do not capture when there are named ones). */
  groupCount: number;
  /** The first construct Ruby accepts that cannot be translated exactly. */
  untranslatable?: string;
}

type Quant = Extract<Node, { t: 'quant' }>;

/** Onigmo's popular_quantifier_num: ?, *, +, ??, *?, +? (possessive and intervals are not). */
function popular(q: Quant): number {
  const base = q.min === 0 && q.max === 1 ? 0 : q.min === 0 && q.max === Infinity ? 1 : q.min === 1 && q.max === Infinity ? 2 : -1;
  if (base < 0 || q.mode === 'possessive') return -1;
  return q.mode === 'lazy' ? base + 3 : base;
}

type Reduce = 'del' | 'a' | 'aq' | 'qq' | 'p_qq' | 'pq_q' | 'asis';
/** Onigmo's ReduceTypeTable[inner][outer]. */
const REDUCE: Reduce[][] = [
  ['del', 'a', 'a', 'qq', 'aq', 'asis'],
  ['del', 'del', 'del', 'p_qq', 'p_qq', 'del'],
  ['a', 'a', 'del', 'asis', 'p_qq', 'del'],
  ['del', 'aq', 'aq', 'del', 'aq', 'aq'],
  ['del', 'del', 'del', 'del', 'del', 'del'],
  ['asis', 'pq_q', 'del', 'aq', 'aq', 'del'],
];

/** The quantifier an outer one applies to (through `(?:...)`, which Onigmo does not keep as a node). */
function innerQuant(n: Node): Quant | undefined {
  if (n.t === 'quant') return n;
  if (n.t === 'group' && n.k === 'nc' && !n.options) return innerQuant(n.body);
  if (n.t === 'seq' && n.items.length === 1) return innerQuant(n.items[0]!);
  return undefined;
}

/**
 * Onigmo rewrites a quantifier of a quantifier (set_quantifier): `a*?+` is `a*?`, `(?:a?)*` is `a*`, and
 * `(?:a*){2,5}` is `(?:a*){2}`; the results differ from JS's nesting (its empty-iteration check differs).
 */
function reduceNested(outer: Quant): Node {
  const inner = innerQuant(outer.body);
  if (!inner) return outer;
  const p = popular(outer);
  const c = popular(inner);
  if (c >= 0 && p >= 0) {
    const target = inner.body;
    switch (REDUCE[c]![p]!) {
      case 'del':
        return inner;
      case 'a':
        return { t: 'quant', body: target, min: 0, max: Infinity, mode: 'greedy' };
      case 'aq':
        return { t: 'quant', body: target, min: 0, max: Infinity, mode: 'lazy' };
      case 'qq':
        return { t: 'quant', body: target, min: 0, max: 1, mode: 'lazy' };
      case 'p_qq':
        return { t: 'quant', body: { t: 'quant', body: target, min: 1, max: Infinity, mode: 'greedy' }, min: 0, max: 1, mode: 'lazy' };
      case 'pq_q':
        return { t: 'quant', body: { t: 'quant', body: target, min: 1, max: Infinity, mode: 'lazy' }, min: 0, max: 1, mode: 'greedy' };
      case 'asis':
        return outer;
    }
  }
  if ((c === 1 || c === 2) && outer.max !== Infinity && outer.max > 1 && outer.mode === 'greedy') {
    return { ...outer, max: outer.min === 0 ? 1 : outer.min };
  }
  return outer;
}

const TYPES = new Set(['w', 'W', 'd', 'D', 's', 'S', 'h', 'H']);
const MAX_REPEAT = 100000;
/** Onigmo's ONIGENC_IS_CODE_SPACE for the extended (x) option's skipped whitespace. */
const X_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const CONTROL: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, v: 11, a: 7, e: 27 };

/** A recursive-descent parser over Onigmo's Ruby syntax (regparse.c), code point by code point. */
export function parse(source: string): Parsed {
  return new Parser(source).run();
}

class Parser {
  private readonly cps: number[];
  private pos = 0;
  private groups = 0;
  private readonly names = new Map<string, number[]>();
  private readonly namedGroups: Extract<Node, { t: 'group' }>[] = [];
  private readonly allGroups: Extract<Node, { t: 'group' }>[] = [];
  private readonly backrefs: Extract<Node, { t: 'backref' }>[] = [];
  private numberedRef = false;
  private untranslatable: string | undefined;

  constructor(source: string) {
    this.cps = Array.from(source, (c) => c.codePointAt(0)!);
  }

  run(): Parsed {
    const root = this.alt({ i: false, m: false, x: false }, 0);
    if (this.pos < this.cps.length) throw new RubySyntaxError('unmatched close parenthesis');
    let groupCount = this.groups;
    if (this.namedGroups.length) {
      if (this.numberedRef) throw new RubySyntaxError('numbered backref/call is not allowed. (use name)');
      // Onigmo: with named groups, plain groups do not capture; named ones are renumbered in order.
      const renumber = new Map<number, number>();
      for (const g of this.allGroups) {
        if (g.name === undefined) g.k = 'nc';
        else renumber.set(g.n!, renumber.size + 1);
      }
      for (const g of this.namedGroups) g.n = renumber.get(g.n!);
      for (const r of this.backrefs) r.groups = r.groups.map((n) => renumber.get(n)!);
      groupCount = this.namedGroups.length;
    }
    // Numbers are checked against the groups in emit's walk (Onigmo's setup_tree, in pattern order).
    for (const r of this.backrefs) if (r.num !== undefined) r.groups = [r.num];
    return { root, groupCount, untranslatable: this.untranslatable };
  }

  /** Remember the first construct hieradrift cannot translate; syntax errors later in the pattern still win. */
  private unsupported(what: string): void {
    this.untranslatable ??= what;
  }

  private peek(off = 0): number | undefined {
    return this.cps[this.pos + off];
  }

  private peekCh(off = 0): string {
    const c = this.cps[this.pos + off];
    return c === undefined ? '' : String.fromCodePoint(c);
  }

  private eof(): boolean {
    return this.pos >= this.cps.length;
  }

  /** Alternatives up to `)` or the end (not consumed). */
  private alt(opts: Opts, depth: number): Node {
    const alts: Node[] = [];
    for (;;) {
      const { node, rest } = this.seq(opts, depth);
      alts.push(node);
      if (rest) break;
      if (this.peekCh() === '|') {
        this.pos++;
        continue;
      }
      break;
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  /** `rest`: an option-only group `(?i)` took the rest of the enclosing group, alternatives included. */
  private seq(opts: Opts, depth: number): { node: Node; rest: boolean } {
    const items: Node[] = [];
    for (;;) {
      this.skipExtended(opts);
      if (this.eof()) break;
      const ch = this.peekCh();
      if (ch === '|' || ch === ')') {
        if (ch === ')' && depth === 0) throw new RubySyntaxError('unmatched close parenthesis');
        break;
      }
      const optionOnly = this.optionOnlyGroup(opts);
      if (optionOnly) {
        // Onigmo: `a(?i)b|c` is `a(?i:b|c)`.
        const body = this.alt(optionOnly, depth);
        items.push({ t: 'group', k: 'nc', body, options: true });
        return { node: { t: 'seq', items }, rest: true };
      }
      if (this.isQuantifierStart()) throw new RubySyntaxError('target of repeat operator is not specified');
      const atom = this.atom(opts, depth);
      if (atom === undefined) continue; // a comment
      items.push(this.quantifiers(atom, opts));
    }
    return { node: { t: 'seq', items }, rest: false };
  }

  private skipExtended(opts: Opts): void {
    for (;;) {
      if (opts.x) {
        while (!this.eof() && X_SPACE.test(this.peekCh())) this.pos++;
        if (this.peekCh() === '#') {
          while (!this.eof() && this.peekCh() !== '\n') this.pos++;
          continue;
        }
      }
      if (this.peekCh() === '(' && this.peekCh(1) === '?' && this.peekCh(2) === '#') {
        this.pos += 3;
        for (;;) {
          if (this.eof()) throw new RubySyntaxError('end pattern in group');
          const c = this.peekCh();
          this.pos++;
          if (c === '\\') this.pos++;
          else if (c === ')') break;
        }
        continue;
      }
      return;
    }
  }

  private isQuantifierStart(): boolean {
    const ch = this.peekCh();
    if (ch === '*' || ch === '+' || ch === '?') return true;
    return ch === '{' && this.interval() !== undefined;
  }

  /** `{n}`, `{n,}`, `{,m}`, `{n,m}` at pos (not consumed); anything else is a literal `{`. */
  private interval(): { min: number; max: number; fixed: boolean; len: number } | undefined {
    let p = this.pos + 1;
    const digits = (): string => {
      let s = '';
      while (this.cps[p] !== undefined && this.cps[p]! >= 48 && this.cps[p]! <= 57) s += String.fromCharCode(this.cps[p++]!);
      return s;
    };
    const lo = digits();
    let hi: string | undefined;
    let comma = false;
    if (this.cps[p] === 44) {
      comma = true;
      p++;
      hi = digits();
    }
    if (this.cps[p] !== 125) return undefined;
    if (!lo && !hi) return undefined;
    const min = lo ? Number(lo) : 0;
    const max = comma ? (hi ? Number(hi) : Infinity) : min;
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new RubySyntaxError('too big number for repeat range');
    if (max < min) throw new RubySyntaxError('upper is smaller than lower in repeat range');
    return { min, max, fixed: !comma, len: p + 1 - this.pos };
  }

  private quantifiers(atom: Node, opts: Opts): Node {
    let node = atom;
    for (;;) {
      this.skipExtended(opts);
      const ch = this.peekCh();
      if (ch === '*' || ch === '+' || ch === '?') {
        this.pos++;
        const [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
        let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy';
        if (this.peekCh() === '?') {
          mode = 'lazy';
          this.pos++;
        } else if (this.peekCh() === '+') {
          mode = 'possessive';
          this.pos++;
        }
        node = reduceNested({ t: 'quant', body: node, min, max, mode });
        continue;
      }
      if (ch === '{') {
        const iv = this.interval();
        if (!iv) return node;
        this.pos += iv.len;
        let q: Quant = { t: 'quant', body: node, min: iv.min, max: iv.max, mode: 'greedy' };
        if (this.peekCh() === '?') {
          this.pos++;
          // Ruby: `a{n}?` is `(?:a{n})?`; `a{n,m}?` is lazy. `{n,m}+` is not possessive (a nested `+`).
          if (iv.fixed) q = { t: 'quant', body: reduceNested(q), min: 0, max: 1, mode: 'greedy' };
          else q.mode = 'lazy';
        }
        node = reduceNested(q);
        continue;
      }
      return node;
    }
  }

  /** `(?imx-imx)`: the new options, consumed; undefined (nothing consumed) for anything else. */
  private optionOnlyGroup(opts: Opts): Opts | undefined {
    if (this.peekCh() !== '(' || this.peekCh(1) !== '?') return undefined;
    let p = this.pos + 2;
    while (this.cps[p] !== undefined && /[imxadu-]/.test(String.fromCodePoint(this.cps[p]!))) p++;
    if (this.cps[p] !== 41 /* ) */ || p === this.pos + 2) return undefined;
    const next = this.options(this.pos + 2, p, opts);
    this.pos = p + 1;
    return next;
  }

  private options(from: number, to: number, opts: Opts): Opts {
    const next = { ...opts };
    let on = true;
    for (let p = from; p < to; p++) {
      const c = String.fromCodePoint(this.cps[p]!);
      if (c === '-') on = false;
      else if (c === 'i' || c === 'm' || c === 'x') next[c] = on;
      else if (on) this.unsupported(`the character set option (?${c}) (changes \\w, \\b and POSIX brackets)`);
      else throw new RubySyntaxError('undefined group option');
    }
    return next;
  }

  /** One atom; undefined when nothing was produced. */
  private atom(opts: Opts, depth: number): Node | undefined {
    const ch = this.peekCh();
    this.pos++;
    switch (ch) {
      case '(':
        return this.group(opts, depth);
      case '[':
        return { t: 'class', cls: this.charClass(opts), ci: opts.i };
      case '.':
        return { t: 'any', dotall: opts.m };
      case '^':
      case '$':
        return { t: 'anchor', k: ch };
      case '\\':
        return this.escape(opts);
      default:
        return { t: 'char', cp: this.cps[this.pos - 1]!, ci: opts.i, run: true };
    }
  }

  private group(opts: Opts, depth: number): Node {
    if (this.peekCh() !== '?') return this.capture(opts, depth, undefined);
    this.pos++;
    const c = this.peekCh();
    const body = (k: Extract<Node, { t: 'group' }>['k'], skip: number, o = opts): Node => {
      this.pos += skip;
      const b = this.alt(o, depth + 1);
      this.close();
      return { t: 'group', k, body: b };
    };
    if (this.eof()) throw new RubySyntaxError('end pattern in group');
    if (c === ':') return body('nc', 1);
    if (c === '=') return body('la', 1);
    if (c === '!') return body('nla', 1);
    if (c === '>') return body('atomic', 1);
    if (c === '~') {
      this.unsupported('the absence operator (?~...)');
      return body('nc', 1);
    }
    if (c === '<' && this.peekCh(1) === '=') return body('lb', 2);
    if (c === '<' && this.peekCh(1) === '!') return body('nlb', 2);
    if (c === '<' || c === "'") {
      this.pos++;
      const name = this.name(c === '<' ? '>' : "'");
      return this.capture(opts, depth, name);
    }
    if (c === '(') {
      this.pos++;
      const end = this.cps.indexOf(41, this.pos);
      if (end < 0) throw new RubySyntaxError('end pattern in group');
      const cond = String.fromCodePoint(...this.cps.slice(this.pos, end));
      const m = /^(?:<(.*)>|'(.*)'|(\d+))$/.exec(cond);
      if (!m) throw new RubySyntaxError('invalid conditional pattern');
      const name = m[1] ?? m[2];
      if (name !== undefined && !this.names.has(name)) throw new RubySyntaxError(`undefined name <${name}> reference`);
      if (m[3] !== undefined) this.backrefs.push({ t: 'backref', num: Number(m[3]), ci: false, groups: [] });
      this.numberedRef ||= m[3] !== undefined;
      this.pos = end + 1;
      this.unsupported('the conditional (?(cond)yes|no)');
      const b = this.alt(opts, depth + 1);
      this.close();
      return { t: 'group', k: 'nc', body: b };
    }
    let p = this.pos;
    while (this.cps[p] !== undefined && /[imxadu-]/.test(String.fromCodePoint(this.cps[p]!))) p++;
    if (this.cps[p] === 58 /* : */ && p > this.pos) {
      const o = this.options(this.pos, p, opts);
      const g = body('nc', p + 1 - this.pos, o);
      return { ...g, options: true } as Node;
    }
    if (this.cps[p] === undefined) throw new RubySyntaxError('end pattern in group');
    throw new RubySyntaxError('undefined group option');
  }

  private capture(opts: Opts, depth: number, name: string | undefined): Node {
    const n = ++this.groups;
    const g: Extract<Node, { t: 'group' }> = { t: 'group', k: 'cap', n, name, body: { t: 'seq', items: [] } };
    this.allGroups.push(g);
    if (name !== undefined) {
      this.namedGroups.push(g);
      const list = this.names.get(name) ?? [];
      list.push(n);
      this.names.set(name, list);
    }
    g.body = this.alt(opts, depth + 1);
    this.close();
    return g;
  }

  private close(): void {
    if (this.peekCh() !== ')') throw new RubySyntaxError('end pattern with unmatched parenthesis');
    this.pos++;
  }

  /** A group name up to `end` (consumed). */
  private name(end: string): string {
    const start = this.pos;
    while (!this.eof() && this.peekCh() !== end) this.pos++;
    const name = String.fromCodePoint(...this.cps.slice(start, this.pos));
    if (this.eof()) throw new RubySyntaxError(`invalid group name <${name}>`);
    this.pos++;
    if (name === '') throw new RubySyntaxError('group name is empty');
    if (/^[\d+-]/.test(name) || /[)(<>'\\]/.test(name)) throw new RubySyntaxError(`invalid group name <${name}>`);
    return name;
  }

  private escape(opts: Opts): Node {
    if (this.eof()) throw new RubySyntaxError('too short escape sequence');
    const c = this.peekCh();
    this.pos++;
    if (TYPES.has(c)) return { t: 'type', k: c as TypeKind };
    switch (c) {
      case 'A':
      case 'z':
      case 'Z':
      case 'b':
      case 'B':
        return { t: 'anchor', k: c };
      case 'G':
        this.unsupported('\\G (the search start position)');
        return { t: 'seq', items: [] };
      case 'K':
        this.unsupported('\\K (keep)');
        return { t: 'seq', items: [] };
      case 'X':
        this.unsupported('\\X (an extended grapheme cluster)');
        return { t: 'any', dotall: true };
      case 'R':
        this.unsupported('\\R (a linebreak sequence)');
        return { t: 'any', dotall: true };
      case 'p':
      case 'P':
        if (this.peekCh() !== '{') return { t: 'char', cp: c.codePointAt(0)!, ci: opts.i, run: true };
      {
        // Outside a class, \P{X} is Onigmo's negated class of X: under (?i) X's case closure is negated.
        const prop = this.property(false, true);
        return { t: 'class', cls: { neg: prop.neg !== (c === 'P'), ands: [[prop.item]] }, ci: opts.i };
      }
      case 'k':
        if (this.peekCh() !== '<' && this.peekCh() !== "'") return { t: 'char', cp: 107, ci: opts.i, run: true };
        return this.backrefByName(opts);
      case 'g':
        if (this.peekCh() !== '<' && this.peekCh() !== "'") return { t: 'char', cp: 103, ci: opts.i, run: true };
        this.rawName();
        this.unsupported('a subexpression call \\g<...>');
        return { t: 'seq', items: [] };
    }
    if (c >= '1' && c <= '9') {
      this.pos--;
      const start = this.pos;
      let digits = '';
      while (/[0-9]/.test(this.peekCh())) digits += this.peekCh(), this.pos++;
      const num = Number(digits);
      if (num <= 1000 && (num <= this.groups || num <= 9)) {
        const ref: Extract<Node, { t: 'backref' }> = { t: 'backref', num, ci: opts.i, groups: [] };
        this.backrefs.push(ref);
        this.numberedRef = true;
        return ref;
      }
      this.pos = start;
      if (c === '8' || c === '9') {
        this.pos++;
        return { t: 'char', cp: c.codePointAt(0)!, ci: opts.i, run: true };
      }
      return this.rawByte(this.octal(3));
    }
    if (c === '0') {
      this.pos--;
      return this.rawByte(this.octal(3));
    }
    const v = this.escapedValue(c, opts);
    if (Array.isArray(v)) return v.length === 1 ? v[0]! : { t: 'seq', items: v };
    return v;
  }

  /** Up to `max` octal digits at pos. */
  private octal(max: number): number {
    let n = 0;
    for (let i = 0; i < max && /[0-7]/.test(this.peekCh()); i++) n = n * 8 + Number(this.peekCh()), this.pos++;
    if (n > 0xff) throw new RubySyntaxError('too big number');
    return n;
  }

  /** `\xHH`, octal: raw bytes, which Ruby refuses above 0x7f in a UTF-8 pattern. */
  private rawByte(n: number): Node {
    if (n > 0x7f) throw new RubySyntaxError('invalid multibyte escape');
    return { t: 'char', cp: n, ci: false, run: false };
  }

  /** The escapes that stand for characters (outside and inside classes). */
  private escapedValue(c: string, opts: Opts): Node | Node[] {
    const lit = (cp: number, run = false): Node => ({ t: 'char', cp, ci: opts.i, run });
    if (c in CONTROL) return lit(CONTROL[c]!);
    if (c === 'x') {
      let h = '';
      while (h.length < 2 && /[0-9a-fA-F]/.test(this.peekCh())) h += this.peekCh(), this.pos++;
      if (!h) throw new RubySyntaxError('invalid hex escape');
      const n = parseInt(h, 16);
      if (n > 0x7f) throw new RubySyntaxError('invalid multibyte escape');
      return lit(n);
    }
    if (c === 'u') return this.unicodeEscape().map((cp) => lit(cp, cp > 0x7f));
    if (c === 'c' || c === 'C') return lit(this.control(c));
    if (c === 'M') {
      if (this.peekCh() !== '-' || this.peek(1) === undefined) throw new RubySyntaxError('too short meta escape');
      throw new RubySyntaxError(this.peekCh(1) === '\\' ? 'invalid multibyte escape' : 'too short escaped multibyte character');
    }
    return lit(c.codePointAt(0)!, true);
  }

  private control(c: string): number {
    if (c === 'C') {
      if (this.peekCh() !== '-') throw new RubySyntaxError('too short control escape');
      this.pos++;
    }
    if (this.eof()) throw new RubySyntaxError('too short control escape');
    let v = this.peek()!;
    this.pos++;
    if (v === 92 /* \ */) {
      const e = this.peekCh();
      this.pos++;
      if (e === 'c' || e === 'C') v = this.control(e);
      else if (e in CONTROL) v = CONTROL[e]!;
      else if (e === 'M') throw new RubySyntaxError('invalid multibyte escape');
      else if (e === '') throw new RubySyntaxError('too short control escape');
      else v = e.codePointAt(0)!;
    }
    if (v > 0x7f) throw new RubySyntaxError('invalid multibyte escape');
    return v === 63 ? 0x7f : v & 0x1f;
  }

  /** Ruby's `\uHHHH` and `\u{H H ...}` (expanded before Onigmo sees the pattern). */
  private unicodeEscape(): number[] {
    const check = (n: number): number => {
      if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) throw new RubySyntaxError('invalid Unicode range');
      return n;
    };
    if (this.peekCh() === '{') {
      const end = this.cps.indexOf(125, this.pos);
      const body = end < 0 ? '' : String.fromCodePoint(...this.cps.slice(this.pos + 1, end));
      if (end < 0 || !/^[ \t]*[0-9a-fA-F]{1,6}(?:[ \t]+[0-9a-fA-F]{1,6})*[ \t]*$/.test(body)) {
        throw new RubySyntaxError(/^[ \t]*$/.test(body) && end >= 0 ? 'invalid Unicode list' : 'invalid Unicode escape');
      }
      this.pos = end + 1;
      return body.trim().split(/[ \t]+/).map((h) => check(parseInt(h, 16)));
    }
    let h = '';
    while (h.length < 4 && /[0-9a-fA-F]/.test(this.peekCh())) h += this.peekCh(), this.pos++;
    if (h.length < 4) throw new RubySyntaxError('invalid Unicode escape');
    return [check(parseInt(h, 16))];
  }

  /** `\\p{...}` after the `p`; `split`: the negation is returned apart instead of applied to the item. */
  private property(negated: boolean, split: boolean): { item: ClassItem; neg: boolean } {
    const end = this.cps.indexOf(125, this.pos);
    const raw = end < 0 ? '' : String.fromCodePoint(...this.cps.slice(this.pos + 1, end));
    if (end < 0) throw new RubySyntaxError(`invalid character property name {${raw}}`);
    this.pos = end + 1;
    let name = raw;
    let neg = negated;
    if (name.startsWith('^')) {
      name = name.slice(1);
      neg = !neg;
    }
    const set = propertySet(name);
    if (set === undefined) throw new RubySyntaxError(`invalid character property name {${raw}}`);
    if ('unsupported' in set) {
      this.unsupported(`the character property \\p{${raw}}`);
      return { item: { t: 'prop', js: '[^\\s\\S]' }, neg: false };
    }
    if (split) return { item: { t: 'prop', js: set.js }, neg };
    return { item: { t: 'prop', js: neg ? `[^${set.js}]` : set.js }, neg: false };
  }

  /** `<...>` or `'...'` after \\k or \\g (consumed): a name, a number or a relative number, maybe with a level. */
  private rawName(): string {
    const open = this.peekCh();
    this.pos++;
    const end = this.cps.indexOf((open === '<' ? '>' : "'").codePointAt(0)!, this.pos);
    const raw = String.fromCodePoint(...this.cps.slice(this.pos, end < 0 ? this.cps.length : end));
    if (end < 0) throw new RubySyntaxError(`invalid group name <${raw}>`);
    if (raw === '') throw new RubySyntaxError('group name is empty');
    this.pos = end + 1;
    return raw;
  }

  private backrefByName(opts: Opts): Node {
    const raw = this.rawName();
    const ref: Extract<Node, { t: 'backref' }> = { t: 'backref', ci: opts.i, groups: [] };
    const m = /^(.*?)([+-]\d+)?$/.exec(raw)!;
    let base = m[1]!;
    let level = m[2];
    if (base === '' && level !== undefined) {
      base = level;
      level = undefined;
    }
    if (/^-?\d+$/.test(base)) {
      let num = Number(base);
      if (num < 0) num = this.groups + 1 + num;
      if (num <= 0) throw new RubySyntaxError('invalid backref number/name');
      ref.num = num;
      this.numberedRef = true;
    } else {
      const groups = this.names.get(base);
      if (!groups) throw new RubySyntaxError(`undefined name <${base}> reference`);
      ref.name = base;
      ref.groups = [...groups];
    }
    if (level !== undefined) this.unsupported('a backreference with a nest level \\k<name+n>');
    this.backrefs.push(ref);
    return ref;
  }

  /** After `[`: Onigmo's parse_char_class (ranges, nested classes, `&&`, POSIX brackets). */
  private charClass(opts: Opts): Cls {
    const cls: Cls = { neg: false, ands: [] };
    if (this.peekCh() === '^') {
      cls.neg = true;
      this.pos++;
    }
    let items: ClassItem[] = [];
    // Onigmo's states: a pending single value (which may start a range), a pending class item, a range's `-`.
    let pending: number | undefined;
    let pendingClass = false;
    let range = false;
    let complete = false;
    let first = true;
    const flush = (): void => {
      if (pending !== undefined) items.push({ t: 'cp', cp: pending });
      pending = undefined;
    };
    const value = (cp: number): void => {
      if (range) {
        if (pending! > cp) throw new RubySyntaxError('empty range in char class');
        items.push({ t: 'range', from: pending!, to: cp });
        pending = undefined;
        range = false;
        complete = true;
      } else {
        flush();
        pending = cp;
        pendingClass = false;
        complete = false;
      }
    };
    const classItem = (item: ClassItem): void => {
      if (range) throw new RubySyntaxError('char-class value at end of range');
      flush();
      items.push(item);
      pendingClass = true;
      complete = false;
    };
    for (;;) {
      if (this.eof()) throw new RubySyntaxError('premature end of char-class');
      const ch = this.peekCh();
      if (ch === ']' && first) {
        if (!this.closingBracketLater()) throw new RubySyntaxError('empty char-class');
        this.pos++;
        value(93);
        first = false;
        continue;
      }
      first = false;
      if (ch === ']') {
        this.pos++;
        if (range) value(45);
        flush();
        break;
      }
      if (ch === '-' ) {
        this.pos++;
        const next = this.peekCh();
        const closes = next === ']' || (next === '&' && this.peekCh(1) === '&');
        if (range) {
          value(45); // [!--x]: `-` ends the range
        } else if (pending !== undefined && !pendingClass) {
          if (closes) value(45);
          else range = true;
        } else if (pendingClass) {
          if (closes) value(45);
          else throw new RubySyntaxError('unmatched range specifier in char-class');
        } else if (complete) {
          value(45); // [a-b-c]: a literal `-`
        } else {
          value(45); // [-a]
        }
        continue;
      }
      if (ch === '&' && this.peekCh(1) === '&') {
        this.pos += 2;
        flush();
        cls.ands.push(items);
        items = [];
        pending = undefined;
        pendingClass = false;
        range = false;
        complete = false;
        continue;
      }
      if (ch === '[') {
        if (this.peekCh(1) === ':' && this.posixBracketAhead()) {
          const posix = this.posixBracket();
          if (posix) {
            classItem(posix);
            continue;
          }
        }
        this.pos++;
        // Onigmo ORs a nested class in without touching the range state ([a[d]-f] is a..f and d); what a
        // range ending in a nested class ([k-[a]]) matches is not worked out.
        if (range) {
          this.unsupported('a range ending in a nested class [a-[...]]');
          range = false;
          flush();
        }
        items.push({ t: 'nested', cls: this.charClass(opts) });
        continue;
      }
      this.pos++;
      if (ch === '\\') {
        if (this.eof()) throw new RubySyntaxError('premature end of char-class');
        const e = this.peekCh();
        this.pos++;
        if (TYPES.has(e)) {
          classItem({ t: 'type', k: e as TypeKind });
          continue;
        }
        if ((e === 'p' || e === 'P') && this.peekCh() === '{') {
          const prop = this.property(e === 'P', false);
          classItem(prop.item);
          continue;
        }
        if (e === 'b') {
          value(8);
          continue;
        }
        if (e >= '0' && e <= '7') {
          this.pos--;
          const n = this.octal(3);
          if (n > 0x7f) throw new RubySyntaxError('invalid multibyte escape');
          value(n);
          continue;
        }
        const v = this.escapedValue(e, opts);
        for (const n of Array.isArray(v) ? v : [v]) value((n as { cp: number }).cp);
        continue;
      }
      value(ch.codePointAt(0)!);
    }
    cls.ands.push(items);
    return cls;
  }

  /** Onigmo's code_exist_check: an unescaped `]` after a leading `]`. */
  private closingBracketLater(): boolean {
    for (let p = this.pos + 1; p < this.cps.length; p++) {
      if (this.cps[p] === 92) p++;
      else if (this.cps[p] === 93) return true;
    }
    return false;
  }

  /** Onigmo's str_exist_check_with_esc: `:]` before an unescaped `]`. */
  private posixBracketAhead(): boolean {
    for (let p = this.pos + 2; p < this.cps.length; p++) {
      if (this.cps[p] === 92) p++;
      else if (this.cps[p] === 58 && this.cps[p + 1] === 93) return true;
      else if (this.cps[p] === 93) return false;
    }
    return false;
  }

  /** `[:name:]` / `[:^name:]` at pos; undefined (pos unchanged) when it is a nested class after all. */
  private posixBracket(): ClassItem | undefined {
    const start = this.pos;
    let p = this.pos + 2;
    let neg = false;
    if (this.cps[p] === 94) {
      neg = true;
      p++;
    }
    for (const [name, js] of Object.entries(POSIX)) {
      const cand = Array.from(name, (c) => c.codePointAt(0)!);
      if (cand.every((c, i) => this.cps[p + i] === c) && this.cps[p + cand.length] === 58 && this.cps[p + cand.length + 1] === 93) {
        this.pos = p + cand.length + 2;
        return { t: 'prop', js: neg ? `[^${js}]` : js };
      }
    }
    // Onigmo: a `[:...:]` within 20 characters that is no known name is an error, anything else a nested class.
    let i = 0;
    let c: number | undefined;
    while (p < this.cps.length && (c = this.cps[p]) !== 58 && c !== 93) {
      if (++i > 20) break;
      p++;
    }
    if (this.cps[p] === 58 && p + 1 < this.cps.length && this.cps[p + 1] === 93) throw new RubySyntaxError('invalid POSIX bracket type');
    this.pos = start;
    return undefined;
  }
}
