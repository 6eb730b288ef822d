import type { Diagnostic } from '../source/index.js';
import { maskFileText, maskValues } from './mask.js';
import { normalizeGroup, osloLineValue, osloView, type OsloView } from './oslo-view.js';
import { PuppetIniFile } from './puppet-ini.js';
import { isSecretKey, optionDef, schemaForFile, typedKey, type DriftOptionDef, type DriftSchema } from './schema-view.js';
import { puppetWillRewrite, simulateRun } from './simulate.js';
import type { DeployedFile, DriftChange, ExpectedFile, ExpectedSetting, FileDrift } from './types.js';
import { createTwoFilesPatch } from 'diff';

export interface CompareOptions {
  /** List keys the catalog does not manage even without purge_config (informational, not drift). */
  unmanaged?: boolean;
  /** Attach a unified diff of the file as Puppet would leave it. */
  diff?: boolean;
  /** Override the schema lookup (tests, or a caller with its own schema). */
  schema?: DriftSchema | null;
}

/** Compares one expected file with its deployed text at both levels. */
export function compareFile(exp: ExpectedFile, dep: DeployedFile, options: CompareOptions = {}): FileDrift {
  const schema = options.schema === null ? undefined : (options.schema ?? schemaForFile(exp.path));
  const diagnostics: Diagnostic[] = [];
  const changes: DriftChange[] = [];
  const fd: FileDrift = { path: exp.path, location: dep.location, type: exp.type, changes, diagnostics };
  const secretKeys = new Set<string>();
  for (const s of exp.settings) if (s.secret) secretKeys.add(`${normalizeGroup(s.section)}\0${s.key}`);
  const isSecret = (group: string, key: string): boolean => secretKeys.has(`${group}\0${key}`) || isSecretKey(schema, group, key);

  // Simulating the run costs a parse and a render: only when something differs, purge applies, or --diff asks.
  let afterRun: ReturnType<typeof simulateRun> | undefined;
  const after = (): ReturnType<typeof simulateRun> => (afterRun ??= simulateRun(exp, dep.text));
  if (options.diff) fd.diff = unifiedDiff(exp.path, dep.text, after().text, isSecret);

  if (dep.text === undefined) {
    if (exp.settings.some((s) => s.ensure === 'present' || s.ensure === 'present-any')) {
      changes.push({ section: '', key: '', kind: 'missing-file', expected: null, deployed: null, puppetWillRewrite: true, effective: 'differs', secret: false, note: `${dep.location} does not exist` });
    }
    return fd;
  }

  const oslo = osloView(dep.text, dep.location);
  if (oslo.error) diagnostics.push(oslo.error);
  diagnostics.push(...oslo.diagnostics);
  let postView: OsloView | undefined | null = null;
  const post = (): OsloView | undefined => {
    if (postView === null) postView = after().text === undefined ? undefined : osloView(after().text!, dep.location);
    return postView;
  };
  const puppet = new PuppetIniFile(dep.text);
  const managedOslo = new Set<string>();
  const managedPuppet = new Set<string>();

  for (const s of exp.settings) {
    const group = normalizeGroup(s.section);
    managedOslo.add(`${group}\0${s.key}`);
    managedPuppet.add(`${s.section}\0${s.key}`);
    const def = optionDef(schema, group, s.key);
    const secret = isSecret(group, s.key);
    const c = compareSetting(s, def, oslo, post, puppet, exp.provider, secret);
    if (c) changes.push(c);
  }

  for (const [group, keys] of oslo.groups) {
    for (const [key, k] of keys) {
      if (managedOslo.has(`${group}\0${key}`)) continue;
      const removed = exp.purge && post() !== undefined && !post()!.groups.get(group)?.has(key);
      if (!removed && !options.unmanaged) continue;
      const secret = isSecret(group, key);
      changes.push({
        section: group, key, kind: 'unmanaged', expected: null, deployed: maskValues(k.values, secret),
        puppetWillRewrite: removed, effective: removed ? 'differs' : 'same', secret, willBeRemoved: removed, line: k.line,
      });
    }
  }
  // Lines only Puppet sees as settings (indented continuation lines): purge deletes them, changing the value they belong to.
  if (exp.purge) {
    for (const p of after().purged) {
      const [section, key] = p.split('\0') as [string, string];
      if (oslo.groups.get(normalizeGroup(section))?.has(key)) continue;
      const secret = isSecret(normalizeGroup(section), key);
      const line = puppet.sections.get(section)?.lineOf.get(key);
      const ch: DriftChange = {
        section, key, kind: 'unmanaged', expected: null, deployed: null, puppetWillRewrite: true, effective: 'same', secret, willBeRemoved: true,
        note: 'Puppet reads this indented line as a setting; oslo reads it as a continuation of the key above',
      };
      if (line !== undefined) ch.line = line;
      changes.push(ch);
    }
  }
  return fd;
}

function compareSetting(
  s: ExpectedSetting, def: DriftOptionDef | undefined, oslo: OsloView, post: () => OsloView | undefined,
  puppet: PuppetIniFile, provider: ExpectedFile['provider'], secret: boolean,
): DriftChange | undefined {
  const group = normalizeGroup(s.section);
  const k = oslo.groups.get(group)?.get(s.key);
  const rewrite = puppetWillRewrite(s, puppet.getValue(s.section, s.key), provider);
  const multi = def?.multi ?? s.values.length > 1;
  const want = s.ensure === 'present' ? s.values.map(osloLineValue) : undefined;
  const differs = (have: string[] | undefined): boolean => {
    if (s.ensure === 'unmanaged') return false;
    if (s.ensure === 'absent') return have !== undefined;
    if (have === undefined) return true;
    if (s.ensure === 'present-any') return false;
    return !sameEffective(want!, have, def, multi);
  };
  const now = differs(k?.values);
  let kind: DriftChange['kind'] | undefined;
  if (s.ensure === 'absent') kind = k ? 'should-be-absent' : rewrite ? 'cosmetic' : undefined;
  else if (s.ensure === 'unmanaged') kind = undefined;
  else if (!k) kind = 'missing';
  else if (now) kind = 'changed';
  else if (rewrite) kind = 'cosmetic';
  if (!kind) return undefined;
  const change: DriftChange = {
    section: s.section, key: s.key, kind,
    expected: s.ensure === 'present' ? maskValues(s.values, secret) : s.ensure === 'present-any' ? [''] : null,
    deployed: k ? maskValues(k.values, secret) : null,
    puppetWillRewrite: rewrite, effective: now ? 'differs' : 'same', secret,
  };
  if (k) change.line = k.line;
  else {
    const pl = puppet.sections.get(s.section)?.lineOf.get(s.key);
    if (pl !== undefined) change.line = pl;
  }
  const p = post();
  if (p && differs(p.groups.get(group)?.get(s.key)?.values)) {
    change.persistsAfterRun = true;
    change.note = rewrite
      ? "after Puppet's run oslo still reads a different value (a line Puppet's parser does not see, e.g. `key: value`)"
      : "Puppet sees this key in sync, but oslo reads it differently (an indented line or a `key: value` line)";
  }
  return change;
}

/** oslo's typed equality: non-multi options compare their last value, multi options the whole list in order. */
export function sameEffective(want: readonly string[], have: readonly string[], def: DriftOptionDef | undefined, multi: boolean): boolean {
  const w = multi ? want : want.slice(-1);
  const h = multi ? have : have.slice(-1);
  if (w.length !== h.length) return false;
  return w.every((v, i) => typedKey(v, def) === typedKey(h[i]!, def));
}

function unifiedDiff(path: string, before: string | undefined, after: string | undefined, isSecret: (g: string, k: string) => boolean): string {
  const a = before === undefined ? '' : maskFileText(before, isSecret);
  const b = after === undefined ? '' : maskFileText(after, isSecret);
  if (a === b) return '';
  return createTwoFilesPatch(`a${path}`, `b${path}`, a, b, 'deployed', 'after puppet run', { context: 3 });
}
