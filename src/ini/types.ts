import type { Diagnostic, LineCounter, Span } from '../source/index.js';

export interface IniEntry {
  key: string;
  /** The value as oslo stores it: stripped, outer quotes removed, continuation lines joined with "\n". */
  value: string;
  keySpan: Span;
  /** From the first non-space character after the separator to the end of the last continuation line. */
  valueSpan: Span;
  /** 1-based line of the key. */
  line: number;
  /** True when continuation lines were folded into the value. */
  continuation: boolean;
  /** Which character split key and value (the first of `:` or `=`). */
  separator: ':' | '=';
}

export interface IniSection {
  /** Raw name as written between the brackets (not trimmed). */
  name: string;
  /** As oslo normalises group names: exact `DEFAULT` kept, anything else lower-cased. */
  normalized: string;
  /** The header `[name]`; oslo refuses entries before any header, so every section has one. */
  span: Span;
  entries: IniEntry[];
}

export interface IniDocument {
  file: string;
  text: string;
  lineCounter: LineCounter;
  /** In file order; a repeated header is a new IniSection with the same name. */
  sections: IniSection[];
  /** oslo's first parse error (ruleId 'ini/syntax', oslo's message text); parsing stops there. */
  error?: Diagnostic;
  /** Lines Puppet's ini providers read differently from oslo. */
  diagnostics: Diagnostic[];
}

/** The six messages oslo's parser raises. */
export type OsloErrorMessage =
  | "No ':' or '=' found in assignment"
  | 'Key cannot be empty'
  | 'Unexpected continuation line'
  | 'Invalid section (must end with ])'
  | 'Empty section name'
  | 'Section must be started before assignment';
