import type { Diagnostic, LineCounter, Span } from '../source/index.js';

// The part of src/ini's IniDocument (see the cross-domain contract) that validation reads. Declared structurally
// so this domain builds on its own; parseIni's result satisfies it.
export interface IniEntryView {
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
  line: number;
}
export interface IniSectionView {
  name: string;
  normalized: string;
  span: Span;
  entries: readonly IniEntryView[];
}
export interface IniDocumentView {
  file: string;
  text: string;
  lineCounter: LineCounter;
  sections: readonly IniSectionView[];
  error?: Diagnostic;
}
