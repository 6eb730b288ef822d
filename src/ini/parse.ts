import { LineCounter, type Diagnostic, type Span } from '../source/index.js';
import { maskLineForMessage } from './mask.js';
import { normalizeGroupName } from './oslo-sections.js';
import { puppetLineDiagnostics, type LineInfo } from './puppet-diagnostics.js';
import { pyRepr, pySkipSpace, pyTrimEnd } from './pystr.js';
import type { IniDocument, IniEntry, IniSection, OsloErrorMessage } from './types.js';

interface Pending {
  key: string;
  keySpan: Span;
  parts: string[];
  valueSpan: Span;
  line: number;
  separator: ':' | '=';
}

/**
 * A literal port of oslo.config's `iniparser.BaseParser.parse` plus `cfg.ConfigParser`, keeping offsets.
 * Lines break on \n, \r\n and lone \r only (Python universal newlines); whitespace is Python's.
 */
export function parseIni(text: string, file: string): IniDocument {
  const lineCounter = new LineCounter(text);
  const sections: IniSection[] = [];
  // Lines whose reading by Puppet can differ: checked after the parse.
  const roles: LineInfo[] = [];
  let section: IniSection | undefined;
  let pending: Pending | undefined;
  let error: Diagnostic | undefined;
  let lineno = 0;
  let pos = 0;
  let lineStart = 0;
  let lineEnd = 0;

  const fail = (message: OsloErrorMessage, line: string | null): void => {
    const shown = `${message}: ${line === null ? 'None' : pyRepr(maskLineForMessage(line))}`;
    error = {
      ruleId: 'ini/syntax',
      severity: 'error',
      message: shown,
      file,
      line: lineno,
      column: 1,
      endLine: lineno,
      endColumn: Math.max(1, pyTrimEnd(text, lineStart, lineEnd) - lineStart + 1),
    };
  };

  // ConfigParser.assignment: the no-section check fires when the value is flushed, at the current line.
  const flush = (): boolean => {
    const p = pending!;
    pending = undefined;
    if (!section) {
      fail('Section must be started before assignment', null);
      return false;
    }
    const entry: IniEntry = {
      key: p.key,
      value: p.parts.length === 1 ? p.parts[0]! : p.parts.join('\n'),
      keySpan: p.keySpan,
      valueSpan: p.valueSpan,
      line: p.line,
      continuation: p.parts.length > 1,
      separator: p.separator,
    };
    section.entries.push(entry);
    return true;
  };

  const len = text.length;
  while (pos < len && !error) {
    lineStart = pos;
    let i = pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    lineEnd = i;
    pos = i < len ? (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1) : i;
    lineno++;

    const end = pyTrimEnd(text, lineStart, lineEnd);
    if (end === lineStart) {
      if (pending && !flush()) break;
      continue;
    }
    const first = text[lineStart]!;
    if (first === ' ' || first === '\t') {
      if (!pending) {
        fail('Unexpected continuation line', text.slice(lineStart, end));
        break;
      }
      pending.parts.push(text.slice(pySkipSpace(text, lineStart, end), end));
      pending.valueSpan = { start: pending.valueSpan.start, end };
      roles.push({ role: 'continuation', start: lineStart, end, rawEnd: lineEnd, line: lineno });
      continue;
    }
    if (pending && !flush()) break;

    if (first === '[') {
      if (text[end - 1] !== ']') {
        fail('Invalid section (must end with ])', text.slice(lineStart, end));
        break;
      }
      if (end - lineStart <= 2) {
        fail('Empty section name', text.slice(lineStart, end));
        break;
      }
      const name = text.slice(lineStart + 1, end - 1);
      section = { name, normalized: normalizeGroupName(name), span: { start: lineStart, end }, entries: [] };
      sections.push(section);
      roles.push({ role: 'section', start: lineStart, end, rawEnd: lineEnd, line: lineno });
    } else if (first !== '#' && first !== ';') {
      const line = text.slice(lineStart, end);
      const colon = line.indexOf(':');
      const equal = line.indexOf('=');
      if (colon < 0 && equal < 0) {
        fail("No ':' or '=' found in assignment", line);
        break;
      }
      const sep = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
      const sepAt = lineStart + sep;
      const keyEnd = pyTrimEnd(text, lineStart, sepAt);
      const keyStart = pySkipSpace(text, lineStart, keyEnd);
      const valueStart = pySkipSpace(text, sepAt + 1, end);
      let value = text.slice(valueStart, end);
      const q = value[0];
      if ((q === '"' || q === "'") && value[value.length - 1] === q) value = value.slice(1, -1);
      if (keyStart === keyEnd) {
        fail('Key cannot be empty', line);
        break;
      }
      pending = {
        key: text.slice(keyStart, keyEnd),
        keySpan: { start: keyStart, end: keyEnd },
        parts: [value],
        valueSpan: { start: valueStart, end },
        line: lineno,
        separator: sep === equal ? '=' : ':',
      };
      roles.push({ role: 'assignment', start: lineStart, end, rawEnd: lineEnd, line: lineno });
    }
  }
  if (pending && !error) flush();

  const doc: IniDocument = { file, text, lineCounter, sections, diagnostics: [] };
  if (error) doc.error = error;
  doc.diagnostics = puppetLineDiagnostics(doc, roles);
  return doc;
}
