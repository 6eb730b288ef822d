import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIni } from '../../src/ini/index.js';
import { loadServiceSchema, validateConfig, isSecretOption, type ServiceSchema } from '../../src/openstack/index.js';
import type { Diagnostic } from '../../src/source/index.js';

export const root = join(import.meta.dirname, '..', '..', '..');
export const mistakesDir = join(root, 'fixtures', 'openstack', 'mistakes');

export interface Expectation {
  line: number;
  column: number;
  ruleId: string;
}

/** `# expect: RULE COLUMN` applies to the next line that is not itself a marker. */
export function expectations(text: string): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expectation[] = [];
  let pending: { ruleId: string; column: number }[] = [];
  lines.forEach((l, i) => {
    const m = /^# expect: (\S+) (\d+)$/.exec(l);
    if (m) pending.push({ ruleId: m[1]!, column: Number(m[2]) });
    else if (pending.length) {
      for (const p of pending) out.push({ line: i + 1, ...p });
      pending = [];
    }
  });
  return out;
}

export function serviceOf(text: string): string {
  return /^# service: (\S+)/m.exec(text)![1]!;
}

export function validateText(text: string, file: string, service: string): { diags: Diagnostic[]; schema: ServiceSchema } {
  const schema = loadServiceSchema(service);
  return { diags: validateConfig(parseIni(text, file), schema), schema };
}

export function validatePath(path: string, service: string): Diagnostic[] {
  return validateText(readFileSync(path, 'utf8'), path, service).diags;
}

/** Every secret value in a file: values of secret options and URL passwords. */
export function secretValues(text: string, schema: ServiceSchema): string[] {
  const doc = parseIni(text, 'x.conf');
  const out: string[] = [];
  for (const s of doc.sections) {
    for (const e of s.entries) {
      if (isSecretOption(schema, s.normalized, e.key) && e.value.length >= 4) out.push(e.value);
      for (const m of e.value.matchAll(/:\/\/[^:/@,]+:([^@/]+)@/g)) out.push(m[1]!);
    }
  }
  return out;
}
