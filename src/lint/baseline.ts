import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { HieradriftError, type Diagnostic } from '../source/index.js';

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
  h.update(`${d.ruleId}\0${d.file}\0${JSON.stringify(d.path ?? [])}\0${d.message}`);
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

export function readBaseline(path: string): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new HieradriftError('config', `cannot read baseline ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const b = parsed as Baseline;
  if (!b || b.version !== 1 || !Array.isArray(b.entries)) throw new HieradriftError('config', `${path}: not a hieradrift baseline (version 1)`);
  return b;
}

export function writeBaseline(path: string, baseline: Baseline): void {
  try {
    writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (err) {
    throw new HieradriftError('io', `cannot write baseline ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
