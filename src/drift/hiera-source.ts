import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { Diagnostic } from '../source/index.js';
import { createLookupBase, type Facts, type LayerOptions } from '../hiera/index.js';
import { resolveNodes } from '../hiera/fleet.js';
import { isSecretKey } from '../security/index.js';
import { Secret, type HValue } from '../value/index.js';
import { toSetting } from './catalog.js';
import { JsonNumber, type JsonValue } from './json-lexeme.js';
import { configMappings, extractMappings, type OptionMapping } from './manifest-mappings.js';
import type { ResourceFileTable } from './resource-files.js';
import type { ExpectedFile, ExpectedNode, ExpectedSetting } from './types.js';

export interface HieraSourceOptions {
  layers: LayerOptions;
  table: ResourceFileTable;
  /** `.hieradrift.yaml` to read `drift.mappings` from, when it exists. */
  configFile?: string;
}

const CONFIG_HASH = /^([a-z][a-z0-9_]*)::config::([a-z][a-z0-9_]*)$/;

/**
 * Expected values from Hiera alone: each node's `<svc>::config::<type>` hashes (as `<svc>::config`
 * passes them to create_resources), plus class parameters mapped to options by `.hieradrift.yaml`
 * or by plain manifest bodies. Class defaults and everything computed in manifests are not known.
 */
export function expectedFromHiera(facts: readonly Facts[], opts: HieraSourceOptions): ExpectedNode[] {
  const base = createLookupBase(opts.layers);
  const diagnostics: Diagnostic[] = [...base.diagnostics];
  const types = new Set([...opts.table.keys()].filter((t) => !opts.table.get(t)!.sectionless));
  const mappings = extractMappings(base.modulepath, types);
  if (opts.configFile && existsSync(opts.configFile)) {
    let raw: unknown;
    try {
      raw = loadYaml(readFileSync(opts.configFile, 'utf8'));
    } catch (e) {
      diagnostics.push(diag(opts.configFile, `cannot read: ${(e as Error).message.split('\n')[0]}`));
    }
    const drift = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)['drift'] : undefined;
    const cm = configMappings(drift && typeof drift === 'object' ? (drift as Record<string, unknown>)['mappings'] : undefined, opts.configFile);
    for (const p of cm.problems) diagnostics.push(diag(opts.configFile, p));
    // The config file's mapping replaces what the manifests say for the same key.
    for (const [k, v] of cm.mappings) mappings.set(k, v);
  }
  const resolved = resolveNodes(base, [...facts]);
  return facts.map((f) => {
    const row = resolved.values.get(f.node) ?? new Map<string, HValue>();
    const node: ExpectedNode = { node: f.node, source: 'hiera', files: [], diagnostics: [...diagnostics, ...(f.diagnostics ?? [])] };
    for (const d of resolved.errors.get(f.node)?.values() ?? []) node.diagnostics.push(d);
    const files = new Map<string, ExpectedFile>();
    const fileFor = (type: string): ExpectedFile => {
      let file = files.get(type);
      const rf = opts.table.get(type)!;
      if (!file) files.set(type, (file = { path: rf.path, type, provider: rf.provider, purge: false, settings: [] }));
      return file;
    };
    const covered: string[] = [];
    const uncovered: string[] = [];
    const purgeKeys = new Map<string, string>();
    for (const [key, value] of row) {
      const m = CONFIG_HASH.exec(key);
      if (m && types.has(m[2]!)) {
        covered.push(key);
        configHash(key, m[2]!, value, fileFor(m[2]!), node.diagnostics);
        continue;
      }
      const maps = mappings.get(key);
      if (maps?.some((x) => types.has(x.type))) {
        covered.push(key);
        for (const mp of maps.filter((x) => types.has(x.type))) fileFor(mp.type).settings.push(mapped(key, mp, value));
        continue;
      }
      const pm = /^([a-z][a-z0-9_]*)::purge_config$/.exec(key);
      if (pm && types.has(`${pm[1]}_config`)) {
        covered.push(key);
        if (value === true) purgeKeys.set(`${pm[1]}_config`, key);
        continue;
      }
      // Only keys of a service that has a config type can be options at all.
      const mod = key.split('::')[0]!;
      if (key.includes('::') && types.has(`${mod}_config`)) uncovered.push(key);
    }
    for (const type of purgeKeys.keys()) fileFor(type).purge = true;
    node.files = [...files.values()];
    node.coverage = { covered: covered.sort(), uncovered: uncovered.sort() };
    return node;
  });
}

function configHash(key: string, type: string, value: HValue, file: ExpectedFile, diags: Diagnostic[]): void {
  if (!(value instanceof Map)) {
    diags.push(diag(key, `${key} is not a Hash`, 'warning'));
    return;
  }
  const typeName = type.charAt(0).toUpperCase() + type.slice(1);
  for (const [name, body] of value) {
    const title = String(name);
    const slash = title.indexOf('/');
    if (typeof name !== 'string' || slash <= 0 || slash === title.length - 1) {
      diags.push(diag(key, `${key}: '${title}' must be SECTION/KEY`, 'warning'));
      continue;
    }
    if (!(body instanceof Map)) {
      diags.push(diag(key, `${key}: '${title}' must map to a Hash of resource attributes`, 'warning'));
      continue;
    }
    const params = new Map<string, JsonValue>();
    for (const [k, v] of body) if (typeof k === 'string') params.set(k, toJson(v));
    file.settings.push(finish(toSetting(typeName, title, params, file.provider), body.get('value') ?? null, `${key}.${title}`));
  }
}

function mapped(key: string, mp: OptionMapping, value: HValue): ExpectedSetting {
  const params = new Map<string, JsonValue>([['value', toJson(value)]]);
  if (mp.secret) params.set('secret', true);
  const typeName = mp.type.charAt(0).toUpperCase() + mp.type.slice(1);
  return finish(toSetting(typeName, `${mp.section}/${mp.key}`, params, 'openstackconfig'), value, key);
}

/** eyaml values cannot be decrypted here: the key must exist, its value is secret and unknown. */
function finish(s: ExpectedSetting, value: HValue, hieraKey: string): ExpectedSetting {
  const hidden = hasSecret(value, 0);
  if (hidden) return { ...s, ensure: s.ensure === 'absent' ? 'absent' : 'present-any', values: [], secret: true };
  if (isSecretKey(hieraKey) || isSecretKey(s.key)) return { ...s, secret: true };
  return s;
}

function hasSecret(v: HValue, depth: number): boolean {
  if (depth > 64) return false;
  if (v instanceof Secret) return true;
  if (typeof v === 'string') return /ENC\[/.test(v);
  if (Array.isArray(v)) return v.some((x) => hasSecret(x, depth + 1));
  return false;
}

/** The value model as catalog JSON would carry it (floats keep their `.0`). */
function toJson(v: HValue, depth = 0): JsonValue {
  if (depth > 64) return null;
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return new JsonNumber(String(v));
  if (typeof v === 'number') return new JsonNumber(Number.isInteger(v) ? `${v}.0` : String(v));
  if (Array.isArray(v)) return v.map((x) => toJson(x, depth + 1));
  if (v instanceof Map) {
    const m = new Map<string, JsonValue>();
    for (const [k, x] of v) m.set(String(k), toJson(x, depth + 1));
    return m;
  }
  if (v instanceof Secret) return new Map<string, JsonValue>([['__ptype', 'Sensitive'], ['__pvalue', null]]);
  return String((v as { name?: string }).name ?? '');
}

/** `.hieradrift.yaml` beside the environment's hiera.yaml. */
export function driftConfigFile(dir: string): string | undefined {
  for (const n of ['.hieradrift.yaml', '.hieradrift.yml']) if (existsSync(join(dir, n))) return join(dir, n);
  return undefined;
}

function diag(file: string, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { ruleId: 'drift/hiera', severity, message, file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
