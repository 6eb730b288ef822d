/**
 * Whether a data file's text may give its top-level mapping the string key `key`, decided without parsing:
 * false only when the key cannot be there. A key Puppet reads is spelled in the text literally unless it
 * comes from an escape (double-quoted YAML or JSON), folding (whitespace), a quote doubled in single quotes,
 * or `!!binary`; keys that could, and texts that hold those, are always parsed. Aliases and merge keys repeat
 * text that is in the same file. Lets a rule that looks up one key across the repo skip most files unparsed.
 */
export function mayHoldKey(text: string, key: string): boolean {
  if (key === '' || SPELLED_OTHERWISE.test(key) || text.includes('\\') || text.includes('binary')) return true;
  return text.includes(key);
}

const SPELLED_OTHERWISE = /[\s'"\\]/;
