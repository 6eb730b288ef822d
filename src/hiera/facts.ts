import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Diagnostic } from '../source/index.js';
import { HieradriftError } from '../source/index.js';
import type { HHash, HValue } from '../value/index.js';
import { toS } from './stringify.js';
import type { YamlLoadResult } from '../yaml/index.js';
import { parseJsonText, parseYamlText, readTextSync } from './yaml-access.js';

/** One node's facts and the `$trusted` hash `puppet lookup --node` would build from them. */
export interface Facts {
  node: string;
  facts: HHash;
  trusted: HHash;
  file?: string;
  /** Warnings and Puppet's refusals (e.g. the hostname/domain/fqdn/clientcert all-or-none rule). */
  diagnostics?: Diagnostic[];
}

const FACT_FILE = /\.(ya?ml|json)$/i;
const OVERRIDE_SET = ['hostname', 'domain', 'fqdn', 'clientcert'];

/** A facts file, or a directory of them (a fleet, one node per file; PuppetDB exports may hold many). */
export async function loadFacts(path: string): Promise<Facts[]> {
  return loadFactsSync(path);
}

export function loadFactsSync(path: string): Facts[] {
  const abs = resolve(path);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new HieradriftError('io', `No such file or directory @ rb_sysopen - ${path}`);
  }
  if (!isDir) return loadFactsFile(abs);
  const files = readdirSync(abs).filter((f) => FACT_FILE.test(f)).sort();
  return files.flatMap((f) => loadFactsFile(join(abs, f)));
}

/** Facts files already listed (a fleet directory's files): no stat per file. */
export function loadFactsFiles(files: readonly string[]): Facts[] {
  const out: Facts[] = [];
  for (const f of files) {
    const facts = loadFactsFile(f);
    for (let i = 0; i < facts.length; i++) out.push(facts[i]!);
  }
  return out;
}

function parse(file: string): HValue | undefined {
  // Strict about UTF-8 as Psych is (JSON keeps such bytes, as Ruby's parser does).
  const read = readTextSync(file, extname(file).toLowerCase() === '.json');
  if (typeof read !== 'string') throw new HieradriftError('input', `(${file}): ${read.error!.message}`, read.error);
  return parseFactsText(read, file);
}

/** A facts file's text as Puppet reads it (YAML or JSON by extension, the Puppet::Node::Facts tag, PuppetDB arrays). */
export function parseFactsText(raw: string, file: string): HValue | undefined {
  let text = raw.replace(/^\uFEFF/, '');
  // `puppet facts find` and the yaml cache tag the document with a Ruby class Psych would refuse.
  text = text.replace(/^(---\s*)?!ruby\/object:Puppet::Node::Facts\s*\n/, '---\n');
  const ext = extname(file).toLowerCase();
  const tryJson = ext === '.json' || !FACT_FILE.test(file);
  if (tryJson) {
    // A PuppetDB export is a JSON array; the shared JSON loader (json_data semantics) wants a hash on top.
    const j = /^\s*\[/.test(text) ? unwrapRows(parseJsonText(`{"rows":${text}}`, file)) : parseJsonText(text, file);
    if (!j.error || ext === '.json') {
      if (j.error) throw new HieradriftError('input', `${file}: ${j.error.message}`, j.error);
      return j.value;
    }
  }
  const y = parseYamlText(text, file);
  if (y.error) throw new HieradriftError('input', `(${file}): ${y.error.message}`, y.error);
  return y.value;
}

function unwrapRows(r: YamlLoadResult): YamlLoadResult {
  return r.value instanceof Map ? { ...r, value: r.value.get('rows') ?? null } : r;
}

function loadFactsFile(file: string): Facts[] {
  return factsFromValue(parse(file), file);
}

/** A PuppetDB export: a list of rows, or one factset row (`{certname, facts}`). */
export function isPuppetdbExport(value: HValue | undefined): value is HValue[] | HHash {
  return Array.isArray(value) || (value instanceof Map && typeof value.get('certname') === 'string' && value.has('facts'));
}

/** The nodes one parsed facts file describes: facter output, `puppet facts` ({name, values}), or PuppetDB rows. */
export function factsFromValue(value: HValue | undefined, file: string): Facts[] {
  const fallbackName = basename(file).replace(FACT_FILE, '');
  if (isPuppetdbExport(value)) return factsetRows(Array.isArray(value) ? value : [value], file);
  if (!(value instanceof Map)) {
    throw new HieradriftError('input', `Incorrectly formatted data in ${basename(file)} given via the --facts flag (only accepts yaml and json files)`);
  }
  if (typeof value.get('name') === 'string' && value.get('values') instanceof Map) {
    return [makeFacts(value.get('name') as string, value.get('values') as HHash, file, true)];
  }
  const cert = value.get('clientcert');
  return [makeFacts(typeof cert === 'string' ? cert : fallbackName, value, file)];
}

/** PuppetDB: /pdb/query/v4/factsets rows ({certname, facts: {data: [{name, value}]}}) or /facts rows. */
function factsetRows(rows: HValue[], file: string): Facts[] {
  const byNode = new Map<string, HHash>();
  for (const row of rows) {
    if (!(row instanceof Map)) continue;
    const cert = row.get('certname');
    if (typeof cert !== 'string') continue;
    const facts = byNode.get(cert) ?? new Map();
    byNode.set(cert, facts);
    const f = row.get('facts');
    const data = f instanceof Map ? f.get('data') : f;
    if (Array.isArray(data)) {
      for (const d of data) if (d instanceof Map && typeof d.get('name') === 'string') facts.set(d.get('name') as string, d.get('value') ?? null);
    } else if (data instanceof Map) {
      for (const [k, v] of data) facts.set(k, v);
    } else if (typeof row.get('name') === 'string') {
      facts.set(row.get('name') as string, row.get('value') ?? null);
    }
  }
  if (byNode.size === 0) throw new HieradriftError('input', `Incorrectly formatted data in ${basename(file)}: no PuppetDB factset rows`);
  return [...byNode].map(([node, facts]) => makeFacts(node, facts, file, true));
}

/**
 * Puppet::Node::Facts#sanitize, then the trusted hash of TrustedInformation.local. Exports that name
 * their node (puppet facts, PuppetDB) come from an agent whose certificate is that name, so it is the
 * certname when no clientcert fact says otherwise; plain facter output follows `puppet lookup --node`.
 */
export function makeFacts(node: string, raw: HHash, file?: string, namedExport = false): Facts {
  const facts = sanitizeFacts(raw);
  const diagnostics: Diagnostic[] = [];
  const present = OVERRIDE_SET.filter((k) => facts.has(k));
  if (present.length > 0 && present.length < OVERRIDE_SET.length) {
    diagnostics.push({
      ruleId: 'hiera/facts-override',
      severity: 'warning',
      message: `When overriding any of the hostname,domain,fqdn,clientcert facts with ${file ?? node} given via the --facts flag, they must all be overridden.`,
      file: file ?? node,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }
  const out: Facts = { node, facts, trusted: trustedFor(facts, namedExport ? node : null) };
  if (file) out.file = file;
  if (diagnostics.length) out.diagnostics = diagnostics;
  return out;
}

/** Puppet::Node::Facts#sanitize: top-level names as strings, nil as '' (so `%{facts.x.y}` under a nil x fails). */
export function sanitizeFacts(raw: HHash): HHash {
  const facts: HHash = new Map();
  for (const [k, v] of raw) facts.set(typeof k === 'string' ? k : toS(k as HValue), sanitize(v));
  return facts;
}

function sanitize(v: HValue): HValue {
  if (v === null) return '';
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(sanitize);
  if (v instanceof Map) {
    const out: HHash = new Map();
    for (const [k, x] of v) out.set(k, sanitize(x));
    return out;
  }
  return toS(v);
}

function trustedFor(facts: HHash, exportName: string | null): HHash {
  const t = facts.get('trusted');
  if (t instanceof Map && t.has('authenticated') && t.has('certname') && t.has('extensions')) return t;
  const cert = facts.get('clientcert');
  const certname = typeof cert === 'string' ? cert : exportName;
  const dot = certname === null ? -1 : certname.indexOf('.');
  return new Map<string, HValue>([
    ['authenticated', 'local'],
    ['certname', certname],
    ['extensions', new Map()],
    ['hostname', certname === null ? null : dot < 0 ? certname : certname.slice(0, dot)],
    ['domain', certname === null || dot < 0 ? null : certname.slice(dot + 1)],
    ['external', new Map()],
  ]);
}
