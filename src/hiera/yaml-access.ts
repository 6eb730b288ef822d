import { loadJson, loadYaml, readDataTextSync, type YamlLoadResult, type YNode } from '../yaml/index.js';
import { RubySymbol, type HHash, type HValue } from '../value/index.js';

/**
 * The one door from src/hiera to src/yaml: synchronous reads (lookups run synchronously so a fleet
 * resolves without awaiting per key) and Puppet's symkeys_to_string on what comes back.
 */
export function parseYamlText(text: string, file: string): YamlLoadResult {
  return loadYaml(text, file);
}

export function parseJsonText(text: string, file: string): YamlLoadResult {
  return loadJson(text, file);
}

/** A file's text, strict about UTF-8 as Psych is (JSON keeps such bytes): a failed load when Puppet refuses it. */
export function readTextSync(path: string, json: boolean): string | YamlLoadResult {
  return readDataTextSync(path, path, json);
}

/** Reads a data file as yaml_data / json_data / eyaml_lookup_key would; undefined when it does not exist. */
export function readDataFile(path: string, json: boolean): YamlLoadResult | undefined {
  let text: string | YamlLoadResult;
  try {
    text = readDataTextSync(path, path, json);
  } catch {
    return undefined;
  }
  const load = typeof text !== 'string' ? text : json ? parseJsonText(text, path) : parseYamlText(text, path);
  // Psych's reader refuses the whole file and names the start of its buffer, whatever byte is wrong.
  if (load.readerProblem && load.error) return { ...load, error: { ...load.error, message: `${load.readerProblem} at line 1 column 1` } };
  return load;
}

/** Puppet's symkeys_to_string: Symbol keys become Strings at every depth (values keep Symbols). */
export function symkeysToString(v: HValue): HValue {
  if (Array.isArray(v)) return v.map(symkeysToString);
  if (v instanceof Map) {
    const out: HHash = new Map();
    for (const [k, x] of v) out.set(k instanceof RubySymbol ? k.name : k, symkeysToString(x));
    return out;
  }
  return v;
}

/** Follows YAML aliases to the node they name. */
export function deref(n: YNode): YNode {
  let cur = n;
  for (let i = 0; i < 100 && cur.kind === 'alias'; i++) cur = cur.target;
  return cur;
}

/** The key of a map pair as a string (Symbols count as their name), or undefined for other keys. */
export function keyName(n: YNode): string | undefined {
  const v = deref(n).value;
  if (typeof v === 'string') return v;
  if (v instanceof RubySymbol) return v.name;
  return undefined;
}
