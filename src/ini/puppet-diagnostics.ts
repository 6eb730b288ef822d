import type { Diagnostic } from '../source/index.js';
import { matchPuppetSection, matchPuppetSetting } from './puppet-view.js';
import type { IniDocument, IniEntry } from './types.js';

/** A line oslo read as an assignment, continuation or header; `end` is after Python's rstrip. */
export interface LineInfo {
  role: 'assignment' | 'continuation' | 'section';
  start: number;
  end: number;
  /** Before the rstrip: Puppet's regexes see trailing whitespace too. */
  rawEnd: number;
  line: number;
}

/**
 * Lines that Puppet's ini providers (openstackconfig and ini_setting share the regexes) read differently
 * from oslo. Managing such a key from Puppet appends a second line, and oslo then takes the last one.
 */
export function puppetLineDiagnostics(doc: IniDocument, lines: readonly LineInfo[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { text } = doc;
  const report = (ruleId: string, info: LineInfo, message: string, start = info.start): void => {
    const a = doc.lineCounter.position(start);
    const b = doc.lineCounter.position(info.end);
    out.push({ ruleId, severity: 'warning', message, file: doc.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
  };
  const entries = new Map<number, IniEntry>();
  for (const s of doc.sections) for (const e of s.entries) entries.set(e.line, e);
  const seenSections = new Set<string>();

  for (const info of lines) {
    const raw = text.slice(info.start, info.rawEnd);
    if (info.role === 'assignment') {
      const entry = entries.get(info.line);
      if (!entry) continue; // parse stopped before the value was stored
      const key = entry.key;
      const m = matchPuppetSetting(raw);
      if (entry.separator === ':') {
        const seen = m ? `read the key '${m.key}' here` : `do not see '${key}' on a ':' line`;
        report('ini/puppet-colon-line', info, `oslo splits '${key}' at ':' but Puppet's ini providers ${seen}: managing '${key}' appends a second '${key}=' line and oslo takes the last`);
      } else if (!m) {
        report('ini/puppet-unseen-setting', info, `Puppet's ini providers do not see the setting '${key}' on this line`);
      } else if (m.key !== key) {
        report('ini/puppet-key-differs', info, `oslo reads the key '${key}' here but Puppet's ini providers read '${m.key}'`);
      }
    } else if (info.role === 'continuation') {
      const header = matchPuppetSection(raw);
      if (header !== undefined) {
        report('ini/puppet-indented-section', info, `oslo reads this indented line as a continuation of the previous value; Puppet's ini providers read it as the section header [${header}]`);
      } else {
        const m = matchPuppetSetting(raw);
        if (m) report('ini/puppet-indented-key', info, `oslo reads this indented line as a continuation of the previous value; Puppet's ini providers read it as the setting '${m.key}'`);
      }
    } else {
      const name = text.slice(info.start + 1, info.end - 1);
      if (matchPuppetSection(raw) !== name) {
        report('ini/puppet-section-differs', info, `Puppet's ini providers do not read this line as the section header [${name}]`);
      } else if (seenSections.has(name)) {
        report('ini/puppet-duplicate-section', info, `Section [${name}] is repeated: oslo merges both, Puppet's ini providers only see the last one`);
      }
      seenSections.add(name);
    }
  }
  const cr = /\r(?!\n)/.exec(text);
  if (cr) {
    const p = doc.lineCounter.position(cr.index);
    const message = "Lone CR line breaks: oslo splits lines on them, Puppet's ini providers do not";
    out.push({ ruleId: 'ini/puppet-cr-line', severity: 'warning', message, file: doc.file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 });
  }
  return out;
}
