import { normalizeGroup } from './oslo-view.js';
import { maskSecrets, SECRET_MASK } from './schema-view.js';

/** Values for output: every value masked when the key is secret, URL credentials masked always. */
export function maskValues(values: readonly string[], secret: boolean): string[] {
  return values.map((v) => (secret ? SECRET_MASK : maskSecrets(v)));
}

/**
 * Masks a whole INI text for diffs: the value of every secret key (including its continuation
 * lines, and lines either parser reads as a setting) and URL credentials anywhere.
 */
export function maskFileText(text: string, isSecret: (group: string, key: string) => boolean): string {
  let group = '';
  let inSecret = false;
  return text
    .split('\n')
    .map((line) => {
      const header = /^\s*\[(.*)\]\s*$/.exec(line);
      if (header) {
        group = normalizeGroup(header[1]!);
        inSecret = false;
        return line;
      }
      if (/^\s*[#;]/.test(line) && !/^[ \t]/.test(line)) return maskSecrets(line);
      const m = /^(\s*)([^=:]*?)(\s*[=:]\s*)(.*)$/.exec(line);
      const indented = /^[ \t]/.test(line);
      if (indented && inSecret) return line.replace(/\S.*$/, SECRET_MASK);
      if (m) {
        const key = m[2]!.trim();
        // A `key: value` line or `a:b = c`: check both possible key readings.
        const keyEq = line.split('=')[0]!.trim();
        const secret = isSecret(group, key) || isSecret(group, keyEq);
        if (!indented) inSecret = secret;
        if (secret) return `${m[1]}${m[2]}${m[3]}${m[4] === '' ? '' : SECRET_MASK}`;
      } else if (!indented) inSecret = false;
      return maskSecrets(line);
    })
    .join('\n');
}
