import { Ajv2020, type ErrorObject, type KeywordDefinition, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * The one ajv instance of hieradrift. Domains register their custom keywords here and compile through
 * `compileCached`, so each schema is compiled once per process.
 */
const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false });
// Annotation keywords that carry oslo metadata in the shipped schemas; they never validate anything.
ajv.addVocabulary([
  'x-oslo',
  'x-oslo-group',
  'x-oslo-service',
  'x-oslo-file',
  'x-oslo-release',
  'x-oslo-namespaces',
  'x-oslo-packages',
  'x-oslo-auth-plugins',
]);

const compiled = new Map<string, ValidateFunction>();

/** Adds a custom keyword once (idempotent, so modules can register on import). */
export function defineKeyword(def: KeywordDefinition & { keyword: string }): void {
  if (!ajv.getKeyword(def.keyword)) ajv.addKeyword(def);
}

/** Compiles `schema` the first time `key` is seen, then returns the cached validator. */
export function compileCached(key: string, schema: () => object): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(schema());
    compiled.set(key, v);
  }
  return v;
}

/** `/a/b~1c` -> ['a', 'b/c'] */
export function instancePathSegments(p: string): string[] {
  return p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export type { ErrorObject, ValidateFunction };
