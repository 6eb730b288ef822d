/** An oslo.config type as the dumper records it (`scripts/openstack/dump_opts.py`). */
export interface OsloType {
  kind:
    | 'string' | 'boolean' | 'integer' | 'float' | 'port' | 'list' | 'dict' | 'range'
    | 'ip' | 'hostname' | 'hostaddress' | 'hostdomain' | 'uri' | 'unknown';
  /** [value, description] pairs, as oslo keeps them (an OrderedDict). */
  choices?: [string | number | null, string | null][];
  min?: number;
  max?: number;
  regex?: string;
  ignoreCase?: boolean;
  quotes?: boolean;
  maxLength?: number;
  item?: OsloType;
  value?: OsloType;
  bounds?: boolean;
  version?: 4 | 6;
  schemes?: string[];
}

/** One option, keyed by `dest` in its group. */
export interface OptionDef {
  name: string;
  dest: string;
  type: string;
  osloType: OsloType;
  default?: unknown;
  choices?: string[];
  min?: number;
  max?: number;
  regex?: string;
  multi: boolean;
  secret: boolean;
  deprecatedNames: { group?: string; name: string }[];
  deprecatedForRemoval?: { reason?: string };
  help?: string;
  itemType?: string;
}

export interface ServiceSchema {
  service: string;
  release: string;
  /** group (normalised as oslo does) -> dest -> def */
  groups: Map<string, Map<string, OptionDef>>;
  /** keystoneauth1 plugin name -> dest -> def, for groups that hold `auth_type`. */
  authPlugins: Map<string, Map<string, OptionDef>>;
  /** (deprecated group, deprecated name) -> the current options it feeds, keyed `group\0name`, best first. */
  deprecated: Map<string, { group: string; def: OptionDef }[]>;
  /** option `name` that differs from dest (e.g. `log-file`) -> def, keyed `group\0name`. */
  byName: Map<string, OptionDef>;
  /** The JSON Schema the service was loaded from (compiled once through src/schema). */
  json: Record<string, unknown>;
}
