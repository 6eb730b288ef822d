import type { DriftResult } from '../types.js';

/** The document schemas/drift-report.schema.json describes. */
export function formatJson(r: DriftResult, opts: { diff?: boolean } = {}): string {
  const doc = {
    phase: r.phase,
    nodes: r.nodes.map((n) => ({ ...n, files: n.files.map((f) => (opts.diff ? f : { ...f, diff: undefined })) })),
    summary: r.summary,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
