import { pointer, totals, type Formatter } from './types.js';

/** The documented shape of schemas/lint-report.schema.json: ESLint's field names plus keyPath. */
export const json: Formatter = (input) => {
  const t = totals(input.results);
  const report = {
    tool: 'hieradrift',
    version: input.toolVersion,
    results: input.results.map((r) => ({
      filePath: r.file,
      messages: r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ...(d.path ? { keyPath: pointer(d.path) } : {}),
        ...(d.suggestion ? { suggestion: d.suggestion } : {}),
        ...(input.rules.get(d.ruleId) ? { docsUrl: input.rules.get(d.ruleId)!.docsUrl } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      suppressedCount: r.suppressedCount,
    })),
    summary: { fileCount: input.fileCount, errorCount: t.errors, warningCount: t.warnings, infoCount: t.infos, suppressedCount: t.suppressed },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
