import type { DriftChange, ReportEvent } from '../types.js';

export function showValues(v: string[] | null): string {
  if (v === null) return '(absent)';
  if (v.length === 1) return JSON.stringify(v[0]);
  return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
}

/** One-line description of a change, the same wording in every format. */
export function describe(c: DriftChange): string {
  const where = c.kind === 'missing-file' ? '' : `[${c.section}] ${c.key}`;
  const level = c.puppetWillRewrite
    ? c.effective === 'differs' ? 'Puppet will rewrite; effective value differs' : 'Puppet will rewrite; effective value same (cosmetic)'
    : c.effective === 'differs' ? 'effective value differs; Puppet sees it in sync' : 'informational';
  const sec = c.secret ? ' (secret)' : '';
  let body: string;
  switch (c.kind) {
    case 'changed':
    case 'cosmetic':
      body = `${c.kind}${sec}: deployed ${showValues(c.deployed)}, expected ${showValues(c.expected)}`;
      break;
    case 'missing':
      body = `missing${sec}: expected ${showValues(c.expected)}`;
      break;
    case 'should-be-absent':
      body = `should be absent${sec}: deployed ${showValues(c.deployed)}`;
      break;
    case 'unmanaged':
      body = `unmanaged${sec}: deployed ${showValues(c.deployed)}${c.willBeRemoved ? ' (will be removed: purge_config)' : ''}`;
      break;
    case 'missing-file':
      body = 'missing file';
      break;
  }
  const extra = [c.persistsAfterRun ? 'persists after the run' : '', c.note ?? ''].filter(Boolean).join('; ');
  return `${where ? where + ': ' : ''}${body} — ${level}${extra ? ` (${extra})` : ''}`;
}

export function describeEvent(e: ReportEvent): string {
  const what = e.corrective ? 'corrected' : e.status === 'noop' ? 'would change (noop)' : e.status === 'failure' ? 'FAILED' : e.status;
  const vals = e.property === 'value' || e.property === undefined ? `${showValues(e.previous)} -> ${showValues(e.desired)}` : `${e.property}: ${showValues(e.previous)} -> ${showValues(e.desired)}`;
  return `${e.resource}: ${what}${e.secret ? ' (secret)' : ''}: ${vals}`;
}
