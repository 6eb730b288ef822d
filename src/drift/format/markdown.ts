import { isDrift, nodeHasDrift } from '../drift.js';
import type { DriftResult } from '../types.js';
import { describeEvent, showValues } from './common.js';

const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function formatMarkdown(r: DriftResult, opts: { diff?: boolean } = {}): string {
  const s = r.summary;
  let out = `# Drift report (${r.phase})\n\n${s.nodes} node(s), ${s.nodesWithDrift} with drift.\n\n`;
  out += '| node | drift | Puppet will rewrite | effective differs |\n|---|---|---|---|\n';
  for (const n of r.nodes) {
    const ch = n.files.flatMap((f) => f.changes).filter(isDrift);
    out += `| ${cell(n.node)} | ${nodeHasDrift(n) ? 'yes' : 'no'} | ${ch.filter((c) => c.puppetWillRewrite).length} | ${ch.filter((c) => c.effective === 'differs').length} |\n`;
  }
  for (const n of r.nodes) {
    out += `\n## ${cell(n.node)}\n`;
    if (n.events?.length) {
      out += '\n### Puppet run events\n\n';
      for (const e of n.events) out += `- ${cell(describeEvent(e))}\n`;
    }
    for (const f of n.files) {
      if (!f.changes.length) continue;
      out += `\n### \`${f.location}\`\n\n| section | key | kind | deployed | expected | Puppet will rewrite | effective | secret |\n|---|---|---|---|---|---|---|---|\n`;
      for (const c of f.changes) {
        out += `| ${cell(c.section)} | ${cell(c.key)} | ${c.kind}${c.willBeRemoved ? ' (will be removed)' : ''} | ${cell(showValues(c.deployed))} | ${cell(showValues(c.expected))} | ${c.puppetWillRewrite ? 'yes' : 'no'} | ${c.effective} | ${c.secret ? 'yes' : 'no'} |\n`;
      }
      if (opts.diff && f.diff) out += `\n\`\`\`diff\n${f.diff}\`\`\`\n`;
    }
  }
  return out;
}
