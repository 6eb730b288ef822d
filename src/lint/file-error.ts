import { HieradriftError, LineCounter, type Diagnostic, type ErrorCode } from '../source/index.js';
import type { YNode } from '../yaml/index.js';
import { deref, keyString } from './yaml-nodes.js';

/** One problem of a config or baseline file, at an offset of its text when one is known. */
export interface FileProblem {
  message: string;
  offset?: { start: number; end: number };
  /** A position already in line/column form. */
  at?: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;
}

/**
 * A bad config or baseline file as one error: `FILE:LINE:COL: message` for the first problem (the CLI prints
 * the diagnostic's position) and one such line per further problem, so editors link each of them.
 */
export function fileError(code: ErrorCode, file: string, text: string | undefined, problems: readonly FileProblem[]): HieradriftError {
  const lc = text === undefined ? undefined : new LineCounter(text);
  const at = (p: FileProblem): Diagnostic | undefined => {
    if (p.at) return { ruleId: 'config', severity: 'error', message: p.message, file, ...p.at };
    if (!lc || !p.offset) return undefined;
    const a = lc.position(p.offset.start);
    const b = lc.position(Math.max(p.offset.end, p.offset.start));
    return { ruleId: 'config', severity: 'error', message: p.message, file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  // In file order, as an editor lists them; problems without a position last.
  const [first, ...rest] = [...problems].sort((x, y) => (x.offset?.start ?? (x.at ? 0 : Infinity)) - (y.offset?.start ?? (y.at ? 0 : Infinity)));
  const d = first ? at(first) : undefined;
  const lines = rest.map((p) => {
    const r = at(p);
    return r ? `${file}:${r.line}:${r.column}: ${p.message}` : `${file}: ${p.message}`;
  });
  const head = first ? (d ? first.message : `${file}: ${first.message}`) : `${file}: invalid`;
  return new HieradriftError(code, [head, ...lines].join('\n'), d);
}

/**
 * The node a data path leads to (or, with `key`, that key of the map there); when the path cannot be
 * followed to the end, the deepest node reached, so a message still points near its cause.
 */
export function nodeAt(root: YNode | null, path: readonly string[], key?: string): YNode | undefined {
  if (!root) return undefined;
  let cur = deref(root);
  const child = (n: YNode, seg: string, wantKey: boolean): YNode | undefined => {
    if (n.kind === 'map') {
      let found: YNode | undefined;
      for (const p of n.pairs) if (keyString(p.key) === seg || (p.key.kind === 'scalar' && p.key.source === seg)) found = wantKey ? p.key : p.value;
      return found;
    }
    if (n.kind === 'seq' && /^\d+$/.test(seg)) return n.items[Number(seg)];
    return undefined;
  };
  for (const seg of path) {
    const next = child(cur, seg, false);
    if (!next) return cur;
    cur = deref(next);
  }
  return key === undefined ? cur : child(cur, key, true) ?? cur;
}
