/**
 * Which key names hold secrets. One family of rules:
 * - `isSecretKey` for Hiera keys and any other data key (lint's plain-text detection, lookup/resolve/dump
 *   output, drift's Hiera source): the last segment ends in a secret word.
 * - `isSecretOptionName` for oslo.config option names: the same rule plus oslo_utils-style substrings and the
 *   options known to hold credentials (reference openstack-semantics §5.2-5.3). It must differ because oslo
 *   leaves sensitive options unflagged whose names end in a harmless word (`root_token_id`,
 *   `approle_secret_id`, `connection_string`, `backend_argument`) and config output errs toward masking,
 *   while a lint rule that flagged every `token_expiration` in Hiera data would be noise.
 */

/** Secret words that may end a name with no separator before them: `adminpassword`, `clientsecret`. Also catches `pasword`, `passwrd`. */
const BARE_TAIL = /(?:pa?s+w(?:o?r)?d|passphrase|secret)$/i;
/** Shorter words that count only as a whole word: `db_pass`, `api_key`, `auth_token` (not `bypass`, `monkey`). */
const WORD_TAIL = /(?:^|[_-])(?:pass|pwd|token|key|psk|credentials?|apikey|privatekey|secretkey|accesskey|authkey)$/i;
/**
 * Names that end like a secret but are not: the public half of a key pair. Names such as `key_file`,
 * `key_id`, `password_file`, `token_expiration` need no exception: they end in a word that is not secret.
 */
const NOT_SECRET = /(?:^|[_-])pub(?:lic)?[_-]?key$/i;

/** The last segment of a Hiera key (`mysql::server::root_password`) or resource title (`keystone_authtoken/password`). */
function lastSegment(key: string): string {
  const last = key.split(/::|\//).pop() ?? key;
  return last.replace(/([a-z0-9])([A-Z])/g, '$1_$2'); // camelCase words: adminPassword, apiKey
}

/** Whether a data key names a secret: `mysql::server::root_password`, `api_token`, `adminPassword`; not `public_key`. */
export function isSecretKey(key: string): boolean {
  const last = lastSegment(key);
  return (BARE_TAIL.test(last) || WORD_TAIL.test(last)) && !NOT_SECRET.test(last);
}

/** oslo_utils strutils._SANITIZE_KEYS substrings, `*_key`, and options that carry URLs with credentials. */
const OSLO_EXTRA = /password|secret|token|passphrase|sslkey|hmac_keys|(?:^|_)[a-z]*_key$|connection$|transport_url$|backend_argument$|backend_url$|connection_string$/i;

/** Whether an oslo.config option name should be masked whatever the schema says (see the module comment). */
export function isSecretOptionName(name: string): boolean {
  return isSecretKey(name) || OSLO_EXTRA.test(name);
}

/**
 * The secret-looking key that names a scalar at `path` in Hiera data, for detection: the last key, or for
 * a Puppet resource hash (`keystone_authtoken/password: {value: x}`) the key above `value`. An array item
 * has no name of its own, so a list under a secret key is not reported item by item.
 */
export function secretKeyOfPath(path: readonly (string | number)[]): string | undefined {
  if (typeof path[path.length - 1] === 'number') return undefined;
  const strings = path.filter((s): s is string => typeof s === 'string');
  let last = strings[strings.length - 1];
  if (last === 'value' && strings.length > 1) last = strings[strings.length - 2];
  return last !== undefined && isSecretKey(last) ? last : undefined;
}
