import type { Span } from '../source/index.js';
import { RubySymbol, type HHash, type HValue } from '../value/index.js';
import type { YamlLoadResult } from '../yaml/index.js';
import type { Where } from './errors.js';
import { eyamlShapeProblem, eyamlValue, isEncrypted } from './eyaml.js';
import { needsInterpolation } from './interpolate.js';
import { deref, keyName, readDataFile, symkeysToString } from './yaml-access.js';

/** A data file as a data_hash / lookup_key function returns it, cached across nodes. */
export interface DataFile {
  path: string;
  fn: string;
  data: HHash;
  /** Set when Puppet cannot use the file: every lookup that reaches it fails. */
  error?: string;
  warnings: string[];
  loaded?: YamlLoadResult;
  /** Per top-level key: the span of its value, computed on first use (for positioned messages). */
  spans?: Map<string, Span>;
  /** Per top-level key: what every node's lookup needs to know about the raw value, computed once. */
  entries: Map<string, Entry>;
}

export interface Entry {
  value: HValue;
  needsInterpolation: boolean;
  richDataProblem?: string;
  /** An ENC[...] token hiera-eyaml could not decrypt (unknown scheme, broken base64); never the ciphertext. */
  eyamlProblem?: string;
}

const EMPTY: HHash = new Map();

export function loadData(path: string, fn: string, module: string | undefined): DataFile {
  const json = fn === 'json_data';
  const loaded = readDataFile(path, json);
  const file: DataFile = { path, fn, data: EMPTY, warnings: [], entries: new Map() };
  if (!loaded) {
    file.error = `No such file or directory @ rb_sysopen - ${path}`;
    return file;
  }
  file.loaded = loaded;
  if (loaded.error) {
    file.error = `Unable to parse (${path}): ${loaded.error.message}`;
    return file;
  }
  const v = loaded.value;
  if (!(v instanceof Map)) {
    if (json) {
      file.error = `Value returned from data_hash function 'json_data', when using location '${path}', has wrong type, expects a Hash value, got ${jsonType(v)}`;
    } else file.warnings.push(`${path}: file does not contain a valid yaml hash`);
    return file;
  }
  let data = hasSymbolKeys(v) ? (symkeysToString(v) as HHash) : v;
  if (module !== undefined) {
    const kept: HHash = new Map();
    let dropped = false;
    for (const [k, x] of data) {
      if (typeof k === 'string' && (k === 'lookup_options' || k.startsWith(`${module}::`))) kept.set(k, x);
      else dropped = true;
    }
    if (dropped) {
      file.warnings.push(
        `Module '${module}': Value returned from data_hash function '${fn}', when using location '${path}', must use keys qualified with the name of the module`,
      );
      data = kept;
    }
  }
  file.data = data;
  return file;
}

function jsonType(v: HValue | undefined): string {
  if (v === undefined || v === null) return 'Undef';
  if (Array.isArray(v)) return 'Tuple';
  if (typeof v === 'string') return 'String';
  return 'Scalar';
}

function hasSymbolKeys(v: HValue): boolean {
  if (Array.isArray(v)) return v.some(hasSymbolKeys);
  if (v instanceof Map) for (const [k, x] of v) if (k instanceof RubySymbol || hasSymbolKeys(x)) return true;
  return false;
}

/** The cached facts about a top-level key, or undefined when the file lacks it. */
export function entryOf(file: DataFile, key: string): Entry | undefined {
  let e = file.entries.get(key);
  if (e) return e;
  if (!file.data.has(key)) return undefined;
  let value = file.data.get(key) as HValue;
  const problem = richDataProblem(value);
  const eyaml = !problem && file.fn === 'eyaml_lookup_key' ? firstEyamlProblem(value) : undefined;
  if (!problem && file.fn === 'eyaml_lookup_key') value = eyamlValue(value, `${file.path}:${key}`);
  e = { value, needsInterpolation: needsInterpolation(value) };
  if (problem) e.richDataProblem = problem;
  if (eyaml) e.eyamlProblem = eyaml;
  file.entries.set(key, e);
  return e;
}

function firstEyamlProblem(v: HValue): string | undefined {
  if (typeof v === 'string') return isEncrypted(v) ? eyamlShapeProblem(v) : undefined;
  const items = Array.isArray(v) ? v : v instanceof Map ? [...v.values()] : [];
  for (const x of items) {
    const p = firstEyamlProblem(x);
    if (p) return p;
  }
  return undefined;
}

/** The span of a top-level key's value, for messages that point into the data. */
export function valueSpan(file: DataFile, key: string): Span | undefined {
  if (!file.loaded?.root) return undefined;
  if (!file.spans) {
    file.spans = new Map();
    const root = deref(file.loaded.root);
    if (root.kind === 'map') {
      for (const p of root.pairs) {
        const k = keyName(p.key);
        if (k !== undefined) file.spans.set(k, p.value.span);
      }
    }
  }
  return file.spans.get(key);
}

/** A top-level key's value position, for LookupError.where. */
export function valueWhere(file: DataFile, key: string): Where {
  const span = valueSpan(file, key);
  const lc = file.loaded?.lineCounter;
  if (!span || !lc) return { file: file.path };
  const s = lc.position(span.start);
  const e = lc.position(span.end);
  return { file: file.path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** Puppet's RichData check, done only when the key is looked up. */
export function richDataProblem(v: HValue): string | undefined {
  if (v instanceof RubySymbol) return "Runtime[ruby, 'Symbol']";
  if (Array.isArray(v)) {
    for (const x of v) {
      const p = richDataProblem(x);
      if (p) return p;
    }
  } else if (v instanceof Map) {
    for (const [k, x] of v) {
      if (k === null) return 'Hash[Undef, ...]';
      if (typeof k === 'boolean') return `Hash[Boolean[${k}], ...]`;
      if (k instanceof RubySymbol) return "Hash[Runtime[ruby, 'Symbol'], ...]";
      const p = richDataProblem(x);
      if (p) return p;
    }
  }
  return undefined;
}
