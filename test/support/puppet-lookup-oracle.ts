import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contextFor, createLookupBase, loadFactsSync, lookup, type LookupBase } from '../../src/hiera/index.js';
import { Secret, rubyFloatToS, type HValue } from '../../src/value/index.js';

/**
 * The Hiera differential harness: a scenario is a small Puppet tree under fixtures/hiera/<name>/
 * (code/environments/<env>, optional global/hiera.yaml, facts/<node>.yaml) plus scenario.json listing
 * lookups. The same cases run through one batch Ruby process (scripts/hiera/puppet-batch.rb) and
 * through hieradrift; values are compared type-exactly.
 */
export interface OracleCase {
  id: string;
  node: string;
  keys: string[];
  merge?: unknown;
  default?: unknown;
  /** Why hieradrift is expected to differ; the case then asserts the documented difference. */
  knownDifference?: string;
  /** Environment for this case (default: the scenario's). */
  environment?: string;
}

export interface Scenario {
  description: string;
  hieraConfig?: string;
  environment?: string;
  cases: OracleCase[];
}

export interface Answer {
  id: string;
  found?: boolean;
  value?: unknown;
  error?: string;
  silent?: boolean;
  crash?: string;
  warnings?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
/** Repository root, from dist/test/support or test/support. */
export const repoRoot = resolve(here, here.includes(`${'/'}dist${'/'}`) ? '../../..' : '../..');
export const scenariosDir = join(repoRoot, 'fixtures/hiera');

export function listScenarios(): string[] {
  return readdirSync(scenariosDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();
}

export function readScenario(name: string): Scenario {
  return JSON.parse(readFileSync(join(scenariosDir, name, 'scenario.json'), 'utf8')) as Scenario;
}

function factsFile(dir: string, node: string): string {
  const f = readdirSync(join(dir, 'facts')).find((x) => x.replace(/\.(ya?ml|json)$/, '') === node);
  if (!f) throw new Error(`no facts for ${node} in ${dir}`);
  return join(dir, 'facts', f);
}

function globalConfig(dir: string, s: Scenario): string {
  return join(dir, s.hieraConfig ?? 'global/hiera.yaml');
}

/** One Ruby process answers every case of the scenario. */
export function runPuppetBatch(name: string): Answer[] {
  const dir = join(scenariosDir, name);
  const s = readScenario(name);
  const work = mkdtempSync(join(tmpdir(), 'hieradrift-oracle-'));
  try {
    const groups = new Map<string, OracleCase[]>();
    for (const c of s.cases) {
      const g = `${c.node}\0${c.environment ?? s.environment ?? 'production'}`;
      groups.set(g, [...(groups.get(g) ?? []), c]);
    }
    const request = {
      workdir: work,
      codedir: join(dir, 'code'),
      hiera_config: globalConfig(dir, s),
      environment: s.environment ?? 'production',
      groups: [...groups].map(([g, cases]) => {
        const [node, environment] = g.split('\0') as [string, string];
        return { node, environment, facts: factsFile(dir, node), cases };
      }),
    };
    const r = spawnSync('ruby', [join(repoRoot, 'scripts/hiera/puppet-batch.rb')], {
      input: JSON.stringify(request),
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 << 20,
    });
    if (r.status !== 0) throw new Error(`puppet batch oracle failed for ${name}: ${r.stderr}`);
    return (JSON.parse(r.stdout) as Answer[]).map(relative);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Paths in messages relative to fixtures/hiera, so goldens hold on any checkout. */
function relative(a: Answer): Answer {
  const rel = (t: string): string => t.split(scenariosDir).join('<fixtures>');
  const out: Answer = { ...a };
  if (a.error !== undefined) out.error = rel(a.error);
  if (a.warnings) out.warnings = a.warnings.map(rel);
  return out;
}

/** JSON merge options from scenario.json as the value model's hash. */
function toHValue(v: unknown): HValue {
  if (Array.isArray(v)) return v.map(toHValue);
  if (v !== null && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, toHValue(x)]));
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  return v as HValue;
}

/** The same cases through hieradrift. */
export function runHieradrift(name: string): Answer[] {
  const dir = join(scenariosDir, name);
  const s = readScenario(name);
  const bases = new Map<string, LookupBase>();
  const baseFor = (environment: string): LookupBase => {
    let b = bases.get(environment);
    if (!b) bases.set(environment, (b = createLookupBase({ hieraConfig: globalConfig(dir, s), codedir: join(dir, 'code'), environment })));
    return b;
  };
  return s.cases.map((c) => relative(answer(c, baseFor(c.environment ?? s.environment ?? 'production'))));

  function answer(c: OracleCase, base: LookupBase): Answer {
    const facts = { ...loadFactsSync(factsFile(dir, c.node))[0]!, node: c.node };
    const ctx = contextFor(base, facts);
    const opts = { ...(c.merge !== undefined && { merge: toHValue(c.merge) as string }) };
    for (const key of c.keys) {
      const r = lookup(ctx, key, opts);
      if (r.error) return { id: c.id, error: r.error.message, silent: r.error.ruleId === 'hiera/lookup-error-silent', warnings: r.warnings ?? [] };
      if (r.found) return { id: c.id, found: true, value: encodeTyped(r.value!), warnings: r.warnings ?? [] };
    }
    if (c.default !== undefined) return { id: c.id, found: true, value: encodeTyped(toHValue(c.default)) };
    return { id: c.id, found: false, warnings: [] };
  }
}

/** The encoding puppet-batch.rb uses: Integer {i}, Float {f: Ruby to_s}, Hash {h: [[k, v]...]}. */
export function encodeTyped(v: HValue): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return { i: v.toString() };
  if (typeof v === 'number') return { f: rubyFloatToS(v) };
  if (Array.isArray(v)) return v.map(encodeTyped);
  if (v instanceof Map) return { h: [...v].map(([k, x]) => [encodeTyped(k as HValue), encodeTyped(x)]) };
  if (v instanceof Secret) return { sensitive: true };
  return { other: v.constructor.name };
}

/** One real `puppet lookup` run, isolated in a throwaway confdir/vardir, paths in the output made relative. */
export function runPuppetLookupCli(name: string, args: string[], node = 'n1.example.com'): { exit: number | null; stdout: string; stderr: string } {
  const dir = join(scenariosDir, name);
  const work = mkdtempSync(join(tmpdir(), 'hieradrift-cli-'));
  try {
    const r = spawnSync('puppet', ['lookup', '--confdir', `${work}/conf`, '--codedir', join(dir, 'code'), '--vardir', `${work}/var`,
      '--rundir', `${work}/run`, '--logdir', `${work}/log`, '--hiera_config', globalConfig(dir, readScenario(name)),
      '--facts', factsFile(dir, node), '--node', node, '--color', 'false', ...args], { encoding: 'utf8', timeout: 60_000 });
    const rel = (t: string): string => t.split(scenariosDir).join('<fixtures>');
    return { exit: r.status, stdout: rel(r.stdout), stderr: rel(r.stderr) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
