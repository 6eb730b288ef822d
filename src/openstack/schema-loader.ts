import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageFile } from '../package-files.js';
import { HieradriftError } from '../source/index.js';
import type { OptionDef, OsloType, ServiceSchema } from './model.js';

/** Service name -> the config file its schema describes. */
export const serviceFiles: Readonly<Record<string, string>> = {
  nova: 'nova.conf',
  keystone: 'keystone.conf',
  neutron: 'neutron.conf',
  'glance-api': 'glance-api.conf',
  cinder: 'cinder.conf',
  'neutron-dhcp-agent': 'dhcp_agent.ini',
  'neutron-l3-agent': 'l3_agent.ini',
  'neutron-ml2': 'ml2_conf.ini',
  'neutron-openvswitch-agent': 'openvswitch_agent.ini',
  'neutron-ovn': 'ovn.ini',
  'glance-cache': 'glance-cache.conf',
  'glance-scrubber': 'glance-scrubber.conf',
  'glance-manage': 'glance-manage.conf',
  'glance-image-import': 'glance-image-import.conf',
};
const aliases: Readonly<Record<string, string>> = { glance: 'glance-api' };

export const defaultRelease = 'zed';
// schemas/ ships next to dist/ in the package.
const packageRoot = packageFile();

interface JsonOption {
  type?: string;
  items?: { osloType: OsloType };
  osloType?: OsloType;
  description?: string;
  'x-oslo': {
    name: string; multi: boolean; secret: boolean; default?: unknown; namespace?: string;
    deprecatedNames?: { group: string; name: string }[];
    deprecatedForRemoval?: { reason: string | null };
  };
}
interface JsonGroup { properties: Record<string, JsonOption> }
interface JsonSchemaFile {
  'x-oslo-service': string;
  'x-oslo-release': string;
  'x-oslo-auth-plugins'?: Record<string, Record<string, JsonOption>>;
  properties: Record<string, JsonGroup>;
}

function typeName(t: OsloType, multi: boolean): string {
  if (multi && t.kind === 'string') return 'multistring';
  return t.kind === 'float' ? 'float' : t.kind;
}

function toDef(dest: string, o: JsonOption): OptionDef {
  const m = o['x-oslo'];
  const t: OsloType = (o.items?.osloType ?? o.osloType) ?? { kind: 'string' };
  const def: OptionDef = {
    name: m.name,
    dest,
    type: typeName(t, m.multi),
    osloType: t,
    multi: m.multi,
    secret: m.secret,
    deprecatedNames: m.deprecatedNames ?? [],
  };
  if (m.default !== undefined) def.default = m.default;
  if (t.choices) def.choices = t.choices.map(([c]) => String(c));
  if (t.min !== undefined) def.min = t.min;
  if (t.max !== undefined) def.max = t.max;
  if (t.regex !== undefined) def.regex = t.regex;
  if (t.item) def.itemType = t.item.kind;
  if (m.deprecatedForRemoval) def.deprecatedForRemoval = m.deprecatedForRemoval.reason ? { reason: m.deprecatedForRemoval.reason } : {};
  if (o.description) def.help = o.description;
  return def;
}

function defsOf(props: Record<string, JsonOption>): Map<string, OptionDef> {
  const out = new Map<string, OptionDef>();
  for (const [dest, o] of Object.entries(props)) out.set(dest, toDef(dest, o));
  return out;
}

/** Builds the in-memory schema from a parsed schema file (shipped or --schema). */
export function schemaFromJson(json: unknown, origin: string): ServiceSchema {
  const j = json as JsonSchemaFile;
  if (!j || typeof j !== 'object' || typeof j.properties !== 'object') {
    throw new HieradriftError('config', `${origin} is not an oslo option schema (no "properties")`);
  }
  const groups = new Map<string, Map<string, OptionDef>>();
  const deprecated = new Map<string, { group: string; def: OptionDef }[]>();
  const byName = new Map<string, OptionDef>();
  for (const [group, g] of Object.entries(j.properties)) {
    const defs = defsOf(g.properties ?? {});
    groups.set(group, defs);
    for (const def of defs.values()) {
      if (def.name !== def.dest) byName.set(`${group}\0${def.name}`, def);
      for (const d of def.deprecatedNames) {
        const key = `${d.group ?? group}\0${d.name}`;
        const list = deprecated.get(key);
        if (list) list.push({ group, def });
        else deprecated.set(key, [{ group, def }]);
      }
    }
  }
  // One alias can feed several options (oslo.db's sql_connection feeds nova's [database] and [api_database]):
  // name the alias's own group first, then the shortest group name.
  for (const [key, list] of deprecated) {
    const own = key.slice(0, key.indexOf('\0'));
    list.sort((a, b) => Number(b.group === own) - Number(a.group === own) || a.group.length - b.group.length || (a.group < b.group ? -1 : 1));
  }
  // oslo always has a DEFAULT group, even for a file whose namespaces register nothing there.
  if (!groups.has('DEFAULT')) groups.set('DEFAULT', new Map());
  const authPlugins = new Map<string, Map<string, OptionDef>>();
  for (const [name, props] of Object.entries(j['x-oslo-auth-plugins'] ?? {})) authPlugins.set(name, defsOf(props));
  return {
    service: j['x-oslo-service'] ?? basename(origin),
    release: j['x-oslo-release'] ?? 'unknown',
    groups,
    authPlugins,
    deprecated,
    byName,
    json: json as Record<string, unknown>,
  };
}

const cache = new Map<string, ServiceSchema>();

/** Reads and indexes a schema file once per process. */
export function loadSchemaFile(path: string): ServiceSchema {
  let s = cache.get(path);
  if (!s) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new HieradriftError('io', `cannot read schema ${path}: ${(e as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new HieradriftError('config', `schema ${path} is not JSON: ${(e as Error).message}`);
    }
    s = schemaFromJson(json, path);
    cache.set(path, s);
  }
  return s;
}

/** The shipped schema of a service (`nova`, `glance-api`, ...) for a release; cached. */
export function loadServiceSchema(service: string, release: string = defaultRelease): ServiceSchema {
  const name = aliases[service] ?? service;
  const file = serviceFiles[name];
  if (!file) {
    throw new HieradriftError('usage', `no schema for service '${service}' (known: ${Object.keys(serviceFiles).join(', ')})`);
  }
  if (!/^[a-z0-9_-]+$/i.test(release)) throw new HieradriftError('usage', `bad release name '${release}'`);
  return loadSchemaFile(join(packageRoot, 'schemas', 'openstack', release, `${file}.json`));
}

/** nova.conf -> nova, glance-api.conf -> glance-api; undefined when the name says nothing. */
export function serviceForFile(path: string): string | undefined {
  const base = basename(path);
  for (const [service, file] of Object.entries(serviceFiles)) {
    if (base === file || base.startsWith(`${file}.`)) return service;
  }
  return undefined;
}
