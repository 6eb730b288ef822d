import { FAILSAFE_SCHEMA, eventsToAst, parseEvents, type Node as YNode } from 'js-yaml';
import type { Diagnostic } from '../source/index.js';
import type { ResourceFileTable } from './resource-files.js';
import type { ReportEvent } from './types.js';

/** Plain data from a YAML AST: no tag is ever resolved to a constructor, so `!ruby/object:` stays data. */
type Plain = null | string | Plain[] | Map<string, Plain>;

export interface RunReport {
  host: string;
  status: string;
  noop: boolean;
  events: ReportEvent[];
  diagnostics: Diagnostic[];
}

const MAX_NODES = 2_000_000;

/**
 * Reads Puppet's last_run_report.yaml safely: parsed with js-yaml's event/AST API under the
 * failsafe schema and walked by hand, so `!ruby/object:` tags are only labels and nothing runs.
 * Returns the `*_config` events (changes, failures, noop) per resource.
 */
export function readRunReport(text: string, file: string, table: ResourceFileTable, secretFor?: (resource: string) => boolean): RunReport {
  const diagnostics: Diagnostic[] = [];
  let root: Plain = null;
  try {
    const docs = eventsToAst(parseEvents(text, { filename: file, maxDepth: 200 }), { source: text, schema: FAILSAFE_SCHEMA });
    root = toPlain(docs[0]?.contents ?? null);
  } catch (e) {
    const m = /line (\d+)/.exec((e as Error).message);
    const line = m ? Number(m[1]) : 1;
    diagnostics.push({ ruleId: 'drift/report', severity: 'error', message: `cannot read the run report: ${(e as Error).message.split('\n')[0]}`, file, line, column: 1, endLine: line, endColumn: 1 });
    return { host: '', status: '', noop: false, events: [], diagnostics };
  }
  const r = root instanceof Map ? root : new Map<string, Plain>();
  const events: ReportEvent[] = [];
  const statuses = r.get('resource_statuses');
  if (statuses instanceof Map) {
    for (const [resource, st] of statuses) {
      if (!(st instanceof Map)) continue;
      const type = (s(st.get('resource_type')) ?? '').toLowerCase();
      if (!table.has(type)) continue;
      const title = s(st.get('title')) ?? '';
      const resourceCorrective = s(st.get('corrective_change')) === 'true';
      const evs = st.get('events');
      for (const ev of Array.isArray(evs) ? evs : []) {
        if (!(ev instanceof Map)) continue;
        const previous = list(ev.get('previous_value'));
        const desired = list(ev.get('desired_value'));
        const status = s(ev.get('status')) ?? '';
        const property = s(ev.get('property')) ?? undefined;
        const flagged = s(ev.get('corrective_change')) === 'true' || resourceCorrective;
        // Puppet flags corrective_change only when its transaction store saw the value in sync before;
        // a value property that existed and had to be changed is the drift an operator means.
        const fixedDrift = status === 'success' && property === 'value' && previous !== null && previous.length > 0;
        const e: ReportEvent = {
          resource, type, title, status, previous, desired, corrective: flagged || fixedDrift,
          message: s(ev.get('message')) ?? '', secret: secretFor?.(resource) ?? false,
        };
        if (property) e.property = property;
        events.push(e);
      }
      if (s(st.get('failed')) === 'true' && (!Array.isArray(evs) || evs.length === 0)) {
        events.push({ resource, type, title, status: 'failure', previous: null, desired: null, corrective: false, message: 'resource failed', secret: false });
      }
    }
  }
  return { host: s(r.get('host')) ?? '', status: s(r.get('status')) ?? '', noop: s(r.get('noop')) === 'true', events, diagnostics };
}

function toPlain(root: YNode | null): Plain {
  const anchors = new Map<string, Plain>();
  let budget = MAX_NODES;
  const walk = (n: YNode, depth: number): Plain => {
    if (--budget < 0 || depth > 200) throw new Error('report too large or too deeply nested');
    let out: Plain;
    if (n.kind === 'alias') return anchors.get(n.anchor) ?? null;
    if (n.kind === 'scalar') out = n.value === '' && !n.tagged ? null : n.value;
    else if (n.kind === 'sequence') out = n.items.map((x) => walk(x, depth + 1));
    else {
      const m = new Map<string, Plain>();
      for (const { key, value } of n.items) {
        const k = walk(key, depth + 1);
        m.set(typeof k === 'string' ? k : String(k), walk(value, depth + 1));
      }
      out = m;
    }
    if (n.anchor) anchors.set(n.anchor, out);
    return out;
  };
  return root ? walk(root, 0) : null;
}

function s(v: Plain | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function list(v: Plain | undefined): string[] | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : x === null ? '' : '?'));
  return null;
}
