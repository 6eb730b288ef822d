import type { OptionDef, ServiceSchema } from './model.js';

/** Which option definitions apply to one (normalised) section of a file. */
export interface Scope {
  /** The schema group the section takes its options from (for aliases and messages). */
  group: string;
  /** Searched in order; the first hit wins. */
  defs: readonly Map<string, OptionDef>[];
  /** Stable key of this set of defs, for the compile cache. */
  key: string;
  /** Section exists only at run time (cinder backend, glance store, ...). */
  dynamic: boolean;
}

/** What of the file decides runtime-only sections: enabled backends and auth plugins. */
export interface DocFacts {
  /** normalised section -> key -> last raw value */
  values: Map<string, Map<string, string>>;
}

const GLANCE_RESERVED_STORES = ['os_glance_staging_store', 'os_glance_tasks_store'];
const unionCache = new WeakMap<ServiceSchema, Map<string, OptionDef>>();

function allPluginOptions(schema: ServiceSchema): Map<string, OptionDef> {
  let u = unionCache.get(schema);
  if (!u) {
    u = new Map();
    for (const defs of schema.authPlugins.values()) for (const [k, d] of defs) if (!u.has(k)) u.set(k, d);
    unionCache.set(schema, u);
  }
  return u;
}

function splitList(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** keystoneauth1 loads the options of the plugin named by auth_type at run time. */
function pluginDefs(schema: ServiceSchema, section: string, facts: DocFacts | undefined): [Map<string, OptionDef>, string] {
  const authType = facts?.values.get(section)?.get('auth_type')?.trim();
  const named = authType ? schema.authPlugins.get(authType) : undefined;
  // Unset, unknown, or auth_section indirection: accept any plugin's options rather than guess.
  if (named && !facts?.values.get(section)?.has('auth_section')) return [named, `plugin:${authType}`];
  return [allPluginOptions(schema), 'plugin:*'];
}

function withPlugins(schema: ServiceSchema, group: string, section: string, facts: DocFacts | undefined, dynamic: boolean): Scope {
  const base = schema.groups.get(group)!;
  if (!base.has('auth_type') || schema.authPlugins.size === 0) return { group, defs: [base], key: group, dynamic };
  const [plugin, pkey] = pluginDefs(schema, section, facts);
  return { group, defs: [base, plugin], key: `${group}+${pkey}`, dynamic };
}

function cinderBackend(schema: ServiceSchema, section: string, facts: DocFacts | undefined): boolean {
  if (!schema.groups.has('backend_defaults')) return false;
  if (splitList(facts?.values.get('DEFAULT')?.get('enabled_backends')).some((b) => b.toLowerCase() === section)) return true;
  return facts?.values.get(section)?.has('volume_driver') === true;
}

function glanceStore(schema: ServiceSchema, section: string, facts: DocFacts | undefined): Scope | undefined {
  const store = schema.groups.get('glance_store');
  if (!store) return undefined;
  let type: string | undefined;
  if (GLANCE_RESERVED_STORES.includes(section)) type = 'file';
  for (const pair of splitList(facts?.values.get('DEFAULT')?.get('enabled_backends'))) {
    const [name, t] = pair.split(':', 2).map((s) => s.trim());
    if (name?.toLowerCase() === section) type = t ?? '';
  }
  if (type === undefined) return undefined;
  // A store section takes its driver's options; glance_store holds every driver's, so it is the safe superset.
  const specific = schema.groups.get(`glance.store.${type}.store`);
  const defs = specific ? [specific, store] : [store];
  return { group: specific ? `glance.store.${type}.store` : 'glance_store', defs, key: `store:${type}`, dynamic: true };
}

/** The scope of a normalised section name, or undefined when no group of the service uses it. */
export function scopeFor(schema: ServiceSchema, section: string, facts?: DocFacts): Scope | undefined {
  if (schema.groups.has(section)) return withPlugins(schema, section, section, facts, false);
  if (cinderBackend(schema, section, facts)) {
    return { group: 'backend_defaults', defs: [schema.groups.get('backend_defaults')!], key: 'backend_defaults', dynamic: true };
  }
  const store = glanceStore(schema, section, facts);
  if (store) return store;
  return undefined;
}

/** True when some option lists this section as a deprecated group (e.g. [sql]). */
export function isDeprecatedGroup(schema: ServiceSchema, section: string): boolean {
  for (const k of schema.deprecated.keys()) if (k.startsWith(`${section}\0`)) return true;
  return false;
}

/** Best-effort lookup without file context (for masking): static, plugin, alias, then dynamic templates. */
export function resolveOption(schema: ServiceSchema, section: string, key: string): OptionDef | undefined {
  const norm = section === 'DEFAULT' ? section : section.toLowerCase();
  const scope = scopeFor(schema, norm);
  for (const defs of scope?.defs ?? []) {
    const d = defs.get(key);
    if (d) return d;
  }
  const alias = schema.deprecated.get(`${norm}\0${key}`);
  if (alias?.[0]) return alias[0].def;
  if (!scope) {
    const backend = schema.groups.get('backend_defaults')?.get(key);
    if (backend) return backend;
    for (const [g, defs] of schema.groups) if (g.startsWith('glance.store') || g === 'glance_store') if (defs.has(key)) return defs.get(key);
  }
  return undefined;
}
