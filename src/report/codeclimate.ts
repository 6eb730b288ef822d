import { createHash } from 'node:crypto';
import type { Formatter } from './types.js';

/** Rules whose findings are security issues (GitLab shows them as blockers). */
const SECURITY = new Set(['hiera/plaintext-secret', 'hiera/malformed-eyaml']);

/** GitLab Code Quality (a Code Climate issue array); fingerprints leave the line out so they survive edits. */
export const codeclimate: Formatter = (input) => {
  const seen = new Map<string, number>();
  const issues = input.results.flatMap((r) =>
    r.diagnostics.map((d) => {
      const base = createHash('md5').update(`${d.ruleId}\0${d.file}\0${JSON.stringify(d.path ?? [])}\0${d.message}`).digest('hex');
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const fingerprint = n ? createHash('md5').update(`${base}\0${n}`).digest('hex') : base;
      const security = SECURITY.has(d.ruleId);
      return {
        type: 'issue',
        check_name: d.ruleId,
        description: d.message,
        categories: [security ? 'Security' : 'Bug Risk'],
        severity: security && d.severity === 'error' ? 'blocker' : d.severity === 'error' ? 'major' : d.severity === 'warning' ? 'minor' : 'info',
        fingerprint,
        location: { path: d.file, lines: { begin: d.line, end: d.endLine } },
      };
    }),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
};
