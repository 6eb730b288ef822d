import type { Severity } from '../source/index.js';
import type { LintResult } from '../lint/types.js';

/** What a rule tells a reporter about itself (SARIF rules, docs links). */
export interface RuleInfo {
  id: string;
  description: string;
  severity: Severity;
  docsUrl: string;
}

/** Everything a reporter renders: already masked, already positioned; reporters only format. */
export interface ReportInput {
  results: readonly LintResult[];
  rules: ReadonlyMap<string, RuleInfo>;
  /** How many files were checked (clean ones included). */
  fileCount: number;
  /** Files checked, for formats that list passing files too (JUnit). */
  files?: readonly string[];
  toolVersion: string;
}

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (input: ReportInput, options: FormatOptions) => string;

export function totals(results: readonly LintResult[]): { errors: number; warnings: number; infos: number; suppressed: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let suppressed = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    suppressed += r.suppressedCount;
  }
  return { errors, warnings, infos, suppressed };
}

/** A key path as a JSON pointer (RFC 6901), the form the json and sarif outputs carry. */
export function pointer(path: readonly (string | number)[] | undefined): string | undefined {
  if (!path) return undefined;
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
