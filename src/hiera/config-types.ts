import type { Span } from '../source/index.js';
import type { HHash } from '../value/index.js';

export type LayerKind = 'global' | 'environment' | 'module';
export type FunctionKind = 'data_hash' | 'lookup_key' | 'data_dig' | 'hiera3_backend' | 'v4_data_hash';

/** Where a level reads its data, before interpolation. */
export type LocationSpec =
  | { kind: 'path'; key: 'path' | 'paths'; values: string[] }
  | { kind: 'glob'; key: 'glob' | 'globs'; values: string[] }
  | { kind: 'uri'; key: 'uri' | 'uris'; values: string[] }
  | { kind: 'mapped'; variable: string; local: string; template: string }
  | { kind: 'none' };

/** One hierarchy entry with defaults applied as HieraConfigV5 applies them. */
export interface HieraLevel {
  name: string;
  fn: { kind: FunctionKind; name: string };
  location: LocationSpec;
  /** Declared datadir (entry, then defaults, then 'data'), uninterpolated, relative to the config's directory. */
  datadir: string;
  /** Entry options, or defaults.options when the entry has none (replacement, not merge). */
  options?: HHash;
  span: Span;
  line: number;
}

/** A parsed hiera.yaml (version 5), positioned. */
export interface HieraConfig {
  file: string;
  /** Directory holding hiera.yaml: datadirs are relative to it. */
  dir: string;
  version: number;
  /** True when the file does not exist and Puppet's default v5 config stands in for it. */
  isDefault: boolean;
  hierarchy: HieraLevel[];
  /** Module layer only. */
  defaultHierarchy?: HieraLevel[];
}

export const FUNCTION_KEYS: readonly FunctionKind[] = ['data_hash', 'lookup_key', 'data_dig', 'hiera3_backend', 'v4_data_hash'];
export const LOCATION_KEYS = ['path', 'paths', 'glob', 'globs', 'uri', 'uris', 'mapped_paths'] as const;
export const BUILTIN_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  data_hash: ['yaml_data', 'json_data'],
  lookup_key: ['eyaml_lookup_key'],
  data_dig: [],
  hiera3_backend: [],
  v4_data_hash: [],
};
