import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { HieradriftError, type Diagnostic } from '../source/index.js';
import { loadJson, type YNode } from '../yaml/index.js';
import { fileError, nodeAt } from './file-error.js';

/** `--baseline FILE`: findings a repo accepts for now, counted per fingerprint (never per line). */
export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  count: number;
}

/**
 * Stable across line shifts: rule, file, key path and message, but no position. Two identical
 * findings in one file share a fingerprint and are counted.
 */
export function fingerprint(d: Diagnostic): string {
  const h = createHash('sha256');
  // Some messages cite another line ("first at line 3"): the number is masked so a shift keeps the entry.
  const message = d.message.replace(/\b(lines? )\d+/g, '$1#');
  h.update(`${d.ruleId}\0${d.file}\0${JSON.stringify(d.path ?? [])}\0${message}`);
  return h.digest('hex').slice(0, 32);
}

export function createBaseline(diagnostics: readonly Diagnostic[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    const fp = fingerprint(d);
    const e = byKey.get(fp);
    if (e) e.count++;
    else byKey.set(fp, { file: d.file, ruleId: d.ruleId, fingerprint: fp, count: 1 });
  }
  const entries = [...byKey.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  return { version: 1, entries };
}

/** Drops findings the baseline covers (up to each entry's count); the rest stay. */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline): { kept: Diagnostic[]; suppressed: number } {
  const left = new Map(baseline.entries.map((e) => [e.fingerprint, e.count]));
  const kept: Diagnostic[] = [];
  let suppressed = 0;
  for (const d of diagnostics) {
    const fp = fingerprint(d);
    const n = left.get(fp) ?? 0;
    if (n > 0) {
      left.set(fp, n - 1);
      suppressed++;
    } else kept.push(d);
  }
  return { kept, suppressed };
}

/** Reads a baseline; a missing, unparsable or malformed file is a ConfigError naming the spot. */
export function readBaseline(path: string, shown: string = path): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new HieradriftError('config', `cannot read baseline ${shown}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    // JSON.parse says only "at position N" (and not on every Node): the project's JSON reader gives line and column.
    const refused = loadJson(text, shown).error;
    const at = refused ? { line: refused.line, column: refused.column, endLine: refused.endLine, endColumn: refused.endColumn } : undefined;
    throw fileError('config', shown, text, [{ message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}`, ...(at ? { at } : {}) }]);
  }
  const root = (): YNode | null => loadJson(text, shown).root;
  const fail = (message: string, path?: string[]): never => {
    const node = path ? nodeAt(root(), path) : undefined;
    throw fileError('config', shown, text, [{ message, ...(node ? { offset: node.span } : {}) }]);
  };
  const b = parsed as Baseline;
  if (!b || typeof b !== 'object' || Array.isArray(b)) fail('not a hieradrift baseline: expected a JSON object', []);
  if (b.version !== 1) fail('not a hieradrift baseline (version 1)', ['version']);
  if (!Array.isArray(b.entries)) fail("not a hieradrift baseline: 'entries' must be a list", ['entries']);
  b.entries.forEach((e, i) => {
    const ok =
      e !== null && typeof e === 'object' && typeof e.fingerprint === 'string' && typeof e.file === 'string' &&
      typeof e.ruleId === 'string' && Number.isInteger(e.count) && e.count > 0;
    if (!ok) fail(`entry ${i}: expected {file, ruleId, fingerprint, count} with a positive integer count`, ['entries', String(i)]);
  });
  return b;
}

export function writeBaseline(path: string, baseline: Baseline): void {
  try {
    writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (err) {
    throw new HieradriftError('io', `cannot write baseline ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
