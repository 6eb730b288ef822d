import { isDrift, nodeHasDrift } from '../drift.js';
import type { DriftResult } from '../types.js';
import { describeEvent, showValues } from './common.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
.drift{color:#b00020;font-weight:600}.ok{color:#1b7f3b}code,pre{font:12px ui-monospace,monospace}pre{background:#f7f7f7;padding:8px;overflow:auto}`;

/** One self-contained page (no scripts, no external assets) with a per-node table. */
export function formatHtml(r: DriftResult, opts: { diff?: boolean } = {}): string {
  const s = r.summary;
  let body = `<h1>hieradrift drift report (${esc(r.phase)})</h1>\n<p id="summary">${s.nodes} node(s), ${s.nodesWithDrift} with drift</p>\n`;
  body += '<table id="nodes"><thead><tr><th>node</th><th>status</th><th>Puppet will rewrite</th><th>effective differs</th></tr></thead><tbody>\n';
  for (const n of r.nodes) {
    const ch = n.files.flatMap((f) => f.changes).filter(isDrift);
    const d = nodeHasDrift(n);
    body += `<tr><td><a href="#node-${esc(n.node)}">${esc(n.node)}</a></td><td class="${d ? 'drift' : 'ok'}">${d ? 'drift' : 'in sync'}</td><td>${ch.filter((c) => c.puppetWillRewrite).length}</td><td>${ch.filter((c) => c.effective === 'differs').length}</td></tr>\n`;
  }
  body += '</tbody></table>\n';
  for (const n of r.nodes) {
    body += `<h2 id="node-${esc(n.node)}">${esc(n.node)}</h2>\n`;
    if (n.events?.length) body += `<ul>${n.events.map((e) => `<li>${esc(describeEvent(e))}</li>`).join('')}</ul>\n`;
    for (const f of n.files) {
      if (!f.changes.length) continue;
      body += `<h3><code>${esc(f.location)}</code></h3>\n<table class="changes"><thead><tr><th>section</th><th>key</th><th>kind</th><th>deployed</th><th>expected</th><th>Puppet will rewrite</th><th>effective</th></tr></thead><tbody>\n`;
      for (const c of f.changes) {
        body += `<tr class="${isDrift(c) ? 'drift' : ''}"><td>${esc(c.section)}</td><td>${esc(c.key)}</td><td>${esc(c.kind)}${c.secret ? ' (secret)' : ''}${c.willBeRemoved ? ' (will be removed)' : ''}</td><td><code>${esc(showValues(c.deployed))}</code></td><td><code>${esc(showValues(c.expected))}</code></td><td>${c.puppetWillRewrite ? 'yes' : 'no'}</td><td>${esc(c.effective)}</td></tr>\n`;
      }
      body += '</tbody></table>\n';
      if (opts.diff && f.diff) body += `<pre>${esc(f.diff)}</pre>\n`;
    }
  }
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>hieradrift drift report</title><style>${STYLE}</style></head><body>\n${body}</body></html>\n`;
}
