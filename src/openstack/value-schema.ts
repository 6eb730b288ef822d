import type { SchemaValidateFunction } from 'ajv/dist/types/index.js';
import { compileCached, defineKeyword, instancePathSegments, type ValidateFunction } from '../schema/index.js';
import type { OsloType, OptionDef } from './model.js';
import { convert } from './oslo-types.js';

// `osloType` is the one validating custom keyword of the shipped schemas: it runs oslo.config's own conversion
// (src/openstack/oslo-types.ts) on a raw string, so messages and acceptance match what the service does.
const validateOslo: SchemaValidateFunction = function osloType(schema: OsloType, data: unknown): boolean {
  if (typeof data !== 'string') return true;
  const r = convert(data, schema);
  if (r.ok) return true;
  validateOslo.errors = [{ keyword: 'osloType', message: r.message, params: { message: r.message } }];
  return false;
};
defineKeyword({ keyword: 'osloType', schemaType: 'object', errors: true, validate: validateOslo });

function optionSchema(def: OptionDef): object {
  const value = { type: 'string', osloType: def.osloType };
  return def.multi ? { type: 'array', items: value } : value;
}

/**
 * The compiled validator of one option's value (`raw` or `raw[]` for multi options). Compiled on first use and
 * cached: a file touches a few dozen options, so compiling whole groups (hundreds of options) up front costs more.
 */
const byDef = new WeakMap<OptionDef, ValidateFunction>();

export function optionValidator(def: OptionDef): ValidateFunction {
  let v = byDef.get(def);
  if (!v) {
    // Keyed by the schema itself: every plain boolean (or port, ...) option shares one compiled validator.
    const s = optionSchema(def);
    v = compileCached(`openstack:${JSON.stringify(s)}`, () => s);
    byDef.set(def, v);
  }
  return v;
}

/** A failed value: the option dest, the occurrence index for multi options, and oslo's message. */
export interface ValueError {
  dest: string;
  index: number;
  message: string;
}

export function valueErrors(defs: Map<string, OptionDef>, instance: Record<string, string | string[]>): ValueError[] {
  const out: ValueError[] = [];
  for (const [dest, def] of defs) {
    const v = optionValidator(def);
    if (v(instance[dest])) continue;
    for (const e of v.errors ?? []) {
      if (e.keyword !== 'osloType') continue;
      const [index] = instancePathSegments(e.instancePath);
      out.push({ dest, index: index === undefined ? 0 : Number(index), message: String(e.params.message) });
    }
  }
  return out;
}
