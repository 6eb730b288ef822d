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

/** `/rules/x: must be equal to one of the allowed values (off, warn, ...)`, from structured ajv errors. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => {
      const at = e.instancePath || '/';
      switch (e.keyword) {
        case 'enum':
          return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
        case 'additionalProperties':
          return `${at}: unknown property '${(e.params as { additionalProperty: string }).additionalProperty}'`;
        case 'required':
          return `${at}: missing property '${(e.params as { missingProperty: string }).missingProperty}'`;
        default:
          return `${at}: ${e.message ?? e.keyword}`;
      }
    })
    .join('; ');
}
