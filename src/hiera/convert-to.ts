import { Secret, type HValue } from '../value/index.js';
import { LookupError } from './errors.js';
import { toS } from './stringify.js';

/**
 * The lookup_options `convert_to` types hieradrift models: `new(Type, value, *args)` for the scalar
 * conversions Hiera data uses, Sensitive as an opaque Secret, and `[Array, true]` wrapping.
 */
export function convertTo(key: string, value: HValue, spec: HValue): HValue {
  const [type, ...args] = Array.isArray(spec) ? spec : [spec];
  const fail = (msg: string): never => {
    throw new LookupError(`The convert_to lookup_option for key '${key}' raised error: 'new' ${msg}`, true);
  };
  switch (type) {
    case 'String':
      return typeof value === 'string' ? value : toS(value);
    case 'Sensitive':
      return new Secret('Sensitive', key);
    case 'Integer':
      return toInteger(value, fail);
    case 'Float':
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+)\s*$/i.test(value)) return Number(value);
      return fail(`The string '${toS(value)}' cannot be converted to Float`);
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|yes|y)$/i.test(value)) return true;
      if (typeof value === 'string' && /^(false|no|n)$/i.test(value)) return false;
      return fail(`The string '${toS(value)}' cannot be converted to Boolean`);
    case 'Array':
      if (Array.isArray(value)) return value;
      if (args[0] === true) return [value];
      if (value instanceof Map) return [...value].map(([k, v]) => [k as HValue, v]);
      return fail(`Cannot convert ${typeof value} to Array`);
    default:
      throw new LookupError(`Invalid data type in lookup_options for key '${key}': convert_to ${toS(type ?? null)} is not modelled by hieradrift`, true);
  }
}

function toInteger(value: HValue, fail: (m: string) => never): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    const s = value.trim();
    const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9]\d*)$/.exec(s);
    if (m) {
      const body = m[2]!;
      const n = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
      return m[1] === '-' ? -n : n;
    }
  }
  return fail(`The string '${toS(value)}' cannot be converted to Integer`);
}
