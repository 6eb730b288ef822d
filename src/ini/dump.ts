import { HieradriftError, type Diagnostic } from '../source/index.js';
import { renderYaml, type HHash } from '../value/index.js';
import { isSecretOption, loadServiceSchema, serviceForFile, type ServiceSchema } from '../openstack/index.js';
import { maskText, SECRET_MASK } from '../security/index.js';
import { osloSections } from './oslo-sections.js';
import { readIniFile } from './read.js';
import type { IniDocument } from './types.js';

/** True for the file names `hieradrift dump` reads as oslo.config INI. */
export function isIniPath(path: string): boolean {
  return /\.(conf|ini)$/i.test(path);
}

/**
 * `{"sections": {SECTION: {KEY: [VALUE, ...]}}}` with raw section names and values as oslo's ConfigParser
 * stores them, in file order, 2-space indented. Secret options (schema flag or name), URL
 * passwords and eyaml blocks print as the one mask text.
 */
export function renderIniJson(doc: IniDocument, schema?: ServiceSchema): string {
  const sections = osloSections(doc);
  if (sections.size === 0) return '{\n  "sections": {}\n}\n';
  // Built by hand: a JS object would move integer-like section names first and treat __proto__ specially.
  const parts = [...sections].map(([name, keys]) => {
    const body = [...keys].map(([key, values]) => {
      const secret = isSecretOption(schema, name, key);
      const shown = values.map((v) => JSON.stringify(secret ? SECRET_MASK : maskText(v)));
      return `      ${JSON.stringify(key)}: [${shown.join(', ')}]`;
    });
    return body.length === 0
      ? `    ${JSON.stringify(name)}: {}`
      : `    ${JSON.stringify(name)}: {\n${body.join(',\n')}\n    }`;
  });
  return `{\n  "sections": {\n${parts.join(',\n')}\n  }\n}\n`;
}

/** The same data as a YAML mapping (via the shared value renderer). */
export function renderIniYaml(doc: IniDocument, schema?: ServiceSchema): string {
  const sections: HHash = new Map();
  for (const [name, keys] of osloSections(doc)) {
    const shown: HHash = new Map();
    for (const [key, values] of keys) {
      const secret = isSecretOption(schema, name, key);
      shown.set(key, values.map((v) => (secret ? SECRET_MASK : maskText(v))));
    }
    sections.set(name, shown);
  }
  return renderYaml(new Map([['sections', sections]]));
}

/** Reads FILE.conf / FILE.ini for `hieradrift dump`; oslo's refusal is a HieradriftError('input') with its position. */
export async function dumpIniFile(path: string, format: 'json' | 'yaml' = 'json'): Promise<string> {
  const r = await loadIniForDump(path);
  if (r.error) throw new HieradriftError('input', r.error.message, r.error);
  return r.render!(format);
}

/** The `dump` command's handler for .conf/.ini: oslo's refusal as a diagnostic, or a renderer. */
export async function loadIniForDump(path: string): Promise<{ error?: Diagnostic; render?: (format: 'json' | 'yaml') => string }> {
  const doc = await readIniFile(path);
  if (doc.error) return { error: doc.error };
  const schema = schemaFor(path);
  return { render: (format) => (format === 'yaml' ? renderIniYaml(doc, schema) : renderIniJson(doc, schema)) };
}

function schemaFor(path: string): ServiceSchema | undefined {
  const service = serviceForFile(path);
  if (!service) return undefined;
  try {
    return loadServiceSchema(service);
  } catch {
    return undefined; // no shipped schema: the name heuristic still masks
  }
}
