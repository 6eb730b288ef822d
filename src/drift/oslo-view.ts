import * as ini from '../ini/index.js';
import type { Diagnostic } from '../source/index.js';

/** One key as oslo reads it in one normalized group: all values in file order, first line. */
export interface OsloKey {
  values: string[];
  line: number;
}

/** oslo's view of a file: normalized group -> key -> values (duplicate sections merged). */
export interface OsloView {
  groups: Map<string, Map<string, OsloKey>>;
  error?: Diagnostic;
  /** Lines Puppet reads differently (from the INI engineer's parser, when available). */
  diagnostics: Diagnostic[];
}

type ParseIni = (text: string, file: string) => {
  sections: { name: string; normalized: string; entries: { key: string; value: string; line: number }[] }[];
  error?: Diagnostic;
  diagnostics: Diagnostic[];
};

// Coded against the src/ini contract; the local port below keeps drift working while it is absent.
const contractParse = (ini as Record<string, unknown>)['parseIni'] as ParseIni | undefined;

export function osloView(text: string, file: string): OsloView {
  const doc = (typeof contractParse === 'function' ? contractParse : localParse)(text, file);
  const groups = new Map<string, Map<string, OsloKey>>();
  for (const s of doc.sections) {
    let g = groups.get(s.normalized);
    if (!g) groups.set(s.normalized, (g = new Map()));
    for (const e of s.entries) {
      const k = g.get(e.key);
      if (k) k.values.push(e.value);
      else g.set(e.key, { values: [e.value], line: e.line });
    }
  }
  const view: OsloView = { groups, diagnostics: doc.diagnostics };
  if (doc.error) view.error = doc.error;
  return view;
}

/** oslo normalises group names: exact DEFAULT kept, anything else lower-cased. */
export function normalizeGroup(name: string): string {
  return name === 'DEFAULT' ? name : name.toLowerCase();
}

const PY_SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
export function pyStrip(s: string): string {
  return s.replace(PY_SPACE, '');
}

/** oslo's value for a `key=value` line Puppet writes: stripped, one pair of matching outer quotes removed. */
export function osloLineValue(raw: string): string {
  let v = pyStrip(raw);
  if (v.length > 0 && v[0] === v[v.length - 1] && (v[0] === '"' || v[0] === "'")) v = v.slice(1, -1);
  return v;
}

/** A literal port of oslo_config/iniparser.py BaseParser.parse (reference §1.2), used when src/ini is absent. */
function localParse(text: string, file: string): ReturnType<ParseIni> {
  const sections: ReturnType<ParseIni>['sections'] = [];
  let cur: (typeof sections)[number] | undefined;
  let key: string | undefined;
  let value: string[] = [];
  let keyLine = 0;
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const err = (line: number, message: string): ReturnType<ParseIni> => ({
    sections,
    diagnostics: [],
    error: { ruleId: 'ini/syntax', severity: 'error', message, file, line, column: 1, endLine: line, endColumn: 1 + (lines[line - 1]?.length ?? 0) },
  });
  const flush = (_at: number): boolean => {
    if (!cur) return false;
    cur.entries.push({ key: key!, value: value.join('\n'), line: keyLine });
    key = undefined;
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i]!.replace(/[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/, '');
    if (line === '') {
      if (key !== undefined && !flush(n)) return err(n, 'Section must be started before assignment');
      continue;
    }
    if (line[0] === ' ' || line[0] === '\t') {
      if (key === undefined) return err(n, 'Unexpected continuation line');
      value.push(line.replace(/^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, ''));
      continue;
    }
    if (key !== undefined && !flush(n)) return err(n, 'Section must be started before assignment');
    if (line[0] === '[') {
      if (!line.endsWith(']')) return err(n, 'Invalid section (must end with ])');
      if (line.length <= 2) return err(n, 'Empty section name');
      const name = line.slice(1, -1);
      cur = { name, normalized: normalizeGroup(name), entries: [] };
      sections.push(cur);
    } else if (line[0] === '#' || line[0] === ';') {
      continue;
    } else {
      const c = line.indexOf(':');
      const e = line.indexOf('=');
      if (c < 0 && e < 0) return err(n, "No ':' or '=' found in assignment");
      const at = c < 0 ? e : e < 0 ? c : Math.min(c, e);
      key = pyStrip(line.slice(0, at));
      if (key === '') return err(n, 'Key cannot be empty');
      value = [osloLineValue(line.slice(at + 1))];
      keyLine = n;
    }
  }
  if (key !== undefined && !flush(lines.length)) return err(lines.length, 'Section must be started before assignment');
  return { sections, diagnostics: [] };
}
