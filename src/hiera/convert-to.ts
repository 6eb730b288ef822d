import { Secret, type HValue } from '../value/index.js';
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
    if (err instanceof RubyArgumentError) throw new LookupError(`The convert_to lookup_option for key '${key}' raised error: ${err.message}`);
    if (err instanceof NotModelled) throw notModelled(key, spec, err.message);
    throw err;
  }
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
