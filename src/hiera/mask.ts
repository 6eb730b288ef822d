import { isSecretKey, maskText as maskSecretText, maskValue, SECRET_MASK } from '../security/index.js';

/**
 * What the CLI prints is masked (src/security); lookups themselves keep Puppet's exact values, so the
 * differential tests compare unmasked traces.
 */
export { maskValue };

const SEARCH = /^(\s*)Searching for "((?:[^"\\]|\\.)*)"$/;
/** Explain lines that print a value after a fixed head: the value may open a multi-line hash or array. */
const VALUE_LINE = /^(\s*)(Found key: "((?:[^"\\]|\\.)*)" value: |Merged result: |Sub key: "((?:[^"\\]|\\.)*)" value: )(.*)$/;
const HASH_ENTRY = /^(\s*)("((?:[^"\\]|\\.)*)" => )(.*)$/;

/**
 * An explanation as it may be printed. Inside the trace of a secret key (a `Searching for` block, nested
 * blocks included) every found and merged value is masked; elsewhere a value found under a secret key, or
 * a hash entry with a secret key, is; eyaml blocks and URL passwords are masked everywhere. A masked value
 * that opens a multi-line hash or array is masked through its closing line.
 */
export function maskText(text: string): string {
  const lines = maskSecretText(text).split('\n');
  const out: string[] = [];
  const searches: { indent: number; secret: boolean }[] = [];
  let closing: string | undefined; // the closing line of a masked multi-line value, without its comma
  for (const line of lines) {
    if (closing !== undefined) {
      if (line === closing || line === `${closing},`) {
        if (line.endsWith(',')) out[out.length - 1] += ',';
        closing = undefined;
      }
      continue;
    }
    const indent = line.length - line.trimStart().length;
    while (searches.length && searches[searches.length - 1]!.indent >= indent && line.trim() !== '') searches.pop();
    const search = SEARCH.exec(line);
    if (search) {
      searches.push({ indent, secret: isSecretKey(unescape(search[2]!)) });
      out.push(line);
      continue;
    }
    const inSecret = searches.some((s) => s.secret);
    const v = VALUE_LINE.exec(line);
    const h = v ? undefined : HASH_ENTRY.exec(line);
    const key = v ? (v[3] ?? v[4]) : h?.[3];
    const mask = (v && (inSecret || (key !== undefined && isSecretKey(unescape(key))))) || (h && isSecretKey(unescape(h[3]!)));
    if (!mask) {
      out.push(line);
      continue;
    }
    const [head, value] = v ? [v[1]! + v[2]!, v[5]!] : [h![1]! + h![2]!, h![4]!];
    if (value === '{' || value === '[') closing = `${' '.repeat(indent)}${value === '{' ? '}' : ']'}`;
    out.push(`${head}"${SECRET_MASK}"${value.endsWith(',') ? ',' : ''}`);
  }
  return out.join('\n');
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
