import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Per provider: [section, [key, values][]][] in the providers' own hash order. */
export interface PuppetIniResult {
  openstackconfig: [string, [string, string[]][]][];
  ini_setting: [string, [string, string[]][]][];
}

// Loads the providers' parsers straight from the installed modules: one ruby process per batch.
const SCRIPT = `
module Puppet; module Util; end; end
require 'json'
require '/usr/share/puppet/modules/openstacklib/lib/puppet/util/openstackconfig'
require '/usr/share/puppet/modules/inifile/lib/puppet/util/ini_file'
def pairs(obj, names)
  names.uniq.map { |s| [s, obj.get_settings(s).map { |k, v| [k, v.is_a?(Array) ? v : [v]] }] }
end
out = JSON.parse(STDIN.read).map do |path|
  c = Puppet::Util::OpenStackConfig.new(path)
  i = Puppet::Util::IniFile.new(path, '=')
  { 'openstackconfig' => pairs(c, c.section_names), 'ini_setting' => pairs(i, i.section_names) }
end
STDOUT.write(JSON.generate(out))
`;

export function puppetParseTexts(texts: readonly string[]): PuppetIniResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'hieradrift-puppet-ini-'));
  try {
    const paths = texts.map((t, i) => {
      const p = join(dir, `case-${i}.conf`);
      writeFileSync(p, t);
      return p;
    });
    const r = spawnSync('ruby', ['-e', SCRIPT], {
      input: JSON.stringify(paths),
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    });
    if (r.status !== 0) throw new Error(`puppet ini oracle failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as PuppetIniResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
