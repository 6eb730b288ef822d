import type { Diagnostic } from '../source/index.js';

export type DirectiveKind = 'disable-line' | 'disable-next-line' | 'disable-file' | 'disable' | 'enable';

/** One `# hieradrift-...` comment. Offsets cover the comment text. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it names; empty means every rule. */
  rules: string[];
  line: number;
  start: number;
  end: number;
  reason?: string;
  used: boolean;
}

const DIRECTIVE = /^#\s*hieradrift-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)([^]*)$/;

/**
 * Finds directives in YAML comments. A `#` starts a comment at the start of a line or after
 * whitespace, outside quotes (the YAML rule); quotes are tracked per line, which covers data files.
 */
export function parseDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('hieradrift-')) return out;
  let lineStart = 0;
  let line = 1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const hash = commentStart(text, lineStart, lineEnd);
    if (hash >= 0) {
      const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      const m = DIRECTIVE.exec(text.slice(hash, end));
      if (m) {
        const [list, reason] = splitReason(m[2]!);
        out.push({
          kind: m[1] as DirectiveKind,
          rules: list.split(/[\s,]+/).filter(Boolean),
          line,
          start: hash,
          end,
          ...(reason ? { reason } : {}),
          used: false,
        });
      }
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return out;
}

function splitReason(rest: string): [string, string | undefined] {
  const i = rest.indexOf(' -- ');
  return i < 0 ? [rest.trim(), undefined] : [rest.slice(0, i).trim(), rest.slice(i + 4).trim()];
}

function commentStart(text: string, from: number, to: number): number {
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '#') {
      if (i === from || text[i - 1] === ' ' || text[i - 1] === '\t') return i;
    } else if ((c === '"' || c === "'") && (i === from || /[\s:\-[{,]/.test(text[i - 1]!))) quote = c;
  }
  return -1;
}

function names(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

/** Whether directives suppress a finding; marks every directive that does as used. */
export function isSuppressed(directives: readonly Directive[], d: Pick<Diagnostic, 'ruleId' | 'line'>): boolean {
  let hit = false;
  let blockOpen: Directive[] = [];
  for (const dir of directives) {
    if (dir.kind === 'disable' || dir.kind === 'enable') {
      if (dir.line > d.line) continue;
      if (dir.kind === 'disable') blockOpen.push(dir);
      else blockOpen = blockOpen.filter((b) => !(dir.rules.length === 0 || b.rules.every((r) => dir.rules.includes(r))));
      continue;
    }
    const covers =
      dir.kind === 'disable-file' ||
      (dir.kind === 'disable-line' && dir.line === d.line) ||
      (dir.kind === 'disable-next-line' && dir.line + 1 === d.line);
    if (covers && names(dir, d.ruleId)) {
      dir.used = true;
      hit = true;
    }
  }
  for (const b of blockOpen) {
    if (names(b, d.ruleId)) {
      b.used = true;
      hit = true;
    }
  }
  return hit;
}
