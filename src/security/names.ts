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
  // What `key.split(/::|\//).pop()` gives, without the regex and the array: lint asks for every key.
  let start = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 47) start = i + 1;
    else if (c === 58 && key.charCodeAt(i + 1) === 58) start = ++i + 1;
  }
  const last = key.slice(start);
  return /[A-Z]/.test(last) ? last.replace(/([a-z0-9])([A-Z])/g, '$1_$2') : last; // camelCase words: adminPassword, apiKey
}

/** Every secret word above ends in one of these letters: a cheap first test for the many names that do not. */
const SECRET_LAST_LETTERS = new Set(['d', 'e', 't', 's', 'n', 'y', 'k', 'l']);

/** Whether a data key names a secret: `mysql::server::root_password`, `api_token`, `adminPassword`; not `public_key`. */
export function isSecretKey(key: string): boolean {
  let answer = secretKeyCache.get(key);
  if (answer === undefined) {
    const last = lastSegment(key);
    answer =
      SECRET_LAST_LETTERS.has(last.charAt(last.length - 1).toLowerCase()) &&
      (BARE_TAIL.test(last) || WORD_TAIL.test(last)) &&
      !NOT_SECRET.test(last);
    // Lint asks for every key path of every file; the same key names recur. Bounded.
    if (secretKeyCache.size >= SECRET_KEY_CACHE_MAX) secretKeyCache.clear();
    secretKeyCache.set(key, answer);
  }
  return answer;
}

const SECRET_KEY_CACHE_MAX = 10_000;
const secretKeyCache = new Map<string, boolean>();

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
  let i = path.length - 1;
  const key = path[i];
  if (typeof key !== 'string') return undefined;
  let last = key;
  if (last === 'value') {
    // The key above a resource hash's `value`, skipping list indexes.
    while (--i >= 0 && typeof path[i] !== 'string');
    if (i >= 0) last = path[i] as string;
  }
  return isSecretKey(last) ? last : undefined;
}
