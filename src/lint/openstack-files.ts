import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'glob';
import { parseIni } from '../ini/index.js';
import { loadServiceSchema, serviceForFile, validateConfig } from '../openstack/index.js';
import type { Diagnostic } from '../source/index.js';
import { maskText } from '../security/index.js';

const MAX_BYTES = 16 * 1024 * 1024;

/** OpenStack config files in a repo (rendered or deployed copies), by service file name. */
export function findOpenstackFiles(root: string, isIgnored: (rel: string) => boolean): { file: string; service: string }[] {
  const found = globSync('**/*.{conf,ini}', { cwd: root, nodir: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'], posix: true });
  return found
    .sort()
    .filter((f) => !isIgnored(f))
    .flatMap((file) => {
      const service = serviceForFile(file);
      return service ? [{ file, service }] : [];
    });
}

/** Validates one config file against its service's options; what it cannot read is a finding. */
export function validateOpenstackFile(root: string, file: string, service: string): Diagnostic[] {
  const abs = join(root, file);
  let text: string;
  try {
    if (statSync(abs).size > MAX_BYTES) return [whole(file, `larger than ${MAX_BYTES} bytes; not validated`)];
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(abs));
  } catch {
    return [whole(file, 'not valid UTF-8: oslo.config cannot read it')];
  }
  const doc = parseIni(text, file);
  const out = doc.error ? [doc.error] : validateConfig(doc, loadServiceSchema(service));
  return out.map((d) => ({ ...d, file, message: maskText(d.message), ...(d.suggestion ? { suggestion: maskText(d.suggestion) } : {}) }));
}

function whole(file: string, message: string): Diagnostic {
  return { ruleId: 'ini/syntax', severity: 'error', message, file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
