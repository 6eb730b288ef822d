import { compareFile, type CompareOptions } from './compare.js';
import { maskValues } from './mask.js';
import { normalizeGroup } from './oslo-view.js';
import { maskText } from '../security/index.js';
import { isSecretKey, schemaForFile } from './schema-view.js';
import type { DeployedFile, DriftChange, DriftKind, DriftResult, DriftSummary, ExpectedNode, NodeDrift, ReportEvent } from './types.js';

export interface DriftOptions extends CompareOptions {
  phase?: 'before' | 'after';
  /** After phase: the `*_config` events of the run (from readRunReport). */
  events?: ReportEvent[];
}

/** Drift of one node: every file its catalog (or Hiera) manages against the deployed files. */
export function computeDrift(expected: ExpectedNode, deployed: readonly DeployedFile[], options: DriftOptions = {}): NodeDrift {
  const byPath = new Map(deployed.map((d) => [d.path, d]));
  const files = expected.files.map((f) => compareFile(f, byPath.get(f.path) ?? { path: f.path, location: f.path, text: undefined }, options));
  const nd: NodeDrift = { node: expected.node, phase: options.phase ?? 'before', files, diagnostics: [...expected.diagnostics] };
  if (options.events) nd.events = options.events.map((e) => maskEvent(e, expected));
  if (expected.coverage) nd.coverage = expected.coverage;
  return nd;
}

/** A change that the next Puppet run acts on, or that services read differently: what exit code 1 means. */
export function isDrift(c: DriftChange): boolean {
  return c.puppetWillRewrite || c.effective === 'differs';
}

export function nodeHasDrift(n: NodeDrift): boolean {
  return n.files.some((f) => f.changes.some(isDrift));
}

const KINDS: DriftKind[] = ['changed', 'missing', 'should-be-absent', 'unmanaged', 'missing-file', 'cosmetic'];

export function summarize(nodes: readonly NodeDrift[], phase: 'before' | 'after' = 'before'): DriftResult {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<DriftKind, number>;
  const s: DriftSummary = { nodes: nodes.length, nodesWithDrift: 0, files: 0, byKind, puppetWillRewrite: 0, effectiveDiffers: 0, corrective: 0, failures: 0, errors: 0 };
  for (const n of nodes) {
    if (nodeHasDrift(n)) s.nodesWithDrift++;
    s.errors += n.diagnostics.filter((d) => d.severity === 'error').length;
    for (const f of n.files) {
      s.files++;
      s.errors += f.diagnostics.filter((d) => d.severity === 'error').length;
      for (const c of f.changes) {
        if (!isDrift(c)) continue;
        byKind[c.kind]++;
        if (c.puppetWillRewrite) s.puppetWillRewrite++;
        if (c.effective === 'differs') s.effectiveDiffers++;
      }
    }
    for (const e of n.events ?? []) {
      if (e.corrective) s.corrective++;
      if (e.status === 'failure') s.failures++;
    }
  }
  return { phase, nodes: [...nodes], summary: s };
}

/** Report events carry raw values even for `secret => true` resources: mask them like everything else. */
function maskEvent(e: ReportEvent, expected: ExpectedNode): ReportEvent {
  const slash = e.title.indexOf('/');
  const section = slash > 0 ? e.title.slice(0, slash) : '';
  const key = slash > 0 ? e.title.slice(slash + 1) : e.title;
  const file = expected.files.find((f) => f.type === e.type);
  const setting = file?.settings.find((s) => s.section === section && s.key === key);
  const schema = file ? schemaForFile(file.path) : undefined;
  const secret = e.secret || setting?.secret === true || isSecretKey(schema, normalizeGroup(section), key);
  return {
    ...e, secret,
    previous: e.previous && (e.property === 'ensure' ? e.previous : maskValues(e.previous, secret)),
    desired: e.desired && (e.property === 'ensure' ? e.desired : maskValues(e.desired, secret)),
    message: secret ? e.message.replace(/\[.*\] to \[.*\]$/, '[old secret redacted] to [new secret redacted]') : maskText(e.message),
  };
}
