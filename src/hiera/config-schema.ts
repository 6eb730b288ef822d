import type { YMap, YNode } from '../yaml/index.js';
import { deref, keyName } from './yaml-access.js';

/**
 * HieraConfigV5.config_type checked over the positioned YAML tree, with TypeAsserter's wording.
 * Each problem names the node it is about so the caller can position it.
 */
export interface SchemaProblem {
  node: YNode;
  message: string;
}

const OPTION_NAME = /^[A-Za-z](:?[0-9A-Za-z_-]*[0-9A-Za-z])?$/;
const TOP_KEYS = new Set(['version', 'defaults', 'hierarchy', 'plan_hierarchy', 'default_hierarchy']);
const DEFAULTS_KEYS = new Set(['data_hash', 'lookup_key', 'data_dig', 'datadir', 'options']);
const ENTRY_STRINGS = new Set([
  'name', 'data_hash', 'lookup_key', 'data_dig', 'hiera3_backend', 'v4_data_hash', 'path', 'glob', 'uri', 'datadir',
]);
const ENTRY_ARRAYS = new Set(['paths', 'globs', 'uris', 'mapped_paths']);

export function typeLabel(n: YNode): string {
  const d = deref(n);
  if (d.kind === 'map') return 'Struct';
  if (d.kind === 'seq') return 'Tuple';
  const v = d.value;
  if (v === null) return 'Undef';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'bigint') return 'Integer';
  if (typeof v === 'number') return 'Float';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Runtime';
}

export function checkV5Schema(root: YMap): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const p of root.pairs) {
    const k = keyName(p.key);
    if (k === undefined || !TOP_KEYS.has(k)) {
      out.push({ node: p.key, message: `unrecognized key '${k ?? String(deref(p.key).value)}'` });
      continue;
    }
    const v = deref(p.value);
    if (k === 'version') {
      if (typeof v.value !== 'bigint') out.push({ node: v, message: `entry 'version' expects an Integer value, got ${typeLabel(v)}` });
      else if (v.value !== 5n) out.push({ node: v, message: `entry 'version' expects an Integer[5, 5] value, got Integer[${v.value}, ${v.value}]` });
    } else if (k === 'defaults') {
      if (v.kind !== 'map') out.push({ node: v, message: `entry 'defaults' expects a Struct value, got ${typeLabel(v)}` });
      else checkStruct(v, `entry 'defaults'`, DEFAULTS_KEYS, new Set(), out);
    } else {
      if (v.kind !== 'seq') {
        out.push({ node: v, message: `entry '${k}' expects an Array value, got ${typeLabel(v)}` });
        continue;
      }
      v.items.forEach((item, i) => {
        const e = deref(item);
        const where = `entry '${k}' index ${i}`;
        if (e.kind !== 'map') out.push({ node: e, message: `${where} expects a Struct value, got ${typeLabel(e)}` });
        else checkStruct(e, where, ENTRY_STRINGS, ENTRY_ARRAYS, out, true);
      });
    }
  }
  return out;
}

function checkStruct(
  m: YMap,
  where: string,
  strings: Set<string>,
  arrays: Set<string>,
  out: SchemaProblem[],
  needsName = false,
): void {
  let hasName = false;
  for (const p of m.pairs) {
    const k = keyName(p.key);
    const v = deref(p.value);
    if (k === 'name') hasName = true;
    if (k === 'options') {
      checkOptions(v, `${where} entry 'options'`, out);
    } else if (k !== undefined && strings.has(k) && k !== 'options') {
      if (typeof v.value !== 'string' || v.kind !== 'scalar') {
        out.push({ node: v, message: `${where} entry '${k}' expects a String value, got ${typeLabel(v)}` });
      } else if (v.value === '') {
        out.push({ node: v, message: `${where} entry '${k}' expects a String[1] value, got String` });
      }
    } else if (k !== undefined && arrays.has(k)) {
      if (v.kind !== 'seq') {
        out.push({ node: v, message: `${where} entry '${k}' expects an Array value, got ${typeLabel(v)}` });
        continue;
      }
      const n = v.items.length;
      if (k === 'mapped_paths' && n !== 3) out.push({ node: v, message: `${where} entry '${k}' expects size to be 3, got ${n}` });
      else if (n < 1) out.push({ node: v, message: `${where} entry '${k}' expects size to be at least 1, got 0` });
      v.items.forEach((it, i) => {
        const s = deref(it);
        if (typeof s.value !== 'string' || s.kind !== 'scalar') {
          out.push({ node: s, message: `${where} entry '${k}' index ${i} expects a String value, got ${typeLabel(s)}` });
        } else if (s.value === '') {
          out.push({ node: s, message: `${where} entry '${k}' index ${i} expects a String[1] value, got String` });
        }
      });
    } else {
      out.push({ node: p.key, message: `${where} unrecognized key '${k ?? String(deref(p.key).value)}'` });
    }
  }
  if (needsName && !hasName) out.push({ node: m, message: `${where} expects a value for key 'name'` });
}

function checkOptions(v: YNode, where: string, out: SchemaProblem[]): void {
  if (v.kind !== 'map') {
    out.push({ node: v, message: `${where} expects a Hash value, got ${typeLabel(v)}` });
    return;
  }
  for (const p of v.pairs) {
    const k = keyName(p.key);
    if (k === undefined || !OPTION_NAME.test(k)) {
      out.push({
        node: p.key,
        message: `${where} key of entry '${k ?? String(deref(p.key).value)}' expects a match for Pattern[/\\A[A-Za-z](:?[0-9A-Za-z_-]*[0-9A-Za-z])?\\z/], got '${k ?? ''}'`,
      });
    }
  }
}
