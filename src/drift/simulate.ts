import { PuppetIniFile, puppetInSync, type PuppetValue } from './puppet-ini.js';
import type { ExpectedFile, ExpectedSetting } from './types.js';

export function asList(v: PuppetValue | undefined): string[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

/** Whether the provider's in-sync check fails for this setting against Puppet's view of the file. */
export function puppetWillRewrite(s: ExpectedSetting, is: PuppetValue | undefined, provider: ExpectedFile['provider']): boolean {
  switch (s.ensure) {
    case 'unmanaged':
      return false;
    case 'absent':
      return is !== undefined;
    case 'present-any':
      return is === undefined;
    case 'present': {
      if (is === undefined) return true;
      if (provider === 'ini_setting') return (Array.isArray(is) ? is[is.length - 1] : is) !== s.values[0];
      return !puppetInSync(asList(is)!, s.values);
    }
  }
}

/**
 * Runs the provider over the file text the way one Puppet run would: purge first reads the
 * instances, then each resource is synced in catalog order. Returns the text Puppet leaves
 * (undefined when the file stays missing) and the keys purge removes (`section\0key`).
 */
export function simulateRun(file: ExpectedFile, text: string | undefined): { text: string | undefined; purged: Set<string> } {
  const ini = new PuppetIniFile(text);
  const purged = new Set<string>();
  const managed = new Set(file.settings.map((s) => `${s.section}\0${s.key}`));
  let touched = false;
  if (file.purge) {
    for (const [name, sec] of ini.sections) {
      for (const key of [...sec.settings.keys()]) {
        if (!managed.has(`${name}\0${key}`)) purged.add(`${name}\0${key}`);
      }
    }
  }
  for (const s of file.settings) {
    const is = ini.getValue(s.section, s.key);
    if (!puppetWillRewrite(s, is, file.provider)) continue;
    touched = true;
    if (s.ensure === 'absent') ini.removeSetting(s.section, s.key);
    else if (s.ensure === 'present-any') ini.setValue(s.section, s.key, null);
    else ini.setValue(s.section, s.key, file.provider === 'ini_setting' ? s.values[0]! : s.values);
  }
  for (const p of purged) {
    const [section, key] = p.split('\0') as [string, string];
    ini.removeSetting(section, key);
    touched = true;
  }
  if (text === undefined && !touched) return { text: undefined, purged };
  return { text: touched ? ini.render() : text, purged };
}
