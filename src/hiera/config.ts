import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic, LineCounter, Span } from '../source/index.js';
import { RubySymbol, type HHash, type HValue } from '../value/index.js';
import type { YMap, YNode } from '../yaml/index.js';
import { checkV5Schema } from './config-schema.js';
import {
  BUILTIN_FUNCTIONS,
  FUNCTION_KEYS,
  LOCATION_KEYS,
  type FunctionKind,
  type HieraConfig,
  type HieraLevel,
  type LayerKind,
  type LocationSpec,
} from './config-types.js';
import { deref, keyName, parseYamlText, symkeysToString } from './yaml-access.js';

export interface ConfigResult {
  config?: HieraConfig;
  diagnostics: Diagnostic[];
}

const METHOD_SYNTAX = /%\{\s*\w+\((?:"[^"]+"|'[^']+')\)\s*\}/;

/** Puppet's v5 default, used when hiera.yaml does not exist. */
export function defaultConfig(file: string): HieraConfig {
  return {
    file,
    dir: dirname(file),
    version: 5,
    isDefault: true,
    hierarchy: [
      { name: 'Common', fn: { kind: 'data_hash', name: 'yaml_data' }, location: { kind: 'path', key: 'path', values: ['common.yaml'] }, datadir: 'data', span: { start: 0, end: 0 }, line: 1 },
    ],
  };
}

/** Reads and validates hiera.yaml as HieraConfig.create does for the given layer. */
export async function loadHieraConfig(path: string, layer: LayerKind = 'global'): Promise<ConfigResult> {
  return loadHieraConfigSync(path, layer);
}

export function loadHieraConfigSync(path: string, layer: LayerKind = 'global'): ConfigResult {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { config: defaultConfig(file), diagnostics: [] };
  }
  const loaded = parseYamlText(text, file);
  const diagnostics: Diagnostic[] = [];
  const lc = loaded.lineCounter;
  const at = (span: Span | undefined, message: string, severity: Diagnostic['severity'] = 'error', ruleId = 'hiera/config'): void => {
    const s = lc.position(span?.start ?? 0);
    const e = lc.position(span?.end ?? 0);
    diagnostics.push({ ruleId, severity, message, file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column });
  };
  if (loaded.error) return { diagnostics: [{ ...loaded.error, ruleId: 'hiera/config', message: `Unable to parse (${file}): ${loaded.error.message}` }] };
  const root = loaded.root ? deref(loaded.root) : null;
  if (!root || root.kind !== 'map') {
    if (layer !== 'global') {
      // Puppet falls back to the v3 default, and v3 is ignored outside the global layer.
      at(root?.span, `${file}: File exists but does not contain a valid YAML hash; as hiera.yaml version 3 it is ignored at the ${layer} root`, 'warning', 'hiera/legacy-version');
      return { diagnostics };
    }
    at(root?.span, `${file}: File exists but does not contain a valid YAML hash. Puppet falls back to the Hiera version 3 default config, which hieradrift does not resolve`);
    return { diagnostics };
  }
  const versionPair = root.pairs.find((p) => keyName(p.key) === 'version');
  const version = versionPair ? rubyToI(deref(versionPair.value).value) : 3;
  const vspan = versionPair?.value.span ?? root.span;
  if (version === 3 || version === 4) {
    if (version === 3 && layer !== 'global') {
      at(vspan, `hiera.yaml version 3 found at the ${layer === 'module' ? 'module' : 'environment'} root was ignored`, 'warning', 'hiera/legacy-version');
      return { diagnostics };
    }
    if (version === 4 && layer === 'global') at(vspan, 'hiera.yaml version 4 cannot be used in the global layer');
    else if (version === 3) at(vspan, `${file}: hiera.yaml version 3 in the global layer is not resolved by hieradrift; convert it to version 5`, 'error', 'hiera/legacy-version');
    else {
      at(vspan, `${file}: Use of 'hiera.yaml' version 4 is deprecated. It should be converted to version 5`, 'warning', 'hiera/legacy-version');
      return { config: buildV4(root, file), diagnostics };
    }
    return { diagnostics };
  }
  if (version !== 5) {
    at(vspan, `This runtime does not support hiera.yaml version ${version} (file: ${file})`);
    return { diagnostics };
  }
  for (const p of checkV5Schema(root)) at(p.node.span, `The Lookup Configuration at '${file}' has wrong type, ${p.message}`);
  if (diagnostics.length) return { diagnostics };
  const config = buildV5(root, file, layer, lc, at);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { config, diagnostics };
}

/** Ruby's to_i on the version value: Strings parse their leading digits, anything else 0. */
function rubyToI(v: HValue | undefined): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string') return Number(/^\s*[+-]?\d+/.exec(v)?.[0] ?? 0);
  return 0;
}

type At = (span: Span | undefined, message: string) => void;

function pairsOf(m: YMap): Map<string, YNode> {
  const out = new Map<string, YNode>();
  for (const p of m.pairs) {
    const k = keyName(p.key);
    if (k !== undefined) out.set(k, deref(p.value));
  }
  return out;
}

function str(n: YNode | undefined): string | undefined {
  const v = n?.value;
  return typeof v === 'string' ? v : undefined;
}

function buildV5(root: YMap, file: string, layer: LayerKind, lc: LineCounter, at: At): HieraConfig {
  const top = pairsOf(root);
  const defaultsNode = top.get('defaults');
  const defaults = defaultsNode?.kind === 'map' ? pairsOf(defaultsNode) : undefined;
  const defaultFns = defaults ? FUNCTION_KEYS.filter((k) => defaults.has(k)) : ['data_hash' as const];
  if (defaultFns.length > 1) at(defaultsNode?.span, 'Only one of data_hash, lookup_key, data_dig, or hiera3_backend can be defined in defaults');
  const defaultFn: HieraLevel['fn'] | undefined = defaults
    ? defaultFns[0] && { kind: defaultFns[0], name: str(defaults.get(defaultFns[0]))! }
    : { kind: 'data_hash', name: 'yaml_data' };
  const defaultDatadir = (defaults && str(defaults.get('datadir'))) ?? 'data';
  const defaultOptions = defaults?.get('options');
  if (defaultOptions) checkOptions(defaultOptions, 'defaults', file, at);
  const dh = top.get('default_hierarchy');
  if (dh && layer !== 'module') {
    const keyNode = root.pairs.find((p) => keyName(p.key) === 'default_hierarchy')!.key;
    at(keyNode.span, `'default_hierarchy' is only allowed in the module layer (file: ${file}, line: ${lc.position(keyNode.span.start).line})`);
  }
  const levels = (node: YNode | undefined): HieraLevel[] => {
    if (!node || node.kind !== 'seq') return [];
    const seen = new Map<string, number>();
    return node.items.map((item) => {
      const e = deref(item) as YMap;
      const lv = buildLevel(e, file, layer, defaultFn, defaultDatadir, defaultOptions, lc, at);
      const first = seen.get(lv.name);
      if (first !== undefined) {
        at(e.span, `Hierarchy name '${lv.name}' defined more than once. First defined at (line: ${first}) (file: ${file}, line: ${lv.line})`);
      } else seen.set(lv.name, lv.line);
      return lv;
    });
  };
  const hierarchyNode = top.get('hierarchy');
  const config: HieraConfig = {
    file,
    dir: dirname(file),
    version: 5,
    isDefault: false,
    hierarchy: hierarchyNode ? levels(hierarchyNode) : defaultConfig(file).hierarchy,
  };
  if (dh && layer === 'module') config.defaultHierarchy = levels(dh);
  return config;
}

function buildLevel(
  e: YMap,
  file: string,
  layer: LayerKind,
  defaultFn: HieraLevel['fn'] | undefined,
  defaultDatadir: string,
  defaultOptions: YNode | undefined,
  lc: LineCounter,
  at: At,
): HieraLevel {
  const m = pairsOf(e);
  const name = str(m.get('name')) ?? '';
  const line = lc.position(e.span.start).line;
  const fns = FUNCTION_KEYS.filter((k) => m.has(k));
  if (fns.length > 1) at(e.span, `Only one of data_hash, lookup_key, data_dig, or hiera3_backend can be defined in hierarchy '${name}' (file: ${file})`);
  let fn: HieraLevel['fn'] | undefined = fns[0] ? { kind: fns[0], name: str(m.get(fns[0]))! } : defaultFn;
  if (!fn) {
    at(e.span, `One of data_hash, lookup_key, data_dig, or hiera3_backend must be defined in hierarchy '${name}' (file: ${file})`);
    fn = { kind: 'data_hash', name: 'yaml_data' };
  } else checkFunction(fn.kind, fn.name, fns[0] ? m.get(fns[0]) : undefined, e, file, layer, lc, at);
  const locs = LOCATION_KEYS.filter((k) => m.has(k));
  if (locs.length > 1) at(e.span, `Only one of path, paths, glob, globs, uri, uris, or mapped_paths can be defined in hierarchy '${name}' (file: ${file})`);
  const location = locationOf(locs[0], m);
  if (location.kind === 'none' || location.kind === 'uri') {
    if (fn.kind === 'data_hash' && (fn.name === 'yaml_data' || fn.name === 'json_data')) {
      at(e.span, `'${fn.name}' one of 'path', 'paths' 'glob', 'globs' or 'mapped_paths' must be declared in hiera.yaml when using this data_hash function`);
    }
  }
  const datadir = str(m.get('datadir')) ?? defaultDatadir;
  const strings = [datadir, ...locationStrings(location)];
  const optNode = m.get('options') ?? defaultOptions;
  if (m.get('options')) checkOptions(m.get('options')!, `hierarchy '${name}'`, file, at);
  const options = optNode?.kind === 'map' ? (symkeysToString(optNode.value) as HHash) : undefined;
  if (options) collectStrings(options, strings);
  if (strings.some((s) => METHOD_SYNTAX.test(s))) at(e.span, `Interpolation using method syntax is not allowed in this context (file: ${file})`);
  const level: HieraLevel = { name, fn, location, datadir, span: e.span, line };
  if (options) level.options = options;
  return level;
}

function checkFunction(kind: FunctionKind, name: string, node: YNode | undefined, e: YMap, file: string, layer: LayerKind, lc: LineCounter, at: At): void {
  const span = node?.span ?? e.span;
  const line = lc.position(span.start).line;
  if (kind === 'hiera3_backend') {
    if (layer !== 'global') at(span, `'hiera3_backend' is only allowed in the global layer (file: ${file}, line: ${line})`);
    else if (['yaml', 'json', 'hocon'].includes(name)) at(span, `Use "data_hash: ${name}_data" instead of "hiera3_backend: ${name}" (file: ${file}, line: ${line})`);
    else at(span, `hiera3_backend '${name}' is not resolved by hieradrift`);
    return;
  }
  if (!(BUILTIN_FUNCTIONS[kind] ?? []).includes(name)) at(span, `Unable to find '${kind}' function named '${name}' (file: ${file})`);
}

function checkOptions(n: YNode, where: string, file: string, at: At): void {
  if (n.kind !== 'map') return;
  for (const p of n.pairs) {
    const k = keyName(p.key);
    if (k === 'path' || k === 'uri') at(p.key.span, `Option key '${k}' used in ${where} is reserved by Puppet (file: ${file})`);
  }
}

function locationOf(key: (typeof LOCATION_KEYS)[number] | undefined, m: Map<string, YNode>): LocationSpec {
  if (!key) return { kind: 'none' };
  const node = m.get(key)!;
  const list = (): string[] => (node.kind === 'seq' ? node.items.map((i) => String(deref(i).value)) : [String(node.value)]);
  switch (key) {
    case 'path':
    case 'paths':
      return { kind: 'path', key, values: list() };
    case 'glob':
    case 'globs':
      return { kind: 'glob', key, values: list() };
    case 'uri':
    case 'uris':
      return { kind: 'uri', key, values: list() };
    case 'mapped_paths': {
      const [variable, local, template] = list() as [string, string, string];
      return { kind: 'mapped', variable, local, template };
    }
  }
}

function locationStrings(l: LocationSpec): string[] {
  if (l.kind === 'none') return [];
  if (l.kind === 'mapped') return [l.template];
  return l.values;
}

function collectStrings(v: HValue, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, out));
  else if (v instanceof Map) {
    for (const [k, x] of v) {
      if (typeof k === 'string') out.push(k);
      collectStrings(x, out);
    }
  } else if (v instanceof RubySymbol) out.push(v.name);
}

/** Version 4 (environment and module layers): backend yaml|json, the path defaulting to the name, extension appended. */
function buildV4(root: YMap, file: string): HieraConfig {
  const top = pairsOf(root);
  const datadir = str(top.get('datadir')) ?? 'data';
  const h = top.get('hierarchy');
  const entries = h?.kind === 'seq' ? h.items.map((i) => deref(i)).filter((e): e is YMap => e.kind === 'map') : [];
  const hierarchy: HieraLevel[] = entries.map((e) => {
    const m = pairsOf(e);
    const name = str(m.get('name')) ?? '';
    const json = str(m.get('backend')) === 'json';
    const ext = json ? '.json' : '.yaml';
    const paths = m.get('paths');
    const values = paths?.kind === 'seq' ? paths.items.map((i) => String(deref(i).value)) : [str(m.get('path')) ?? name];
    return {
      name,
      fn: { kind: 'data_hash', name: json ? 'json_data' : 'yaml_data' },
      location: { kind: 'path', key: paths ? 'paths' : 'path', values: values.map((v) => v + ext) },
      datadir: str(m.get('datadir')) ?? datadir,
      span: e.span,
      line: 0,
    };
  });
  return { file, dir: dirname(file), version: 4, isDefault: false, hierarchy };
}
