import { isSecretOptionName, maskText, SECRET_MASK } from '../security/index.js';

/**
 * oslo's error messages quote the offending line; hieradrift masks it where it would show a secret:
 * a secret-looking key's value, eyaml blocks and URL passwords. The only intended difference from oslo's text.
 */
export function maskLineForMessage(line: string): string {
  const colon = line.indexOf(':');
  const equal = line.indexOf('=');
  const sep = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
  if (sep >= 0 && isSecretOptionName(line.slice(0, sep).trim()) && line.slice(sep + 1).trim() !== '') {
    return `${line.slice(0, sep + 1)} ${SECRET_MASK}`;
  }
  return maskText(line);
}
