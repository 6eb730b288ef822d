/**
 * What Puppet's INI providers see in a file: openstacklib's `openstackconfig` (Puppet::Util::OpenStackConfig,
 * used by nova_config, keystone_config, ...) and puppetlabs-inifile's `ini_setting` (Puppet::Util::IniFile with
 * separator '=', used by the agent *.ini types). Their grammar is two Ruby regexes, not oslo's.
 */

export type PuppetIniProvider = 'openstackconfig' | 'ini_setting';

export interface PuppetSetting {
  key: string;
  /** match[4]: everything after `=` and its spaces/tabs, trailing whitespace (and a CR) included. */
  value: string;
  /** 1-based line, counting "\n" only (Ruby's File.readlines). */
  line: number;
  indent: number;
}

export interface PuppetSection {
  /** '' for the global section the providers always create before the first header. */
  name: string;
  /** 1-based header line; 0 for the global section. */
  line: number;
  settings: PuppetSetting[];
}

export interface PuppetIniView {
  provider: PuppetIniProvider;
  sections: PuppetSection[];
  /**
   * What the provider's get_value returns. Both providers key sections by name, so only the LAST section of
   * a repeated name counts. openstackconfig collects every repeated key; ini_setting keeps the last.
   */
  settings: Map<string, Map<string, string[]>>;
}

// Ruby's \s is ASCII only ([ \t\n\v\f\r]) and its `.` matches anything but \n; lines here carry no \n.
const RUBY_SPACE = '[ \\t\\v\\f\\r]';
const SETTING_RE = new RegExp(
  `^(${RUBY_SPACE}*)([^#; \\t\\n\\v\\f\\r]|[^#; \\t\\n\\v\\f\\r][\\s\\S]*?[^ \\t\\n\\v\\f\\r=])(${RUBY_SPACE}*=[ \\t]*)([\\s\\S]*)$`,
);
const SECTION_RE = new RegExp(`^${RUBY_SPACE}*\\[([\\s\\S]*)\\]${RUBY_SPACE}*$`);

/** Puppet's setting regex on one line (without its "\n"): key, value and indentation, or undefined. */
export function matchPuppetSetting(line: string): { indent: number; key: string; value: string } | undefined {
  if (!line.includes('=')) return undefined; // cheap reject; also bounds the lazy match's backtracking
  const m = SETTING_RE.exec(line);
  return m ? { indent: m[1]!.length, key: m[2]!, value: m[4]! } : undefined;
}

/** Puppet's section regex on one line: the header name, or undefined. */
export function matchPuppetSection(line: string): string | undefined {
  const m = SECTION_RE.exec(line);
  return m ? m[1]! : undefined;
}

export function puppetIniView(text: string, provider: PuppetIniProvider = 'openstackconfig'): PuppetIniView {
  const sections: PuppetSection[] = [{ name: '', line: 0, settings: [] }];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = matchPuppetSection(line);
    if (header !== undefined) {
      sections.push({ name: header, line: i + 1, settings: [] });
      continue;
    }
    const m = matchPuppetSetting(line);
    if (m) sections[sections.length - 1]!.settings.push({ ...m, line: i + 1 });
  }
  const settings = new Map<string, Map<string, string[]>>();
  for (const s of sections) {
    const keys = new Map<string, string[]>();
    for (const st of s.settings) {
      const prev = keys.get(st.key);
      if (prev && provider === 'openstackconfig') prev.push(st.value);
      else keys.set(st.key, [st.value]);
    }
    settings.set(s.name, keys);
  }
  return { provider, sections, settings };
}
