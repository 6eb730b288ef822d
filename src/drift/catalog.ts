import type { Diagnostic } from '../source/index.js';
import { JsonNumber, JsonSyntaxError, parseJsonLexeme, type JsonValue } from './json-lexeme.js';
import { mungeValue } from './munge.js';
import type { ResourceFileTable } from './resource-files.js';
import type { ExpectedFile, ExpectedNode, ExpectedSetting } from './types.js';

const IMMUTABLE = '<_IMMUTABLE_>';
const SERVICE_DEFAULT = '<SERVICE DEFAULT>';

/**
 * Reads a compiled catalog: `puppet catalog compile --render-as json` output (Notice lines before
 * the first `{` are skipped), an agent's cached catalog, or a PuppetDB export (`certname`,
 * `resources` as an array or `{data: [...]}`). Every `*_config` resource whose type is in the table
 * becomes a file/section/key expectation after the provider's munging.
 */
export function readCatalog(text: string, file: string, table: ResourceFileTable, nodeHint?: string): ExpectedNode {
  const diagnostics: Diagnostic[] = [];
  const start = text.indexOf('{');
  let root: JsonValue;
  try {
    if (start < 0) throw new JsonSyntaxError('no JSON object found', 0);
    root = parseJsonLexeme(text, start);
  } catch (e) {
    const off = e instanceof JsonSyntaxError ? e.offset : 0;
    const line = text.slice(0, off).split('\n').length;
    diagnostics.push(diag(file, `catalog is not valid JSON: ${(e as Error).message}`, line));
    return { node: nodeHint ?? '', source: 'catalog', files: [], diagnostics };
  }
  const cat = unwrap(root);
  const node = str(cat?.get('name')) ?? str(cat?.get('certname')) ?? nodeHint ?? '';
  let resources = cat?.get('resources');
  if (resources instanceof Map) resources = resources.get('data');
  if (!Array.isArray(resources)) {
    diagnostics.push(diag(file, 'catalog has no resources array'));
    return { node, source: 'catalog', files: [], diagnostics };
  }
  const files = new Map<string, ExpectedFile>();
  const purged = new Set<string>();
  for (const r of resources) {
    if (!(r instanceof Map)) continue;
    const type = (str(r.get('type')) ?? '').toLowerCase();
    const title = str(r.get('title')) ?? '';
    const params = r.get('parameters') instanceof Map ? (r.get('parameters') as Map<string, JsonValue>) : new Map<string, JsonValue>();
    if (type === 'resources') {
      if (table.has(title.toLowerCase()) && truthy(params.get('purge'))) purged.add(title.toLowerCase());
      continue;
    }
    const rf = table.get(type);
    if (!rf || rf.sectionless) continue;
    const name = str(params.get('name')) ?? title;
    const slash = name.indexOf('/');
    if (slash <= 0 || slash === name.length - 1) {
      diagnostics.push(diag(file, `${capital(type)}[${name}]: name must be SECTION/KEY`));
      continue;
    }
    let f = files.get(type);
    if (!f) files.set(type, (f = { path: rf.path, type, provider: rf.provider, purge: false, settings: [] }));
    const setting = toSetting(capital(type), name, params, rf.provider);
    const src = str(r.get('file'));
    const line = r.get('line');
    if (src && line instanceof JsonNumber) setting.source = { file: src, line: Number(line.text) };
    f.settings.push(setting);
  }
  for (const type of purged) {
    const rf = table.get(type)!;
    let f = files.get(type);
    if (!f) files.set(type, (f = { path: rf.path, type, provider: rf.provider, purge: true, settings: [] }));
    f.purge = true;
  }
  return { node, source: 'catalog', files: [...files.values()], diagnostics };
}

/** Applies the type's munge and the provider's exists? logic to one resource's parameters. */
export function toSetting(typeName: string, name: string, params: Map<string, JsonValue>, provider: 'openstackconfig' | 'ini_setting'): ExpectedSetting {
  const slash = name.indexOf('/');
  const section = name.slice(0, slash);
  const key = name.slice(slash + 1);
  let secret = truthy(params.get('secret'));
  let raw: JsonValue | undefined = params.has('value') ? (params.get('value') as JsonValue) : undefined;
  // Rich data: Sensitive values arrive as {"__ptype": "Sensitive", "__pvalue": ...}.
  const unwrapSensitive = (v: JsonValue): JsonValue => {
    if (v instanceof Map && v.get('__ptype') === 'Sensitive') {
      secret = true;
      return v.get('__pvalue') ?? null;
    }
    return v;
  };
  if (raw !== undefined) raw = unwrapSensitive(raw);
  const ensureParam = str(params.get('ensure'));
  const absentVal = params.has('ensure_absent_val') ? mungeValue(params.get('ensure_absent_val')!) : SERVICE_DEFAULT;
  const resource = `${typeName}[${name}]`;
  const base = { section, key, secret, resource };
  if (ensureParam === 'absent') return { ...base, ensure: 'absent', values: [] };
  let values: string[] | undefined;
  if (raw !== undefined && raw !== null) {
    const list = Array.isArray(raw) ? raw.map(unwrapSensitive) : [raw];
    values = list.map(mungeValue);
    // ini_setting types have a scalar value property: only the first element counts.
    if (provider === 'ini_setting') values = values.slice(0, 1);
  }
  if (values === undefined || values.length === 0) {
    return { ...base, ensure: ensureParam === 'present' ? 'present-any' : 'unmanaged', values: [] };
  }
  if (values.length === 1 && values[0] === absentVal) return { ...base, ensure: 'absent', values: [] };
  if (values.length === 1 && values[0] === IMMUTABLE) return { ...base, ensure: 'unmanaged', values: [] };
  return { ...base, ensure: 'present', values };
}

function unwrap(v: JsonValue): Map<string, JsonValue> | undefined {
  if (!(v instanceof Map)) return undefined;
  // Old agent caches wrap the catalog as {"document_type": "Catalog", "data": {...}}.
  const data = v.get('data');
  if (!v.has('resources') && data instanceof Map && data.has('resources')) return data;
  return v;
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function truthy(v: JsonValue | undefined): boolean {
  return v === true || v === 'true';
}

const capitals = new Map<string, string>();
function capital(type: string): string {
  let c = capitals.get(type);
  if (c === undefined) capitals.set(type, (c = capitalize(type)));
  return c;
}

function capitalize(type: string): string {
  return type
    .split('::')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('::');
}

function diag(file: string, message: string, line = 1): Diagnostic {
  return { ruleId: 'drift/catalog', severity: 'error', message, file, line, column: 1, endLine: line, endColumn: 1 };
}
