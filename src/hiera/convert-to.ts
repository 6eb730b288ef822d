import { Secret, type HValue } from '../value/index.js';
import { SECRET_MASK, isSecretKey, maskText } from '../security/index.js';
import { LookupError } from './errors.js';
import { Wrapped, newInstance } from './new-functions.js';
import { argumentKind, type PType } from './puppet-types.js';
import { NotModelled, RubyArgumentError } from './ruby-format.js';
import { TypeParseError, parseType } from './type-parser.js';
import { toS } from './stringify.js';

/**
 * lookup_options `convert_to` as LookupAdapter#convert_result (puppet/pops/lookup/lookup_adapter.rb) does it:
 * a type given as a string is parsed (a parse failure is its own error), then `new(type, value, *args)`
 * runs and any failure is reported as the convert_to option raising it. Types and arguments hieradrift
 * does not model fail with a "not modelled" error rather than a guess.
 */
export function convertTo(key: string, value: HValue, spec: HValue): HValue {
  const [head = null, ...args] = Array.isArray(spec) ? spec : [spec];
  const type = typeof head === 'string' ? parseSpec(key, head) : undefined;
  try {
    if (!type) throw new RubyArgumentError(`'new' parameter 'type' expects a Type value, got ${argumentKind(head)}`);
    return reveal(key, newInstance(type, [value, ...args]));
  } catch (err) {
    if (err instanceof RubyArgumentError) {
      throw new LookupError(`The convert_to lookup_option for key '${key}' raised error: ${withoutSecrets(err.message, key, value)}`);
    }
    if (err instanceof NotModelled) throw notModelled(key, spec, err.message);
    throw err;
  }
}

/**
 * Puppet's messages quote the value they could not convert ("The string 'hunter2' cannot be converted to
 * Integer", "Integer[1234, 1234]"): under a secret key, or for a value holding a secret, every scalar of the value
 * is masked where it stands as a word of the message. ENC blocks and URL passwords are masked everywhere.
 */
function withoutSecrets(message: string, key: string, value: HValue): string {
  let out = maskText(message);
  if (!isSecretKey(key) && !holdsSecret(value)) return out;
  const texts = new Set<string>();
  const collect = (v: HValue, depth: number): void => {
    if (depth > 64) return;
    if (typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number') texts.add(typeof v === 'string' ? v : toS(v));
    else if (Array.isArray(v)) for (const x of v) collect(x, depth + 1);
    else if (v instanceof Map) for (const x of v.values()) collect(x, depth + 1);
  };
  collect(value, 0);
  for (const t of [...texts].filter((x) => x !== '').sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(t)}(?![\\p{L}\\p{N}_])`, 'gu'), SECRET_MASK);
  }
  return out;
}

function holdsSecret(v: HValue, depth = 0): boolean {
  if (v instanceof Secret) return true;
  if (depth > 64) return false;
  if (Array.isArray(v)) return v.some((x) => holdsSecret(x, depth + 1));
  if (v instanceof Map) return [...v.values()].some((x) => holdsSecret(x, depth + 1));
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function parseSpec(key: string, source: string): PType {
  try {
    return parseType(source);
  } catch (err) {
    if (err instanceof TypeParseError) {
      throw new LookupError(`Invalid data type in lookup_options for key '${key}' could not parse '${source}', error: '${err.message}`);
    }
    if (err instanceof NotModelled) throw notModelled(key, source, err.message);
    throw err;
  }
}

/** A Sensitive result is kept opaque from here on, as hieradrift keeps eyaml secrets. */
function reveal(key: string, v: HValue | Wrapped): HValue {
  return v instanceof Wrapped ? new Secret('Sensitive', key) : v;
}

function notModelled(key: string, spec: HValue, what: string): LookupError {
  const shown = toS(spec);
  return new LookupError(
    `Invalid data type in lookup_options for key '${key}': convert_to ${shown.length > 200 ? `${shown.slice(0, 200)}...` : shown} is not modelled by hieradrift (${what})`,
  );
}
