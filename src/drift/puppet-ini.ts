/**
 * A port of openstacklib's Puppet::Util::OpenStackConfig (a fork of puppetlabs-inifile): how the
 * openstackconfig provider reads a file (its view differs from oslo's: it ignores `key: value` lines
 * and reads indented lines as settings) and how it rewrites one (remove-then-add, insertion after the
 * last occurrence or a commented sample line). Used both for the in-sync prediction and for --diff.
 */

// Ruby's \s is ASCII-only and `.` excludes only "\n"; spell both out for JS.
const S = '[ \\t\\r\\n\\f\\v]';
const NS = '[^ \\t\\r\\n\\f\\v]';
const SETTING = new RegExp(`^(${S}*)([^#;${S.slice(1, -1)}]|[^#;${S.slice(1, -1)}][^\\n]*?[^${S.slice(1, -1)}=])(${S}*=[ \\t]*)([^\\n]*?)${S}*$`);
const COMMENTED = new RegExp(`^(${S}*)[#;]+(${S}*)([^\\n]*?[^${S.slice(1, -1)}=])(${S}*=[ \\t]*)([^\\n]*?)${S}*$`);
const SECTION = new RegExp(`^${S}*\\[([^\\n]*)\\]${S}*$`);
void NS;

export type PuppetValue = string | string[];

interface Match {
  indent: string;
  key: string;
  sep: string;
  value: string;
}

/** Ruby readlines keeps "\n"; the regexes see the line without it (Ruby's `$` stops before "\n"). */
function matchSetting(line: string): Match | undefined {
  const m = SETTING.exec(line.endsWith('\n') ? line.slice(0, -1) : line);
  if (!m) return undefined;
  // Puppet's value group is greedy `(.*)`: trailing whitespace stays in the value.
  const body = line.endsWith('\n') ? line.slice(0, -1) : line;
  const value = body.slice(m[1]!.length + m[2]!.length + m[3]!.length);
  return { indent: m[1]!, key: m[2]!, sep: m[3]!, value };
}

export class PuppetSection {
  readonly settings = new Map<string, PuppetValue>();
  /** 1-based line numbers (of the original file) of each setting's first occurrence. */
  readonly lineOf = new Map<string, number>();
  indentation: number | undefined;

  constructor(
    readonly name: string,
    public lines: string[] = [],
    firstLine = 0,
  ) {
    lines.forEach((line, i) => {
      const m = matchSetting(line);
      if (!m) return;
      const indent = m.indent.length;
      this.indentation = Math.min(indent, this.indentation ?? indent);
      const cur = this.settings.get(m.key);
      if (cur === undefined) {
        this.settings.set(m.key, m.value);
        if (firstLine) this.lineOf.set(m.key, firstLine + i);
      } else if (Array.isArray(cur)) cur.push(m.value);
      else this.settings.set(m.key, [cur, m.value]);
    });
  }

  addSetting(key: string, value: PuppetValue | null): void {
    this.settings.set(key, value ?? '');
    this.addLines(key, value);
  }

  updateSetting(key: string, value: PuppetValue): void {
    const old = this.settings.get(key);
    this.settings.set(key, value);
    if (Array.isArray(value) || Array.isArray(old)) {
      const oldV = Array.isArray(old) ? old : [old ?? ''];
      const newV = Array.isArray(value) ? value : [value];
      this.removeLines(key, oldV.filter((v) => !newV.includes(v)));
      this.addLines(key, newV.filter((v) => !oldV.includes(v)));
    } else {
      this.lines = this.lines.map((line) => {
        const m = matchSetting(line);
        return m && m.key === key ? `${m.indent}${m.key}${m.sep}${value}\n` : line;
      });
    }
  }

  /** remove_setting(key) with no value: drops the key and deletes only the FIRST matching line, as Puppet does. */
  removeSetting(key: string): void {
    this.settings.delete(key);
    this.removeLines(key, null);
  }

  private removeLines(key: string, value: string[] | null): void {
    const vals: (string | null)[] = value ?? [null];
    for (const val of vals) {
      const idx = this.lines.findIndex((line) => {
        const m = matchSetting(line);
        return m !== undefined && m.key === key && (val === null || vals.includes(m.value));
      });
      if (idx >= 0) this.lines.splice(idx, 1);
    }
  }

  private addLines(key: string, value: PuppetValue | null): void {
    const indent = ' '.repeat(this.indentation ?? 0);
    let offset = this.lines.length;
    let last = -1;
    this.lines.forEach((line, i) => {
      const m = matchSetting(line);
      if (m && m.key === key) last = i;
    });
    if (last >= 0) offset = last;
    else {
      const c = this.lines.findIndex((line) => COMMENTED.exec(line.replace(/\n$/, ''))?.[3] === key);
      if (c >= 0) offset = c + 1;
    }
    // Ruby inserts at the last occurrence's index, i.e. BEFORE it (Array#insert(offset)).
    const vals = Array.isArray(value) ? value : [value ?? ''];
    for (const v of vals) this.lines.splice(offset++, 0, `${indent}${key}=${v}\n`);
  }
}

export class PuppetIniFile {
  readonly order: string[] = [];
  readonly sections = new Map<string, PuppetSection>();

  constructor(text: string | undefined) {
    const lines = text === undefined || text === '' ? [] : splitRubyLines(text);
    let current = '';
    let buf: string[] = [];
    let start = 1;
    lines.forEach((line, i) => {
      const m = SECTION.exec(line.endsWith('\n') ? line.slice(0, -1) : line);
      if (m) {
        this.addSection(current, buf, start);
        buf = [];
        current = m[1]!;
        start = i + 2;
      } else buf.push(line);
    });
    this.addSection(current, buf, start);
  }

  private addSection(name: string, lines: string[] = [], firstLine = 0): PuppetSection {
    this.order.push(name);
    const s = new PuppetSection(name, lines, firstLine);
    this.sections.set(name, s);
    return s;
  }

  /** get_value: a String, an Array for repeated keys, undefined when absent. */
  getValue(section: string, key: string): PuppetValue | undefined {
    return this.sections.get(section)?.settings.get(key);
  }

  setValue(section: string, key: string, value: PuppetValue | null): void {
    const s = this.sections.get(section) ?? this.addSection(section);
    if (s.settings.has(key) && value !== null) s.updateSetting(key, value);
    else s.addSetting(key, value);
  }

  removeSetting(section: string, key: string): void {
    this.sections.get(section)?.removeSetting(key);
  }

  /** save: each name in order (a repeated header writes the LAST block each time), `puts` adds missing newlines. */
  render(): string {
    let out = '';
    for (const name of this.order) {
      if (name.length > 0) out += `[${name}]\n`;
      for (const line of this.sections.get(name)!.lines) out += line.endsWith('\n') ? line : `${line}\n`;
    }
    return out;
  }
}

/** Ruby File.readlines: split after each "\n" only, keeping it. */
export function splitRubyLines(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const i = text.indexOf('\n', from);
    if (i < 0) {
      if (from < text.length) out.push(text.slice(from));
      return out;
    }
    out.push(text.slice(from, i + 1));
    from = i + 1;
  }
}

/** The openstackconfig type's insync?: same length and `is & should == is` (order-insensitive, exact strings). */
export function puppetInSync(is: readonly string[], should: readonly string[]): boolean {
  if (should.length === 0) return true;
  if (is.length !== should.length) return false;
  const inter: string[] = [];
  for (const v of is) if (should.includes(v) && !inter.includes(v)) inter.push(v);
  return inter.length === is.length && inter.every((v, i) => v === is[i]);
}
