import { posix } from 'node:path';
import type { YMap, YNode, YScalar, YSeq } from '../../yaml/index.js';
import type { DataFile } from '../types.js';
import { deref, isMap, keyString, mapGet, stringOf } from '../yaml-nodes.js';
import type { HieraLevel, LevelPattern } from './model.js';
import { tokenize } from './interpolation.js';

/**
 * A thin adapter over hiera.yaml for the lint rules: src/hiera resolves lookups, while the rules need
 * the positioned level entries and Puppet's config checks as data they can report with exact ranges.
 */
export type HieraConfigIssue =
  | 'notAHash'
  | 'badVersion'
  | 'unsupportedVersion'
  | 'unknownKey'
  | 'missingName'
  | 'badValue'
  | 'multipleFunctions'
  | 'noFunction'
  | 'multipleLocations'
  | 'noLocation'
  | 'reservedOption'
  | 'duplicateName'
  | 'methodInPath'
  | 'unknownFunction'
  | 'defaultHierarchyOutsideModule';

export interface ConfigIssue {
  code: HieraConfigIssue;
  node: YNode;
  data: Record<string, string>;
}

const TOP_KEYS = new Set(['version', 'defaults', 'hierarchy', 'plan_hierarchy', 'default_hierarchy']);
const DEFAULT_KEYS = new Set(['data_hash', 'lookup_key', 'data_dig', 'datadir', 'options']);
const ENTRY_KEYS = new Set([
  'name', 'options', 'data_hash', 'lookup_key', 'data_dig', 'hiera3_backend', 'v4_data_hash',
  'path', 'paths', 'glob', 'globs', 'uri', 'uris', 'mapped_paths', 'datadir',
]);
const FUNCTION_KEYS = ['data_hash', 'lookup_key', 'data_dig', 'hiera3_backend', 'v4_data_hash'] as const;
const LOCATION_KEYS = ['path', 'paths', 'glob', 'globs', 'uri', 'uris', 'mapped_paths'] as const;
const KNOWN_FUNCTIONS = new Set(['yaml_data', 'json_data', 'hocon_data', 'eyaml_lookup_key']);

export interface ParsedHiera {
  levels: HieraLevel[];
  issues: ConfigIssue[];
}

export function parseHieraConfig(file: DataFile, dir: string, inModule: boolean): ParsedHiera {
  const issues: ConfigIssue[] = [];
  const root = file.load.root ? deref(file.load.root) : undefined;
  if (!isMap(root)) {
    if (!file.load.error) issues.push({ code: 'notAHash', node: root ?? emptyNode(file), data: {} });
    return { levels: [], issues };
  }
  const add = (code: HieraConfigIssue, node: YNode, data: Record<string, string> = {}): void => {
    issues.push({ code, node, data });
  };
  for (const p of root.pairs) {
    const k = keyString(p.key);
    if (k === undefined || !TOP_KEYS.has(k)) add('unknownKey', p.key, { key: String(k ?? deref(p.key).kind), where: 'the top level' });
  }
  const version = mapGet(root, 'version');
  const vNode = version ? deref(version) : undefined;
  if (!vNode || vNode.kind !== 'scalar') {
    add('unsupportedVersion', vNode ?? root, { version: vNode ? 'non-scalar' : 'absent (3)' });
    return { levels: [], issues };
  }
  if (typeof vNode.value !== 'bigint') {
    add('badVersion', vNode, { got: vNode.source });
    return { levels: [], issues };
  }
  if (vNode.value !== 5n) {
    add('unsupportedVersion', vNode, { version: String(vNode.value) });
    // Puppet 7 still reads version 4 in environments and modules (src/hiera does too): its levels reach files.
    return { levels: vNode.value === 4n ? v4Levels(root, dir) : [], issues };
  }
  const defaults = mapGet(root, 'defaults');
  const defMap = defaults && isMap(deref(defaults)) ? (deref(defaults) as YMap) : undefined;
  if (defaults && !defMap) add('badValue', defaults, { key: 'defaults', expected: 'a Hash' });
  let defFunction: string | undefined = defaults ? undefined : 'yaml_data';
  let defDatadir = 'data';
  if (defMap) {
    const fns: string[] = [];
    for (const p of defMap.pairs) {
      const k = keyString(p.key);
      if (k === undefined || !DEFAULT_KEYS.has(k)) add('unknownKey', p.key, { key: String(k), where: 'defaults' });
      else if (k !== 'options') checkString(p.value, k, add);
      if (k && (FUNCTION_KEYS as readonly string[]).includes(k)) fns.push(k);
      if (k === 'options') checkOptions(p.value, 'defaults', add);
    }
    if (fns.length > 1) add('multipleFunctions', defMap, { where: 'defaults' });
    if (fns[0]) defFunction = stringOf(mapGet(defMap, fns[0]));
    defDatadir = stringOf(mapGet(defMap, 'datadir')) ?? 'data';
  }
  if (!inModule && mapGet(root, 'default_hierarchy')) {
    const n = root.pairs.find((p) => keyString(p.key) === 'default_hierarchy')!.key;
    add('defaultHierarchyOutsideModule', n);
  }
  const hierarchy = mapGet(root, 'hierarchy');
  const levels: HieraLevel[] = [];
  const seq = hierarchy ? deref(hierarchy) : undefined;
  if (seq && seq.kind !== 'seq') add('badValue', seq, { key: 'hierarchy', expected: 'an Array of entries' });
  if (seq?.kind === 'seq') {
    const seen = new Map<string, YNode>();
    seq.items.forEach((item, index) => {
      const entry = deref(item);
      if (!isMap(entry)) {
        add('badValue', entry, { key: `hierarchy index ${index}`, expected: 'a Hash' });
        return;
      }
      const level = parseEntry(entry, index, dir, defDatadir, defFunction, add);
      if (!level) return;
      const nameNode = mapGet(entry, 'name')!;
      if (seen.has(level.name)) add('duplicateName', nameNode, { name: level.name });
      else seen.set(level.name, nameNode);
      levels.push(level);
    });
  } else if (!hierarchy) {
    levels.push(defaultLevel(root, dir, defDatadir, defFunction));
  }
  // A module's default_hierarchy answers when its hierarchy finds nothing: its levels come last.
  const dh = inModule ? mapGet(root, 'default_hierarchy') : undefined;
  const dhSeq = dh ? deref(dh) : undefined;
  if (dhSeq?.kind === 'seq') {
    dhSeq.items.forEach((item, index) => {
      const entry = deref(item);
      const level = isMap(entry) ? parseEntry(entry, index, dir, defDatadir, defFunction, add) : undefined;
      if (level) levels.push({ ...level, section: 'default_hierarchy' });
    });
  }
  return { levels, issues };
}

/** Version 4 levels as Puppet reads them: path(s) defaulting to the name, the backend's extension appended. */
function v4Levels(root: YMap, dir: string): HieraLevel[] {
  const datadir = stringOf(mapGet(root, 'datadir')) ?? 'data';
  const seq = mapGet(root, 'hierarchy');
  const items = seq && deref(seq).kind === 'seq' ? (deref(seq) as YSeq).items.map(deref) : [];
  const levels: HieraLevel[] = [];
  items.forEach((entry, index) => {
    if (!isMap(entry)) return;
    const name = stringOf(mapGet(entry, 'name')) ?? '';
    const ext = stringOf(mapGet(entry, 'backend')) === 'json' ? '.json' : '.yaml';
    const paths = mapGet(entry, 'paths') ?? mapGet(entry, 'path');
    const nodes = paths ? (deref(paths).kind === 'seq' ? (deref(paths) as YSeq).items.map(deref) : [deref(paths)]) : [mapGet(entry, 'name')!];
    const patterns = nodes.filter((n): n is YScalar => n?.kind === 'scalar').map((n) => ({ text: `${String(n.value ?? '')}${ext}`, node: n }));
    const levelDir = posix.normalize(posix.join(dir, stringOf(mapGet(entry, 'datadir')) ?? datadir)).replace(/\/$/, '');
    levels.push({ name, index, node: entry, datadir: levelDir, kind: 'path', patterns, backend: ext === '.json' ? 'json_data' : 'yaml_data' });
  });
  return levels;
}

type Add = (code: HieraConfigIssue, node: YNode, data?: Record<string, string>) => void;

function parseEntry(entry: YMap, index: number, dir: string, defDatadir: string, defFunction: string | undefined, add: Add): HieraLevel | undefined {
  const fns: string[] = [];
  const locs: string[] = [];
  for (const p of entry.pairs) {
    const k = keyString(p.key);
    if (k === undefined || !ENTRY_KEYS.has(k)) {
      add('unknownKey', p.key, { key: String(k), where: `hierarchy index ${index}` });
      continue;
    }
    if ((FUNCTION_KEYS as readonly string[]).includes(k)) fns.push(k);
    if ((LOCATION_KEYS as readonly string[]).includes(k)) locs.push(k);
    if (k === 'options') checkOptions(p.value, `hierarchy index ${index}`, add);
    else if (k === 'paths' || k === 'globs' || k === 'uris' || k === 'mapped_paths') checkStringArray(p.value, k, add);
    else checkString(p.value, k, add);
  }
  const nameNode = mapGet(entry, 'name');
  const name = stringOf(nameNode);
  if (!name) {
    if (!nameNode) add('missingName', entry, { index: String(index) });
    return undefined;
  }
  if (fns.length > 1) add('multipleFunctions', entry, { where: `hierarchy '${name}'` });
  if (locs.length > 1) add('multipleLocations', entry, { name });
  const fnKey = fns[0];
  const backend = fnKey ? stringOf(mapGet(entry, fnKey)) : defFunction;
  if (!fnKey && !defFunction) add('noFunction', entry, { name });
  if (fnKey && fnKey !== 'hiera3_backend' && backend && !KNOWN_FUNCTIONS.has(backend)) {
    add('unknownFunction', mapGet(entry, fnKey)!, { kind: fnKey, fn: backend });
  }
  const datadir = posix.normalize(posix.join(dir, stringOf(mapGet(entry, 'datadir')) ?? defDatadir)).replace(/\/$/, '');
  const level: HieraLevel = { name, index, node: entry, datadir, kind: 'none', patterns: [], ...(backend ? { backend } : {}) };
  const loc = locs[0];
  if (!loc) {
    if (backend === 'yaml_data' || backend === 'json_data' || backend === 'eyaml_lookup_key') add('noLocation', entry, { name, fn: backend });
    return level;
  }
  const value = deref(mapGet(entry, loc)!);
  const scalars: YScalar[] = value.kind === 'scalar' ? [value] : value.kind === 'seq' ? value.items.map(deref).filter((n): n is YScalar => n.kind === 'scalar') : [];
  const patterns: LevelPattern[] = scalars.filter((s) => typeof s.value === 'string').map((s) => ({ text: s.value as string, node: s }));
  for (const p of patterns) if (tokenize(p.text).some((t) => t.method || t.badMethodCall)) add('methodInPath', p.node);
  if (loc === 'mapped_paths') {
    level.kind = 'mapped';
    if (patterns.length === 3) level.mapped = { variable: patterns[0]!.text, key: patterns[1]!.text, template: patterns[2]!, variableNode: patterns[0]!.node };
  } else {
    level.kind = loc.startsWith('glob') ? 'glob' : loc.startsWith('uri') ? 'uri' : 'path';
    level.patterns = patterns;
  }
  return level;
}

function defaultLevel(root: YMap, dir: string, datadir: string, backend: string | undefined): HieraLevel {
  const node: YScalar = { kind: 'scalar', span: root.span, value: 'common.yaml', style: 'plain', source: 'common.yaml' };
  return {
    name: 'Common', index: 0, node: root, datadir: posix.normalize(posix.join(dir, datadir)).replace(/\/$/, ''),
    kind: 'path', patterns: [{ text: 'common.yaml', node }], ...(backend ? { backend } : {}),
  };
}

function checkString(node: YNode, key: string, add: Add): void {
  const s = deref(node);
  if (s.kind !== 'scalar' || typeof s.value !== 'string' || s.value === '') add('badValue', s, { key, expected: 'a non-empty String' });
}

function checkStringArray(node: YNode, key: string, add: Add): void {
  const s = deref(node);
  if (s.kind !== 'seq' || s.items.length === 0) {
    add('badValue', s, { key, expected: 'a non-empty Array of Strings' });
    return;
  }
  if (key === 'mapped_paths' && s.items.length !== 3) add('badValue', s, { key, expected: 'an Array of exactly 3 Strings' });
  for (const item of s.items) checkString(item, key, add);
}

const OPTION_NAME = /^[A-Za-z](:?[0-9A-Za-z_-]*[0-9A-Za-z])?$/;

function checkOptions(node: YNode, where: string, add: Add): void {
  const m = deref(node);
  if (!isMap(m)) {
    add('badValue', m, { key: 'options', expected: 'a Hash' });
    return;
  }
  for (const p of m.pairs) {
    const k = keyString(p.key);
    if (k === 'path' || k === 'uri') add('reservedOption', p.key, { key: k, where });
    else if (k === undefined || !OPTION_NAME.test(k)) add('badValue', p.key, { key: `option name '${String(k)}'`, expected: 'a match for /\\A[A-Za-z](:?[0-9A-Za-z_-]*[0-9A-Za-z])?\\z/' });
  }
}

function emptyNode(file: DataFile): YScalar {
  return { kind: 'scalar', span: { start: 0, end: Math.min(file.text.length, file.text.indexOf('\n') >>> 0) }, value: null, style: 'plain', source: '' };
}
