import { isDrift } from '../drift.js';
import type { DriftResult } from '../types.js';
import { describe } from './common.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');

/** One testsuite per node, one testcase per managed file; each drifting key is a failure. */
export function formatJunit(r: DriftResult): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const failures = r.nodes.reduce((a, n) => a + n.files.filter((f) => f.changes.some(isDrift)).length, 0);
  const tests = r.nodes.reduce((a, n) => a + n.files.length, 0);
  out += `<testsuites name="hieradrift drift (${r.phase})" tests="${tests}" failures="${failures}">\n`;
  for (const n of r.nodes) {
    const nf = n.files.filter((f) => f.changes.some(isDrift)).length;
    out += `  <testsuite name="${esc(n.node)}" tests="${n.files.length}" failures="${nf}">\n`;
    for (const f of n.files) {
      const drift = f.changes.filter(isDrift);
      out += `    <testcase classname="${esc(n.node)}" name="${esc(f.path)}"`;
      if (!drift.length) {
        out += '/>\n';
        continue;
      }
      out += `>\n      <failure message="${drift.length} drifting key(s)" type="drift">${esc(drift.map(describe).join('\n'))}</failure>\n    </testcase>\n`;
    }
    out += '  </testsuite>\n';
  }
  return out + '</testsuites>\n';
}
