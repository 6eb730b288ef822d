import { SECRET_MASK } from '../security/text.js';

/**
 * The value model shared by the whole library. It mirrors Ruby's data as Puppet sees it:
 * - Integer is a `bigint` (exact at any size), Float is a `number`: 16 and 16.0 never merge.
 * - String is a JS string; nil is `null`; true/false are booleans.
 * - Array is a JS array; Hash is a `Map`, so key order, non-string keys (Integer, Float, true, nil)
 *   and keys such as `__proto__` survive as plain data.
 * - Ruby values Puppet rejects at lookup time (Symbol) and opaque values (eyaml secrets, binary)
 *   are small classes.
 */
export type HKey = string | bigint | number | boolean | null | RubySymbol;
export type HValue = null | boolean | string | bigint | number | HValue[] | HHash | RubySymbol | Secret | Binary;
export type HHash = Map<HKey, HValue>;

/** A Ruby Symbol (`:foo`, `!ruby/symbol foo`): loads, but Puppet refuses it when the key is looked up. */
export class RubySymbol {
  constructor(readonly name: string) {}
}

/** Bytes from `!!binary`: Ruby keeps them as an ASCII-8BIT String. */
export class Binary {
  constructor(readonly bytes: Uint8Array) {}
}

/** An eyaml `ENC[...]` value: recognised, never printed, never decrypted. */
export class Secret {
  constructor(
    readonly scheme: 'PKCS7' | 'GPG' | string,
    /** Where the secret came from, for messages; never the ciphertext. */
    readonly origin: string,
  ) {}
  toString(): string {
    return SECRET_MASK;
  }
}

export function isHash(v: unknown): v is HHash {
  return v instanceof Map;
}

export function isInteger(v: unknown): v is bigint {
  return typeof v === 'bigint';
}

export function isFloat(v: unknown): v is number {
  return typeof v === 'number';
}

/** Puppet's type name for a value, as its messages use it. */
export function typeName(v: HValue): string {
  if (v === null) return 'Undef';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'bigint') return 'Integer';
  if (typeof v === 'number') return 'Float';
  if (Array.isArray(v)) return 'Array';
  if (v instanceof Map) return 'Hash';
  if (v instanceof RubySymbol) return "Runtime[ruby, 'Symbol']";
  if (v instanceof Secret) return 'Sensitive';
  return 'Binary';
}
