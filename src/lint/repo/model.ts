import type { Diagnostic } from '../../source/index.js';
import type { HHash, HValue } from '../../value/index.js';
import type { YMap, YNode, YScalar } from '../../yaml/index.js';
import type { DataFile } from '../types.js';
import type { ConfigIssue } from './hiera-config.js';

export type LevelKind = 'path' | 'glob' | 'mapped' | 'uri' | 'none';

/** A location string of a hierarchy level, with the node that wrote it. */
export interface LevelPattern {
  text: string;
  node: YScalar;
}

/** One hierarchy entry, as much of it as the rules need (positions kept). */
export interface HieraLevel {
  name: string;
  index: number;
  node: YMap;
  /** Repo-relative datadir (forward slashes, no trailing slash), before interpolation. */
  datadir: string;
  kind: LevelKind;
  patterns: LevelPattern[];
  mapped?: { variable: string; key: string; template: LevelPattern; variableNode: YNode };
  /** data_hash / lookup_key function name. */
  backend?: string;
  /** Set on a module's default_hierarchy levels (read only when the hierarchy finds nothing); index counts within it. */
  section?: 'default_hierarchy';
}

/** A hiera.yaml of the environment (or of a module), loaded with positions. */
export interface HieraModel {
  file: DataFile;
  /** Repo-relative directory holding the hiera.yaml ('' for the repo root). */
  dir: string;
  module?: string;
  levels: HieraLevel[];
  diagnostics: Diagnostic[];
}

/** One known node: its facts and the trusted hash Puppet would build for it. */
export interface NodeFacts {
  node: string;
  facts: HHash;
  trusted: HHash;
  file: string;
}

/** A file a level names for one node (it may not exist), and the location string that produced it. */
export interface ResolvedLocation {
  level: HieraLevel;
  pattern: LevelPattern;
  file: string;
}

/** The whole repo as context for the rules; data files load lazily and once. */
export interface RepoModel {
  root: string;
  /** The Puppet environment the repo is read as: `%{environment}` and `%{settings::environment}` in hiera.yaml. */
  environment: string;
  /** Every Hiera data file path the repo holds (repo-relative), whether or not it is linted. */
  dataFilePaths: readonly string[];
  getFile(rel: string): DataFile | undefined;
  /** A data file's text without parsing it, for cheap tests before getFile (undefined as getFile would be). */
  getText(rel: string): string | undefined;
  /** Lets a file's syntax tree go once it has been walked; `load.root` parses it again if asked for. */
  releaseTree?(rel: string): void;
  hiera: readonly HieraModel[];
  /** The directories (repo-relative) whose files are listed as data: the hierarchies' static datadirs. */
  dataDirs: readonly string[];
  /** The facts file or directory, repo-relative. */
  factsPath: string;
  nodes: readonly NodeFacts[];
  /** Dotted paths defined by at least one facts file ('os', 'os.family', ...). */
  factPaths: ReadonlySet<string>;
  /** Files each level reaches for a node, highest priority first, per hiera.yaml. */
  filesForNode(h: HieraModel, node: NodeFacts): readonly ResolvedLocation[];
  /** The value of a scope expression (`facts.os.family`, `::fqdn`, `trusted.certname`) for a node. */
  scope(node: NodeFacts, expr: string): HValue | undefined;
  /** hiera.yaml problems found while reading each hiera file (keyed by its repo-relative path). */
  hieraIssues: ReadonlyMap<string, readonly ConfigIssue[]>;
  /** Diagnostics about the repo itself: unreadable facts files and similar. */
  diagnostics: readonly Diagnostic[];
}

export type { YNode };
