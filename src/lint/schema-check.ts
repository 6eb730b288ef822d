import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packageFile } from '../package-files.js';

// ajv is loaded on first use: a repo without .hieradrift.yaml (the pre-commit path) never pays for it.
let ajvInstance: AjvClass | undefined;
function ajv(): AjvClass {
  if (!ajvInstance) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    ajvInstance = new Ajv({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true });
  }
  return ajvInstance;
}
const compiled = new Map<object | string, ValidateFunction>();

/** One ajv instance for the lint domain; each schema compiles once. */
export function validator(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, (v = ajv().compile(schema)));
  return v;
}

/** A schema shipped in schemas/, read once. */
export function shippedSchema(name: string): object {
  const key = `file:${name}`;
  let v = compiled.get(key);
  if (!v) {
    const schema = JSON.parse(readFileSync(packageFile('schemas', name), 'utf8')) as object;
    compiled.set(key, (v = ajv().compile(schema)));
  }
  return v.schema as object;
}

/** One schema violation: where (JSON path segments, and the key itself when the key is at fault) and what. */
export interface SchemaProblem {
  path: string[];
  /** Set when the problem is a key of the object at `path` (unknown property, bad property name). */
  key?: string;
  message: string;
}

/**
 * Structured ajv errors as problems a person can act on. A failed `oneOf` reports every branch; only the
 * branches that match the value's kind are kept, so `yaml/octal: bad` says "must be one of off, ..." and
 * not also "must be array".
 */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined, data?: unknown): SchemaProblem[] {
  const all = (errors ?? []).filter((e) => e.keyword !== 'if' && !e.schemaPath.includes('/propertyNames/'));
  const drop = new Set<ErrorObject>();
  for (const one of all) {
    if (one.keyword !== 'oneOf') continue;
    drop.add(one);
    const at = one.instancePath;
    const group = all.filter((e) => e !== one && e.keyword !== 'oneOf' && (e.instancePath === at || e.instancePath.startsWith(`${at}/`)));
    const value = valueAt(data, pointerSegments(at));
    // A branch for another kind of value: a type mismatch, or a list of words for a list or map.
    const wrongKind = (e: ErrorObject): boolean =>
      e.instancePath === at && (e.keyword === 'type' || (e.keyword === 'enum' && typeof value === 'object' && value !== null));
    let keep = group.filter((e) => !wrongKind(e));
    if (keep.length === 0) keep = group;
    if (keep.some((e) => e.instancePath !== at)) keep = keep.filter((e) => e.instancePath !== at);
    for (const e of group) if (!keep.includes(e)) drop.add(e);
  }
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of all) {
    if (drop.has(e)) continue;
    const path = pointerSegments(e.instancePath);
    let p: SchemaProblem;
    switch (e.keyword) {
      case 'enum':
        p = { path, message: `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` };
        break;
      case 'additionalProperties': {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        p = { path, key, message: `unknown property '${key}'` };
        break;
      }
      case 'propertyNames': {
        const key = (e.params as { propertyName: string }).propertyName;
        p = { path, key, message: `'${key}' is not a valid name here` };
        break;
      }
      case 'required':
        p = { path, message: `missing property '${(e.params as { missingProperty: string }).missingProperty}'` };
        break;
      default:
        p = { path, message: e.message ?? e.keyword };
    }
    const id = `${JSON.stringify([p.path, p.key])}${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out;
}

/** `rules.yaml/octal`, or `(top level)`: a path for a message, the keys as written. */
export function describePath(path: readonly string[]): string {
  return path.length ? path.join('.') : '(top level)';
}

/** `rules.x: must be one of off, warn, ...; ...`, from structured ajv errors. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined, data?: unknown): string {
  return schemaProblems(errors, data)
    .map((p) => `${describePath(p.path)}: ${p.message}`)
    .join('; ');
}

/** JSON pointer (`/rules/yaml~1octal`) to its segments (`rules`, `yaml/octal`). */
export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
