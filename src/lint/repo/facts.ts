import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HieradriftError, type Diagnostic } from '../../source/index.js';
import type { HHash, HValue } from '../../value/index.js';
import { factsFromValue, isPuppetdbExport, parseFactsText, sanitizeFacts } from '../../hiera/facts.js';
import { fastFacts } from './fast-facts.js';
import type { NodeFacts } from './model.js';
import { readDataTextSync } from '../../yaml/index.js';

export const FACT_FILE = /\.(ya?ml|json)$/;
const MAX_DEPTH = 8;

/**
 * Reads the known nodes' facts: a file or a directory of facter output, `puppet facts` output
 * (`{name, values}`), Puppet's yaml facts cache or PuppetDB exports. A file that names no node becomes a
 * warning (the lint goes on without it), never an exception.
 */
export function loadFactsDir(abs: string, rel: string): { nodes: NodeFacts[]; diagnostics: Diagnostic[] } {
  const nodes: NodeFacts[] = [];
  const diagnostics: Diagnostic[] = [];
  let files: string[];
  try {
    files = statSync(abs).isDirectory() ? readdirSync(abs).filter((f) => FACT_FILE.test(f)).sort() : [''];
  } catch {
    return { nodes, diagnostics };
  }
  for (const f of files) {
    const path = f ? join(abs, f) : abs;
    const relPath = f ? `${rel}/${f}` : rel;
    // Strict about UTF-8 as Psych is (JSON keeps such bytes, as Ruby's parser does).
    const read = readDataTextSync(path, relPath, path.endsWith('.json'));
    if (typeof read !== 'string') {
      diagnostics.push(skippedAt(read.error!, relPath));
      continue;
    }
    const text = read;
    const fast = path.endsWith('.json') ? undefined : fastFacts(text);
    if (fast) {
      const n = toNode(fast, basename(f || abs).replace(FACT_FILE, ''), relPath);
      if (n) nodes.push(n);
      continue;
    }
    // Everything else is read as `puppet lookup --facts` reads it (src/hiera/facts.ts): the Puppet::Node::Facts
    // tag of Puppet's yaml cache, PuppetDB exports (many nodes in one file) and refusals included.
    try {
      const value = parseFactsText(text, relPath);
      if (isPuppetdbExport(value)) {
        for (const x of factsFromValue(value, relPath)) nodes.push({ node: x.node, facts: x.facts, trusted: trustedFor(x.facts, x.node), file: relPath });
        continue;
      }
      const n = toNode(value, basename(f || abs).replace(FACT_FILE, ''), relPath, true);
      if (n) nodes.push(n);
      else diagnostics.push(skipped(relPath, 'not a hash of facts'));
    } catch (err) {
      if (!(err instanceof HieradriftError)) throw err;
      diagnostics.push(err.diagnostic ? skippedAt(err.diagnostic, relPath) : skipped(relPath, err.message));
    }
  }
  return { nodes, diagnostics };
}

/** A facts file Puppet cannot read, at the loader's position: a warning, the lint goes on without it. */
function skippedAt(d: Diagnostic, file: string): Diagnostic {
  return { ...d, file, severity: 'warning', message: `facts file skipped: ${d.message}` };
}

/** A facts file that names no node: the lint goes on without it, and says so. */
function skipped(file: string, why: string): Diagnostic {
  return { ruleId: 'hiera/facts', severity: 'warning', message: `facts file skipped: ${why}`, file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * `sanitize`: the facts as Puppet sanitizes them (nil becomes ''), as src/hiera reads them; the fast reader's
 * facts are all strings already, so it skips the copy.
 */
function toNode(value: HValue | undefined, fallback: string, file: string, sanitize = false): NodeFacts | undefined {
  if (!(value instanceof Map)) return undefined;
  const values = value.get('values');
  const name = value.get('name');
  const raw: HHash = values instanceof Map && typeof name === 'string' ? values : value;
  const facts = sanitize ? sanitizeFacts(raw) : raw;
  const node = typeof name === 'string' ? name : str(facts.get('clientcert')) ?? str(facts.get('fqdn')) ?? fallback;
  return { node, facts, trusted: trustedFor(facts, node), file };
}

function str(v: HValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * The trusted hash a real agent with this certname gets. A `trusted` fact overrides it only when it has
 * authenticated, certname and extensions, as Puppet::Node#sanitize requires (src/hiera/facts.ts agrees).
 */
function trustedFor(facts: HHash, certname: string): HHash {
  const t = facts.get('trusted');
  if (t instanceof Map && t.has('authenticated') && t.has('certname') && t.has('extensions')) return t;
  const dot = certname.indexOf('.');
  return new Map<string, HValue>([
    ['authenticated', 'local'],
    ['certname', certname],
    ['extensions', new Map()],
    ['hostname', dot < 0 ? certname : certname.slice(0, dot)],
    ['domain', dot < 0 ? null : certname.slice(dot + 1)],
    ['external', new Map()],
  ]);
}

/** Every dotted path the nodes define: `os`, `os.family`, `trusted.certname`... */
export function factPathsOf(nodes: readonly NodeFacts[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: HValue, prefix: string, depth: number): void => {
    if (!(v instanceof Map) || depth > MAX_DEPTH) return;
    for (const [k, x] of v) {
      const p = prefix ? `${prefix}.${String(k)}` : String(k);
      out.add(p);
      walk(x, p, depth + 1);
    }
  };
  for (const n of nodes) {
    walk(n.facts, '', 0);
    walk(n.trusted, 'trusted', 0);
  }
  return out;
}
