import { maskText, SECRET_MASK } from '../security/index.js';
import { normalizeGroup } from './oslo-view.js';

/** Values for output: every value masked when the key is secret, eyaml blocks and URL credentials always. */
export function maskValues(values: readonly string[], secret: boolean): string[] {
  return values.map((v) => (secret ? SECRET_MASK : maskText(v)));
}

/**
 * Masks a whole INI text for diffs: the value of every secret key (including its continuation
 * lines, and lines either parser reads as a setting) and URL credentials anywhere. An indented line
 * whose owner is unknown (right after a section header, as Puppet's rewrite can leave a secret's
 * continuation) is masked too: output errs toward masking.
 */
export function maskFileText(text: string, isSecret: (group: string, key: string) => boolean): string {
  let group = '';
  let owner: 'none' | 'secret' | 'plain' = 'none';
  return text
    .split('\n')
    .map((line) => {
      const header = /^\s*\[(.*)\]\s*$/.exec(line);
      if (header) {
        group = normalizeGroup(header[1]!);
        owner = 'none';
        return line;
      }
      if (/^\s*[#;]/.test(line) && !/^[ \t]/.test(line)) return maskText(line);
      const m = /^(\s*)([^=:]*?)(\s*[=:]\s*)(.*)$/.exec(line);
      const indented = /^[ \t]/.test(line);
      if (indented && owner === 'secret') return line.replace(/\S.*$/, SECRET_MASK);
      if (m) {
        const key = m[2]!.trim();
        // A `key: value` line or `a:b = c`: check both possible key readings.
        const keyEq = line.split('=')[0]!.trim();
        const secret = isSecret(group, key) || isSecret(group, keyEq);
        if (!indented) owner = secret ? 'secret' : 'plain';
        if (secret) return `${m[1]}${m[2]}${m[3]}${m[4] === '' ? '' : SECRET_MASK}`;
      } else if (indented && owner === 'none' && line.trim() !== '') {
        return line.replace(/\S.*$/, SECRET_MASK);
      } else if (!indented) owner = line.trim() === '' ? owner : 'plain';
      return maskText(line);
    })
    .join('\n');
}
