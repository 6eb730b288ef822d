import { isSecretOptionName } from '../security/index.js';
import * as openstack from '../openstack/index.js';

/** The slice of the src/openstack contract drift uses; looked up at run time so drift works while it is absent. */
export interface DriftOptionDef {
  type: string;
  multi: boolean;
  secret: boolean;
  itemType?: string;
  osloType?: unknown;
}
export interface DriftSchema {
  groups: Map<string, Map<string, DriftOptionDef>>;
}

const os = openstack as Record<string, unknown>;
type Fn<A extends unknown[], R> = ((...a: A) => R) | undefined;
const loadServiceSchema = os['loadServiceSchema'] as Fn<[string, string?], DriftSchema>;
const serviceForFile = os['serviceForFile'] as Fn<[string], string | undefined>;
const isSecretOption = os['isSecretOption'] as Fn<[DriftSchema | undefined, string, string], boolean>;
const convertFn = os['convert'] as Fn<[string, unknown], { ok: true; value: unknown } | { ok: false; message: string }>;

const schemaCache = new Map<string, DriftSchema | undefined>();

/** The option schema for a deployed file (nova.conf -> nova), or undefined when none is shipped. */
export function schemaForFile(path: string): DriftSchema | undefined {
  if (typeof serviceForFile !== 'function' || typeof loadServiceSchema !== 'function') return undefined;
  const svc = serviceForFile(path);
  if (!svc) return undefined;
  if (!schemaCache.has(svc)) {
    let s: DriftSchema | undefined;
    try {
      s = loadServiceSchema(svc);
    } catch {
      s = undefined; // no schema for this service: fall back to textual comparison
    }
    schemaCache.set(svc, s);
  }
  return schemaCache.get(svc);
}

export function optionDef(schema: DriftSchema | undefined, group: string, key: string): DriftOptionDef | undefined {
  return schema?.groups.get(group)?.get(key);
}

/** Secret by name (reference §5.3 rule 2) or by the schema, through aliases and dynamic sections where src/openstack resolves them. */
export function isSecretKey(schema: DriftSchema | undefined, group: string, key: string): boolean {
  if (isSecretOptionName(key)) return true;
  if (typeof isSecretOption === 'function') {
    try {
      if (isSecretOption(schema, group, key)) return true;
    } catch {
      // contract not ready: the name rule above still applies
    }
  }
  return optionDef(schema, group, key)?.secret === true;
}

/** oslo's typed reading of one raw value, as a comparable string; raw text when untyped or invalid. */
export function typedKey(raw: string, def: DriftOptionDef | undefined): string {
  if (!def) return `s:${raw}`;
  if (def.osloType !== undefined && typeof convertFn === 'function') {
    try {
      const r = convertFn(raw, def.osloType);
      return r.ok ? `v:${stable(r.value)}` : `invalid:${raw}`;
    } catch {
      // fall back to the local conversion
    }
  }
  return `v:${localConvert(raw, def.type, def.itemType)}`;
}

function stable(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${stable(k)}:${stable(x)}`).sort().join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).sort().join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** A minimal version of oslo's types.py (reference §2) for when src/openstack gives no converter. */
function localConvert(raw: string, type: string, itemType?: string): string {
  const s = raw;
  switch (type) {
    case 'boolean': {
      const l = s.toLowerCase();
      if (['true', '1', 'on', 'yes'].includes(l)) return 'true';
      if (['false', '0', 'off', 'no'].includes(l)) return 'false';
      return `invalid:${s}`;
    }
    case 'integer':
    case 'port': {
      const t = pyTrim(s);
      if (t === '') return 'None';
      if (!/^[+-]?\d+(_\d+)*$/.test(t)) return `invalid:${s}`;
      return BigInt(t.replace(/_/g, '')).toString();
    }
    case 'float': {
      const t = pyTrim(s);
      if (t === '') return 'None';
      const n = Number(t.replace(/_/g, ''));
      return Number.isNaN(n) && !/^[+-]?nan$/i.test(t) ? `invalid:${s}` : String(n);
    }
    case 'list': {
      // oslo: value.strip().rstrip(',') then split on ',' and strip each item.
      const body = pyTrim(s).replace(/,+$/, '');
      if (body === '') return '[]';
      return JSON.stringify(body.split(',').map((x) => localConvert(pyTrim(x), itemType ?? 'string')));
    }
    case 'dict': {
      const t = pyTrim(s);
      if (t === '') return '{}';
      const pairs = t.split(',').map((p) => {
        const i = p.indexOf(':');
        return i < 0 ? `!${p}` : `${pyTrim(p.slice(0, i))}:${pyTrim(p.slice(i + 1))}`;
      });
      return JSON.stringify(pairs.sort());
    }
    case 'hostname':
      return s.replace(/\.$/, '');
    default:
      return s;
  }
}

function pyTrim(s: string): string {
  return s.replace(/^\s+|\s+$/g, '');
}
