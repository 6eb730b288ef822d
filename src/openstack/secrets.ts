import type { ServiceSchema } from './model.js';
import { resolveOption } from './scopes.js';

// Errs toward masking, in the spirit of oslo_utils.strutils._SANITIZE_KEYS.
const SECRET_NAME =
  /(^|_)(pass(word)?|passwd|passphrase|secret|token|credentials?|fixed_key|[a-z]*_key)$|password|secret|token|hmac_keys|sslkey|connection$|transport_url$|backend_argument$|backend_url$|connection_string$/i;

/** True when the option is secret in the schema (also through aliases and dynamic sections) or its name looks secret. */
export function isSecretOption(schema: ServiceSchema | undefined, section: string, key: string): boolean {
  if (SECRET_NAME.test(key)) return true;
  if (!schema) return false;
  const def = resolveOption(schema, section, key);
  return def?.secret === true;
}

const URL = /([a-z][a-z0-9+.-]*:\/\/)([^/?#\s]*)/gi;

/**
 * Masks the password part of URL userinfo anywhere in `text`, for every host of a multi-host URL
 * (oslo.messaging's TransportURL.parse: split the netloc on ',', then rsplit('@', 1) each part).
 */
export function maskSecrets(text: string): string {
  return text.replace(URL, (_m, scheme: string, netloc: string) => {
    const hosts = netloc.split(',').map((part) => {
      const at = part.lastIndexOf('@');
      if (at < 0) return part;
      const user = part.slice(0, at);
      const colon = user.indexOf(':');
      return colon < 0 ? part : `${user.slice(0, colon)}:***${part.slice(at)}`;
    });
    return scheme + hosts.join(',');
  });
}
