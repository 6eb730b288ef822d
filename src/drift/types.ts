import type { Diagnostic } from '../source/index.js';

/** How the provider writes a file: openstackconfig (multi-value, remove-then-add) or inifile's ini_setting (scalar, in place). */
export type ProviderKind = 'openstackconfig' | 'ini_setting';

/** A `*_config` resource type and the file its provider writes. */
export interface ResourceFile {
  type: string; // lower-case, e.g. nova_config
  path: string; // absolute, e.g. /etc/nova/nova.conf
  provider: ProviderKind;
  /** libvirt-style providers: no sections, not an oslo file; drift skips them. */
  sectionless?: boolean;
}

/**
 * What the catalog wants for one key, after the provider's munging.
 * - present: `values` are the exact lines' values Puppet writes (openstackconfig: all; ini_setting: one).
 * - present-any: `ensure => present` without a value: Puppet adds `key=` when missing, accepts any value otherwise.
 * - absent: `ensure => absent` or the value is `ensure_absent_val` (`<SERVICE DEFAULT>`).
 * - unmanaged: undef / [] / `<_IMMUTABLE_>`: Puppet leaves the key alone (but still counts it as managed for purge).
 */
export type ExpectedEnsure = 'present' | 'present-any' | 'absent' | 'unmanaged';

export interface ExpectedSetting {
  section: string;
  key: string;
  ensure: ExpectedEnsure;
  values: string[];
  /** `secret => true` on the resource (Puppet only redacts logs; hieradrift masks everywhere). */
  secret: boolean;
  /** e.g. `Nova_config[DEFAULT/debug]`; where the expectation came from. */
  resource: string;
  /** Manifest position of the resource, when the catalog gives one. */
  source?: { file: string; line: number };
}

export interface ExpectedFile {
  path: string;
  type: string;
  provider: ProviderKind;
  /** `resources { '<type>': purge => true }` (`<svc>::purge_config`): unmanaged keys are removed. */
  purge: boolean;
  settings: ExpectedSetting[];
}

export interface ExpectedNode {
  node: string;
  source: 'catalog' | 'hiera';
  files: ExpectedFile[];
  diagnostics: Diagnostic[];
  /** Hiera source only: which Hiera keys reach a file line and which do not. */
  coverage?: { covered: string[]; uncovered: string[] };
}

/** A deployed file as read from disk: `text` undefined when it does not exist. */
export interface DeployedFile {
  path: string;
  /** Where it was read from (the node root joined with `path`). */
  location: string;
  text: string | undefined;
}

export type DriftKind = 'changed' | 'missing' | 'should-be-absent' | 'unmanaged' | 'missing-file' | 'cosmetic';

/** One difference for one key (or one file, for missing-file). */
export interface DriftChange {
  section: string;
  key: string;
  kind: DriftKind;
  /** Values Puppet will write (masked when secret); null when the key should be absent or is unmanaged. */
  expected: string[] | null;
  /** Values in the file as oslo reads them (masked when secret); null when absent. */
  deployed: string[] | null;
  /** Puppet's textual, order-insensitive in-sync check fails: the next run rewrites this key. */
  puppetWillRewrite: boolean;
  /** oslo's typed view: 'differs' is real drift; 'same' means cosmetic; 'unknown' when no schema types the option. */
  effective: 'differs' | 'same';
  secret: boolean;
  /** purge_config: Puppet deletes this unmanaged key. */
  willBeRemoved?: boolean;
  /** The file after Puppet's run still reads differently under oslo (trap lines Puppet cannot see or fix). */
  persistsAfterRun?: boolean;
  /** 1-based line of the key in the deployed file (first occurrence oslo sees), when present. */
  line?: number;
  note?: string;
}

export interface FileDrift {
  path: string;
  location: string;
  type: string;
  changes: DriftChange[];
  diagnostics: Diagnostic[];
  /** The file as Puppet would leave it (secrets masked), for --diff. */
  diff?: string;
}

/** A `*_config` event from last_run_report.yaml. */
export interface ReportEvent {
  resource: string; // Nova_config[DEFAULT/debug]
  type: string;
  title: string;
  status: 'success' | 'failure' | 'noop' | 'audit' | string;
  property?: string;
  previous: string[] | null;
  desired: string[] | null;
  corrective: boolean;
  message: string;
  secret: boolean;
}

export interface NodeDrift {
  node: string;
  phase: 'before' | 'after';
  files: FileDrift[];
  /** After phase: events of the run for `*_config` resources. */
  events?: ReportEvent[];
  diagnostics: Diagnostic[];
  coverage?: { covered: string[]; uncovered: string[] };
}

export interface DriftSummary {
  nodes: number;
  nodesWithDrift: number;
  files: number;
  byKind: Record<DriftKind, number>;
  puppetWillRewrite: number;
  effectiveDiffers: number;
  corrective: number;
  failures: number;
  errors: number;
}

export interface DriftResult {
  phase: 'before' | 'after';
  nodes: NodeDrift[];
  summary: DriftSummary;
}
