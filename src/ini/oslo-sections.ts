import { pyLower } from './pystr.js';
import type { IniDocument } from './types.js';

/** cfg._normalize_group_name: exact `DEFAULT` stays, every other name is lower-cased (so `[default]` is not DEFAULT). */
export function normalizeGroupName(name: string): string {
  return name === 'DEFAULT' ? name : pyLower(name);
}

/**
 * `{section -> {key -> [values]}}` exactly as cfg.ConfigParser fills `sections`: raw section names,
 * repeated sections merged, repeated keys appended in order. After a parse error it holds what oslo
 * had stored before raising.
 */
export function osloSections(doc: IniDocument): Map<string, Map<string, string[]>> {
  return collect(doc, (s) => s.name);
}

/** The same with normalised section names, as oslo's `_normalized` copy used for lookups. */
export function osloNormalizedSections(doc: IniDocument): Map<string, Map<string, string[]>> {
  return collect(doc, (s) => s.normalized);
}

function collect(
  doc: IniDocument,
  nameOf: (s: IniDocument['sections'][number]) => string,
): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const section of doc.sections) {
    const name = nameOf(section);
    let keys = out.get(name);
    if (!keys) out.set(name, (keys = new Map()));
    for (const e of section.entries) {
      const values = keys.get(e.key);
      if (values) values.push(e.value);
      else keys.set(e.key, [e.value]);
    }
  }
  return out;
}
