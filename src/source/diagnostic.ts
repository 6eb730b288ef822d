/** How bad a finding is. `error` fails the gate, `warning` fails it only past --max-warnings. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * The one finding type: parse errors, schema errors, lint findings and drift all use it.
 * Positions are 1-based; the end is exclusive; columns count UTF-16 code units.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Data path of the finding inside the file (keys and indexes), when it has one. */
  path?: readonly (string | number)[];
  suggestion?: string;
}

/** A half-open range of UTF-16 offsets into a source text. */
export interface Span {
  start: number;
  end: number;
}

/** `file:line:column: message`, the form editors and terminals turn into links. */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]`;
}
