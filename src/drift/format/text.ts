import { isDrift, nodeHasDrift } from '../drift.js';
import type { DriftResult } from '../types.js';
import { describe, describeEvent } from './common.js';

export function formatText(r: DriftResult, opts: { diff?: boolean } = {}): string {
  let out = '';
  for (const n of r.nodes) {
    out += `${n.node} (${n.phase}): ${nodeHasDrift(n) ? 'DRIFT' : 'no drift'}\n`;
    for (const d of n.diagnostics) out += `  ${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]\n`;
    for (const e of n.events ?? []) out += `  event ${describeEvent(e)}\n`;
    for (const f of n.files) {
      if (!f.changes.length && !f.diagnostics.length && !(opts.diff && f.diff)) continue;
      out += `  ${f.location}\n`;
      for (const d of f.diagnostics) out += `    ${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]\n`;
      for (const c of f.changes) out += `    ${isDrift(c) ? '*' : '-'} ${c.line ? `line ${c.line}: ` : ''}${describe(c)}\n`;
      if (opts.diff && f.diff) out += f.diff.replace(/^/gm, '    ').replace(/ +$/gm, '') + '\n';
    }
    if (n.coverage) out += `  Hiera keys covered: ${n.coverage.covered.length}, not covered: ${n.coverage.uncovered.join(', ') || 'none'}\n`;
  }
  const s = r.summary;
  out += `\n${s.nodes} node(s), ${s.nodesWithDrift} with drift; ${s.puppetWillRewrite} key(s) Puppet will rewrite, ${s.effectiveDiffers} with a different effective value`;
  out += `; changed ${s.byKind.changed}, missing ${s.byKind.missing}, should-be-absent ${s.byKind['should-be-absent']}, unmanaged ${s.byKind.unmanaged}, missing-file ${s.byKind['missing-file']}, cosmetic ${s.byKind.cosmetic}`;
  if (r.phase === 'after') out += `; ${s.corrective} corrective change(s), ${s.failures} failure(s)`;
  return out + '\n';
}
