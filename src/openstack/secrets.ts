import { isSecretOptionName } from '../security/index.js';
import type { ServiceSchema } from './model.js';
import { resolveOption } from './scopes.js';

/** True when the option is secret in the schema (also through aliases and dynamic sections) or its name looks secret. */
export function isSecretOption(schema: ServiceSchema | undefined, section: string, key: string): boolean {
  if (isSecretOptionName(key)) return true;
  if (!schema) return false;
  const def = resolveOption(schema, section, key);
  return def?.secret === true;
}
