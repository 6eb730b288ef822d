import type { Diagnostic, LineCounter, Severity, Span } from '../source/index.js';
import type { YMap, YNode, YPair, YScalar, YamlLoadResult } from '../yaml/index.js';
import type { RepoModel } from './repo/model.js';

/** Keys and indexes from the document root to a node. */
export type KeyPath = readonly (string | number)[];

/** A source the engine can turn offsets into positions for. */
export interface SourceRef {
  /** Repo-relative path with forward slashes, as every reporter prints it. */
  file: string;
  text: string;
  lineCounter: LineCounter;
}

/** One Hiera data file (or hiera.yaml) as loaded by src/yaml, with what the repo knows about it. */
export interface DataFile extends SourceRef {
  abs: string;
  load: YamlLoadResult;
  /** Module name when the file lives in a module's data directory. */
  module?: string;
  /** Read by eyaml_lookup_key (an .eyaml file, or a path an eyaml level names). */
  eyaml: boolean;
}

/** Rule documentation: the generated docs page is built from this and the rest of the metadata. */
export interface RuleDocs {
  /** Why the rule exists: what Puppet does that surprises people. */
  rationale: string;
  /** A data file (or hiera.yaml, see `file`) that the rule reports. */
  invalid: string;
  /** The same data, written so the rule is satisfied. */
  valid: string;
  /** File name the examples stand for, e.g. `data/common.yaml`. */
  file?: string;
}

export interface RuleMeta<M extends string> {
  description: string;
  severity: Severity;
  messages: Readonly<Record<M, string>>;
  /** JSON Schema of the options object, validated by ajv when the config is read. */
  schema?: Readonly<Record<string, unknown>>;
  docs: RuleDocs;
  /** 'repo' rules look across files and nodes: they need the whole repo even for one changed file. */
  scope: 'file' | 'repo';
}

export type ReportData = Readonly<Record<string, string | number>>;

export interface ReportDescriptor<M extends string> {
  source: SourceRef;
  messageId: M;
  /** Where: a node, or an explicit span (offsets into source.text). */
  node?: YNode;
  span?: Span;
  /** A position already in line/column form (a loader diagnostic being forwarded). */
  position?: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;
  data?: ReportData;
  path?: KeyPath;
  suggestion?: string;
  /** The reported node holds a secret: the engine masks its value wherever it appears. */
  secretValue?: boolean;
}

export interface RuleContext<M extends string, O> {
  readonly id: string;
  readonly options: O;
  readonly repo: RepoModel;
  /** Whether findings in this file are reported (the pre-commit path lints a few files of a large repo). */
  isTarget(file: string): boolean;
  report(descriptor: ReportDescriptor<M>): void;
}

/** Hooks the engine calls while it walks each file once for all rules. */
export interface Visitor {
  /** Once per Hiera data file. */
  file?(file: DataFile): void;
  /** Each mapping in a data file (also nested), before its pairs. */
  map?(node: YMap, path: KeyPath, file: DataFile): void;
  /** Each mapping pair in a data file (also nested); `path` leads to the pair's value. */
  pair?(pair: YPair, path: KeyPath, file: DataFile): void;
  /** Each scalar that is a value (not a key), at any depth. */
  scalar?(node: YScalar, path: KeyPath, file: DataFile): void;
  /** Once per hiera.yaml. */
  hieraConfig?(file: DataFile): void;
  /** After every file: repo-wide checks. */
  end?(): void;
}

export interface Rule<M extends string = string, O = Record<string, unknown>> {
  readonly id: string;
  readonly meta: RuleMeta<M>;
  readonly defaultOptions: O;
  create(ctx: RuleContext<M, O>): Visitor;
}

/** Typed rule definition: message ids and options are checked by tsc. */
export function defineRule<M extends string, O = Record<string, never>>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}

/** What linting one file produced, after config, suppressions and baseline. */
export interface LintResult {
  file: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Findings the baseline or an inline directive suppressed (kept for counts, never printed with values). */
  suppressedCount: number;
}
