import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../../source/index.js';
import type { HHash, HValue } from '../../value/index.js';
import { loadJson, loadYaml } from '../../yaml/index.js';
import { fastFacts } from './fast-facts.js';
import type { NodeFacts } from './model.js';

const FACT_FILE = /\.(ya?ml|json)$/;
const MAX_DEPTH = 8;

/**
 * Reads the known nodes' facts: a file or a directory of `puppet facts` output (`{name, values}`)
 * or plain fact hashes. Unreadable files become diagnostics, never exceptions.
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
    const text = readFileSync(path, 'utf8');
    const fast = path.endsWith('.json') ? undefined : fastFacts(text);
    if (fast) {
      const n = toNode(fast, basename(f || abs).replace(FACT_FILE, ''), relPath);
      if (n) nodes.push(n);
      continue;
    }
    const res = path.endsWith('.json') ? loadJson(text, relPath) : loadYaml(text, relPath);
    if (res.error) {
      diagnostics.push({ ...res.error, file: relPath });
      continue;
    }
    const n = toNode(res.value, basename(f || abs).replace(FACT_FILE, ''), relPath);
    if (n) nodes.push(n);
  }
  return { nodes, diagnostics };
}

function toNode(value: HValue | undefined, fallback: string, file: string): NodeFacts | undefined {
  if (!(value instanceof Map)) return undefined;
  const values = value.get('values');
  const name = value.get('name');
  const facts: HHash = values instanceof Map && typeof name === 'string' ? values : value;
  const node = typeof name === 'string' ? name : str(facts.get('clientcert')) ?? str(facts.get('fqdn')) ?? fallback;
  return { node, facts, trusted: trustedFor(facts, node), file };
}

function str(v: HValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The trusted hash a real agent with this certname gets; a `trusted` fact overrides it (as in `puppet lookup`). */
function trustedFor(facts: HHash, certname: string): HHash {
  const t = facts.get('trusted');
  if (t instanceof Map && t.has('certname')) return t;
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
