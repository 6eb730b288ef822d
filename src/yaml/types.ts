import type { Diagnostic, LineCounter, Span } from '../source/index.js';
import type { HValue } from '../value/index.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** `tag` is the resolved tag as Psych sees it (`tag:yaml.org,2002:str`, `!ruby/symbol`), absent when untagged. */
export interface YScalar {
  kind: 'scalar';
  span: Span;
  value: HValue;
  style: ScalarStyle;
  tag?: string;
  /** Raw text as written (quotes and block header included). */
  source: string;
}
export interface YPair {
  key: YNode;
  value: YNode;
}
export interface YMap {
  kind: 'map';
  span: Span;
  /** The Hash Psych builds: merge keys applied, duplicates resolved (last wins). */
  value: HValue;
  /** Pairs as written, `<<` and duplicate keys included. */
  pairs: YPair[];
  tag?: string;
}
export interface YSeq {
  kind: 'seq';
  span: Span;
  value: HValue;
  items: YNode[];
  tag?: string;
}
export interface YAlias {
  kind: 'alias';
  span: Span;
  value: HValue;
  name: string;
  target: YNode;
}
export type YNode = YScalar | YMap | YSeq | YAlias;

export interface YamlLoadResult {
  file: string;
  text: string;
  lineCounter: LineCounter;
  /** What Puppet's safe_load returns: first document only; `false` for an empty file. undefined when refused. */
  value: HValue | undefined;
  /** Positioned tree of the first document (null when empty or refused). Duplicate keys stay as separate pairs. */
  root: YNode | null;
  /** Set when Puppet refuses the file. ruleId 'yaml/refused'. */
  error?: Diagnostic;
  /** libyaml's reader refused the bytes before any parsing (Psych's words); Puppet says so at line 1 column 1. */
  readerProblem?: string;
  /** Non-fatal observations with positions ('yaml/duplicate-key', 'yaml/bom-truncation', ...). */
  diagnostics: Diagnostic[];
}

export interface YamlLoadOptions {
  /** Largest accepted input in UTF-8 bytes (default 10 MiB). */
  maxBytes?: number;
  /** Most nodes that aliases may add to the document when expanded (default 1,000,000). */
  maxAliasExpansion?: number;
  /** Deepest nesting of collections, aliases expanded (default 1,000; at most 2,000). */
  maxDepth?: number;
  /**
   * Symbols (`:foo`, `!ruby/symbol`) are permitted in Hiera data and hiera.yaml (default true);
   * Puppet refuses them in facts files (`safe_load_file` without permitted classes).
   */
  permitSymbols?: boolean;
  /** Facts files are read with 'bom|utf-8', which drops a BOM; data files keep it (default false). */
  stripBom?: boolean;
}

/** A refusal raised inside the loader, turned into the result's `error` with its position. */
export class LoadFailure extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}
