import { rubyToS, type HValue } from '../../value/index.js';

/** One `%{...}` token as Puppet's `/%\{([^\}]*)\}/` finds it, with offsets into the string. */
export interface InterpolationToken {
  start: number;
  end: number;
  /** The text between the braces, stripped, as Puppet evaluates it. */
  expr: string;
  method?: { name: string; arg: string };
  /** `name(...)` whose argument Puppet does not accept as a method call (unquoted, empty, mixed quotes). */
  badMethodCall?: string;
}

const METHOD = /^(\w+)\((?:"([^"]+)"|'([^']+)')\)$/;
const METHOD_LIKE = /^(\w+)\s*\(.*\)$/s;

export const METHODS = new Set(['lookup', 'hiera', 'alias', 'literal', 'scope']);
/** Expressions that interpolate to '' (Puppet's escapes). */
const EMPTY = new Set(['', '::', '""', "''", '"::"', "'::'"]);

// Several rules tokenize the same scalar one after another: remember the last answer (shared, read-only).
let lastText: string | undefined;
let lastTokens: readonly InterpolationToken[] = [];
const NONE: readonly InterpolationToken[] = Object.freeze([]);

export function tokenize(s: string): readonly InterpolationToken[] {
  if (!s.includes('%{')) return NONE;
  if (s === lastText) return lastTokens;
  const out = scan(s);
  lastText = s;
  lastTokens = out;
  return out;
}

/** Puppet's `/%\{([^}]*)\}/` applied repeatedly, as index searches: this runs for every scalar of a lint. */
function scan(s: string): InterpolationToken[] {
  const out: InterpolationToken[] = [];
  for (let start = s.indexOf('%{'); start >= 0; start = s.indexOf('%{', start)) {
    const close = s.indexOf('}', start + 2);
    // No '}' after this '%{' means none after any later one either.
    if (close < 0) break;
    const a = analyse(s.slice(start + 2, close));
    const tok: InterpolationToken = { start, end: close + 1, expr: a.expr };
    if (a.method) tok.method = a.method;
    if (a.badMethodCall !== undefined) tok.badMethodCall = a.badMethodCall;
    out.push(tok);
    start = close + 1;
  }
  return out;
}

type Analysis = Pick<InterpolationToken, 'expr' | 'method' | 'badMethodCall'>;
const ANALYSIS_CACHE_MAX = 4096;
const analyses = new Map<string, Analysis>();

/** The same few expressions recur across a repo: read each once (bounded; answers are shared, read-only). */
function analyse(inner: string): Analysis {
  let a = analyses.get(inner);
  if (a) return a;
  const expr = inner.trim();
  a = { expr };
  const mm = METHOD.exec(expr);
  if (mm) a.method = { name: mm[1]!, arg: mm[2] ?? mm[3]! };
  else if (METHOD_LIKE.test(expr)) a.badMethodCall = expr.slice(0, expr.indexOf('(')).trim();
  if (analyses.size >= ANALYSIS_CACHE_MAX) analyses.clear();
  analyses.set(inner, a);
  return a;
}

export function isEmptyEscape(expr: string): boolean {
  return EMPTY.has(expr);
}

/** Offsets of every `%{` that no token closes (Puppet leaves it literal). */
export function unclosedStarts(s: string): number[] {
  // Scans the gaps between tokens in place instead of building a masked copy (hot on large trees).
  const out: number[] = [];
  let from = 0;
  const scan = (to: number): void => {
    for (let i = s.indexOf('%{', from); i >= 0 && i < to; i = s.indexOf('%{', i + 2)) out.push(i);
  };
  for (const t of tokenize(s)) {
    scan(t.start);
    from = t.end;
  }
  scan(s.length);
  return out;
}

/** Ruby to_s of a value a path interpolation meets (floats as Ruby writes them: 1.0e+20). */
export function scalarToS(v: HValue | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : rubyToS(v);
}
