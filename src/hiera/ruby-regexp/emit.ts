import type { ClassItem, Cls, Node, TypeKind } from './ast.js';
import { casedGroups, equivalents, foldOf, multiFoldChars, multiFolding } from './casefold.js';
import { RubySyntaxError } from './parse.js';

/** Ruby accepts the pattern but it cannot be translated exactly. */
export class UntranslatableError extends Error {}

/** Onigmo's \w, \d, \s, \h are ASCII in Ruby (their negations are not). */
const TYPE_JS: Record<TypeKind, string> = {
  w: '[a-zA-Z0-9_]',
  W: '[^a-zA-Z0-9_]',
  d: '[0-9]',
  D: '[^0-9]',
  s: '[\\t\\n\\v\\f\\r ]',
  S: '[^\\t\\n\\v\\f\\r ]',
  h: '[0-9a-fA-F]',
  H: '[^0-9a-fA-F]',
};

/** \b and \B use Onigmo's Unicode word characters, unlike \w. */
const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';

/** Ruby's only line terminator is \n: JS's m flag and `.` know four more. */
const ANCHORS: Record<Extract<Node, { t: 'anchor' }>['k'], string> = {
  // `^` does not match after a newline that ends the string.
  '^': '(?:(?<![\\s\\S])|(?<=\\n)(?=[\\s\\S]))',
  $: '(?![^\\n])',
  A: '(?<![\\s\\S])',
  z: '(?![\\s\\S])',
  Z: '(?=\\n?(?![\\s\\S]))',
  b: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  B: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
};

const MAX_OUTPUT = 50000;

/** A code point as a JS v-mode pattern character (also valid inside a class). */
function lit(cp: number): string {
  return /[A-Za-z0-9_]/.test(String.fromCodePoint(cp)) && cp < 128 ? String.fromCodePoint(cp) : `\\u{${cp.toString(16)}}`;
}

function setOf(cps: number[]): string {
  return cps.length === 1 ? lit(cps[0]!) : `[${cps.map(lit).join('')}]`;
}

interface GroupInfo {
  /** Matched exactly once whenever the match gets past it: no quantifier, alternation or negative/behind look-around above it. */
  stable: boolean;
}

/** Onigmo AST to a JS pattern for the `v` flag. */
export function emit(root: Node, groupCount: number): string {
  const groups = new Map<number, GroupInfo>();
  collectGroups(root, true, groups);
  const untranslatable: string[] = [];
  checkTree(root, groupCount, untranslatable);
  if (untranslatable.length) throw new UntranslatableError(untranslatable[0]);
  const out = new Emitter(groups).node(root, { lookBehind: false });
  if (out.length > MAX_OUTPUT) throw new UntranslatableError('case-insensitive text with too many multi-character folds');
  return out;
}

function collectGroups(n: Node, stable: boolean, groups: Map<number, GroupInfo>): void {
  switch (n.t) {
    case 'group':
      if (n.k === 'cap') groups.set(n.n!, { stable });
      collectGroups(n.body, stable && n.k !== 'nla' && n.k !== 'nlb' && n.k !== 'lb', groups);
      return;
    case 'quant':
      return collectGroups(n.body, false, groups);
    case 'alt':
      return n.alts.forEach((a) => collectGroups(a, false, groups));
    case 'seq':
      return n.items.forEach((a) => collectGroups(a, stable, groups));
    default:
  }
}

const LB_ERROR = 'invalid pattern in look-behind';

/**
 * Onigmo's checks after parsing (setup_tree), in pattern order: backreference numbers; look-behinds (fixed
 * length, alternatives at the top may differ; no backrefs, look-aheads, atomic groups, \\z, \\Z; no captures
 * in negative ones). Also refuses loops whose emptiness check JS does differently.
 */
function checkTree(n: Node, groupCount: number, untranslatable: string[]): void {
  switch (n.t) {
    case 'backref':
      if (n.num !== undefined && (n.num < 1 || n.num > groupCount)) throw new RubySyntaxError('invalid backref number/name');
      return;
    case 'group':
      if (n.k === 'lb' || n.k === 'nlb') lbLength(n.body, true, n.k === 'nlb');
      return checkTree(n.body, groupCount, untranslatable);
    case 'quant':
      checkTree(n.body, groupCount, untranslatable);
      // An optional iteration that matches nothing ends an Onigmo loop (the rest of the pattern goes on); JS
      // rejects the iteration and backtracks into it. Same answer unless an empty way is preferred over a longer one.
      if (n.max > n.min && nullable(n.body) && emptyFirst(n.body)) {
        untranslatable.push('a repeated group that can match the empty string before other text (Onigmo and JS end such loops differently)');
      }
      return;
    case 'alt':
      return n.alts.forEach((a) => checkTree(a, groupCount, untranslatable));
    case 'seq':
      return n.items.forEach((a) => checkTree(a, groupCount, untranslatable));
    default:
  }
}

/** Whether the node can match the empty string (backrefs and zero-width assertions count as able to). */
function nullable(n: Node): boolean {
  switch (n.t) {
    case 'char':
    case 'any':
    case 'class':
    case 'type':
      return false;
    case 'anchor':
    case 'backref':
      return true;
    case 'group':
      return n.k === 'la' || n.k === 'nla' || n.k === 'lb' || n.k === 'nlb' || nullable(n.body);
    case 'quant':
      return n.min === 0 || nullable(n.body);
    case 'alt':
      return n.alts.some(nullable);
    case 'seq':
      return n.items.every(nullable);
  }
}

/** Whether a way that matches less can be preferred over one that matches more: a nullable alternative before others, a lazy quantifier. */
function emptyFirst(n: Node): boolean {
  switch (n.t) {
    case 'group':
      return n.k !== 'la' && n.k !== 'nla' && n.k !== 'lb' && n.k !== 'nlb' && emptyFirst(n.body);
    case 'quant':
      return (n.mode === 'lazy' && n.max > n.min) || emptyFirst(n.body);
    case 'alt':
      return n.alts.some((a, i) => (i < n.alts.length - 1 && nullable(a)) || emptyFirst(a));
    case 'seq':
      return n.items.some(emptyFirst);
    case 'backref':
      return true;
    default:
      return false;
  }
}

/** The body's length in characters; 'var' only for differing alternatives at the top. */
function lbLength(n: Node, top: boolean, negative: boolean): number | 'var' {
  switch (n.t) {
    case 'char':
    case 'any':
    case 'class':
    case 'type':
      return 1;
    case 'anchor':
      if (n.k === 'z' || n.k === 'Z') throw new RubySyntaxError(LB_ERROR);
      return 0;
    case 'backref':
      throw new RubySyntaxError(LB_ERROR);
    case 'group':
      if (n.k === 'lb' || n.k === 'nlb') return 0;
      if (n.k === 'la' || n.k === 'nla' || n.k === 'atomic') throw new RubySyntaxError(LB_ERROR);
      if (n.k === 'cap' && negative) throw new RubySyntaxError(LB_ERROR);
      return fixed(lbLength(n.body, top && n.k === 'nc' && !n.options, negative));
    case 'quant': {
      if (n.min !== n.max) throw new RubySyntaxError(LB_ERROR);
      return fixed(lbLength(n.body, false, negative)) * n.min;
    }
    case 'alt': {
      const lens = n.alts.map((a) => fixed(lbLength(a, false, negative)));
      if (lens.every((l) => l === lens[0])) return lens[0]!;
      if (top) return 'var';
      throw new RubySyntaxError(LB_ERROR);
    }
    case 'seq': {
      if (n.items.length === 1) return lbLength(n.items[0]!, top, negative);
      let sum = 0;
      for (const item of n.items) sum += fixed(lbLength(item, false, negative));
      return sum;
    }
  }
}

function fixed(l: number | 'var'): number {
  if (l === 'var') throw new RubySyntaxError(LB_ERROR);
  return l;
}

interface Ctx {
  lookBehind: boolean;
}

class Emitter {
  private atomics = 0;
  private readonly open = new Set<number>();
  private readonly closed = new Set<number>();

  constructor(private readonly groups: Map<number, GroupInfo>) {}

  node(n: Node, ctx: Ctx): string {
    switch (n.t) {
      case 'char':
        return n.ci ? this.ciChar(n.cp, ctx) : lit(n.cp);
      case 'any':
        return n.dotall ? '[\\s\\S]' : '[^\\n]';
      case 'type':
        return TYPE_JS[n.k];
      case 'anchor':
        return ANCHORS[n.k];
      case 'class':
        return this.cls(n.cls, n.ci, ctx);
      case 'alt':
        return n.alts.map((a) => this.node(a, ctx)).join('|');
      case 'seq':
        return this.seq(n.items, ctx);
      case 'group':
        return this.group(n, ctx);
      case 'quant':
        return this.quant(n, ctx);
      case 'backref':
        return this.backref(n);
    }
  }

  private seq(items: Node[], ctx: Ctx): string {
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const start = it.t === 'char' && it.ci && it.run ? it.cp : it.t === 'class' && it.ci ? oneChar(it.cls) : undefined;
      if (start !== undefined) {
        // Onigmo folds a string node as a whole (`ss` matches ß); plain characters join it.
        const run = [start];
        for (let next = items[i + 1]; next?.t === 'char' && next.ci && next.run; next = items[i + 1]) run.push(next.cp), i++;
        out += this.run(run, ctx);
        continue;
      }
      out += this.node(it, ctx);
    }
    return out;
  }

  private group(n: Extract<Node, { t: 'group' }>, ctx: Ctx): string {
    const inner = (c: Ctx): string => this.node(n.body, c);
    switch (n.k) {
      case 'cap': {
        this.open.add(n.n!);
        const body = inner(ctx);
        this.open.delete(n.n!);
        this.closed.add(n.n!);
        return `(?<_g${n.n}>${body})`;
      }
      case 'nc':
        return `(?:${inner(ctx)})`;
      case 'atomic':
        return this.atomic(inner(ctx));
      case 'la':
        return `(?=${inner(ctx)})`;
      case 'nla':
        return `(?!${inner(ctx)})`;
      case 'lb':
        return `(?<=${inner({ lookBehind: true })})`;
      case 'nlb':
        return `(?<!${inner({ lookBehind: true })})`;
    }
  }

  /** JS has no atomic groups: a look-ahead does not backtrack into what it matched, a backreference consumes it. */
  private atomic(body: string): string {
    const name = `_a${++this.atomics}`;
    return `(?=(?<${name}>${body}))\\k<${name}>`;
  }

  private quant(n: Extract<Node, { t: 'quant' }>, ctx: Ctx): string {
    const run = n.min === n.max && n.min > 1 ? this.expandable(n.body) : undefined;
    if (run && run.length * n.min <= 100) {
      // Onigmo expands a fixed repeat of a string into one string node (so (?i)s{2} matches ß).
      return `(?:${this.run(Array.from({ length: n.min }, () => run).flat(), ctx)})`;
    }
    const body = `(?:${this.node(n.body, ctx)})`;
    const q =
      n.min === 0 && n.max === Infinity ? '*' : n.min === 1 && n.max === Infinity ? '+' : n.min === 0 && n.max === 1 ? '?' : n.max === Infinity ? `{${n.min},}` : n.min === n.max ? `{${n.min}}` : `{${n.min},${n.max}}`;
    if (n.mode === 'possessive') return this.atomic(body + q);
    return body + q + (n.mode === 'lazy' ? '?' : '');
  }

  /** The characters of a case-insensitive string node a fixed repeat expands (a character, or a `(?:...)` of plain characters). */
  private expandable(body: Node): number[] | undefined {
    if (body.t === 'char') return body.ci ? [body.cp] : undefined;
    if (body.t === 'group' && body.k === 'nc' && !body.options) {
      const b = body.body;
      const items = b.t === 'seq' ? b.items : [b];
      if (items.length && items.every((x) => x.t === 'char' && x.ci && (x.run || items.length === 1))) return items.map((x) => (x as { cp: number }).cp);
    }
    return undefined;
  }

  private backref(n: Extract<Node, { t: 'backref' }>): string {
    if (n.groups.length !== 1) throw new UntranslatableError('a backreference to a name several groups have');
    const g = n.groups[0]!;
    const info = this.groups.get(g)!;
    if (n.ci) throw new UntranslatableError('a case-insensitive backreference');
    if (!info.stable) throw new UntranslatableError('a backreference to a group that may be unset or repeated (Ruby keeps, JS resets captures)');
    // A group that has not matched yet: Onigmo's backreference fails (JS's would match the empty string).
    if (!this.closed.has(g)) return '(?!)';
    return `\\k<_g${g}>`;
  }

  /** One case-insensitive character: everything with the same fold, and the fold's string when it is several characters. */
  private ciChar(cp: number, ctx: Ctx): string {
    const f = foldOf(cp);
    if (f.length === 1) return setOf(equivalents(cp));
    if (ctx.lookBehind) throw new UntranslatableError('a case-insensitive multi-character fold in a look-behind');
    return this.foldString(f);
  }

  /** A case-insensitive string node: besides character by character, folds spanning characters (`ss` matches ß). */
  private run(cps: number[], ctx: Ctx): string {
    const from = (p: number): string => {
      if (p === cps.length) return '';
      const alts = [this.ciChar(cps[p]!, ctx) + from(p + 1)];
      for (let k = 2; k <= 3 && p + k <= cps.length; k++) {
        const chars = multiFoldChars(cps.slice(p, p + k).flatMap(foldOf));
        if (!chars) continue;
        if (ctx.lookBehind) throw new UntranslatableError('a case-insensitive multi-character fold in a look-behind');
        alts.push(setOf(chars) + from(p + k));
      }
      return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    };
    return from(0);
  }

  private cls(cls: Cls, ci: boolean, ctx: Ctx): string {
    const plain = classSet({ ...cls, neg: false }, false);
    if (!ci) return cls.neg ? `[^${plain}]` : plain;
    // Onigmo's case closure of a class (i_apply_case_fold): for each pair of characters with the same fold,
    // `to` is added when `from` is in the class; a pair across ASCII and non-ASCII only when `from` is there
    // through a character or range (not \w, \d, \s, \h); never a `to` in U+0080..U+00FF (Onigmo sets those in
    // its single-byte bitset, which UTF-8 matching never reads).
    const full = new RegExp(`^${plain}$`, 'v');
    const asc = new RegExp(`^${classSet({ ...cls, neg: false }, true)}$`, 'v');
    const has = (re: RegExp, c: number): boolean => re.test(String.fromCodePoint(c));
    const extra = new Set<number>();
    for (const group of casedGroups()) {
      for (const from of group) {
        if (!has(full, from)) continue;
        for (const to of group) {
          if (to === from || (to >= 0x80 && to <= 0xff) || has(full, to)) continue;
          if ((from < 0x80) !== (to < 0x80) && !has(asc, from)) continue;
          extra.add(to);
        }
      }
    }
    const closed = extra.size ? `[${plain}${[...extra].map(lit).join('')}]` : plain;
    if (cls.neg) return `[^${closed}]`;
    // A member whose fold is several characters also matches text folding to them (compared folded).
    const all = new RegExp(`^${closed}$`, 'v');
    const strings = new Map<string, number[]>();
    for (const c of multiFolding()) {
      if (!has(all, c)) continue;
      const f = foldOf(c);
      strings.set(String.fromCodePoint(...f), f);
    }
    if (!strings.size) return closed;
    if (ctx.lookBehind) throw new UntranslatableError('a case-insensitive multi-character fold in a look-behind');
    return `(?:${closed}|${[...strings.values()].map((f) => this.foldString(f)).join('|')})`;
  }

  /** Text whose fold is `f` (several characters): a character folding to all of it, or characters folding to each. */
  private foldString(f: number[]): string {
    return `(?:${setOf(multiFoldChars(f) ?? [])}|${f.map((c) => setOf(equivalents(c))).join('')})`;
  }
}

/**
 * The code point of a class of exactly one character, which Onigmo turns into a string node (is_onechar_cclass):
 * under (?i) it folds as text, and starts a string the next plain characters join.
 */
export function oneChar(cls: Cls): number | undefined {
  if (cls.neg) return undefined;
  const candidates = (items: ClassItem[]): number[] | undefined => {
    const out: number[] = [];
    for (const i of items) {
      if (i.t === 'cp') out.push(i.cp);
      else if (i.t === 'range') {
        if (i.to - i.from > 64) return undefined;
        for (let c = i.from; c <= i.to; c++) out.push(c);
      } else if (i.t === 'nested' && !i.cls.neg) {
        const all = i.cls.ands.map(candidates).filter((x): x is number[] => x !== undefined);
        if (!all.length) return undefined;
        out.push(...all.reduce((a, b) => (a.length <= b.length ? a : b)));
      } else return undefined;
      if (out.length > 64) return undefined;
    }
    return out;
  };
  const pools = cls.ands.map(candidates).filter((x): x is number[] => x !== undefined);
  if (!pools.length) return undefined;
  const re = new RegExp(`^${classSet(cls, false)}$`, 'v');
  const members = [...new Set(pools.reduce((a, b) => (a.length <= b.length ? a : b)))].filter((c) => re.test(String.fromCodePoint(c)));
  return members.length === 1 ? members[0] : undefined;
}

/** A class as a v-mode set; `noTypes` leaves \w etc. out (for the case-fold closure). */
function classSet(cls: Cls, noTypes: boolean): string {
  // V8 mis-repeats a negated class holding an empty `[]` ((?:[^[]])+ matches one character): never write one.
  const union = (items: ClassItem[]): string => items.map((i) => item(i, noTypes)).join('') || '[^\\s\\S]';
  const body = cls.ands.length === 1 ? union(cls.ands[0]!) : cls.ands.map((u) => `[${union(u)}]`).join('&&');
  return `[${cls.neg ? '^' : ''}${body}]`;
}

function item(i: ClassItem, noTypes: boolean): string {
  switch (i.t) {
    case 'cp':
      return lit(i.cp);
    case 'range':
      return `${lit(i.from)}-${lit(i.to)}`;
    case 'type':
      return noTypes ? '' : TYPE_JS[i.k];
    case 'prop':
      return i.js;
    case 'nested':
      return classSet(i.cls, noTypes);
  }
}
