import type { HHash } from '../../value/index.js';

/**
 * A fast path for the common shape of facts files (`puppet facts` output as block mappings of plain
 * identifiers and simple quoted strings). It returns undefined, so the caller falls back to the full
 * Puppet-faithful loader, on anything it is not certain about: comments, flow or sequences, anchors, tags,
 * documents markers, tabs/CR, duplicate keys, and every plain scalar Psych could read as non-string.
 */
const LINE = /^( *)([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const DOUBLE = /^"([^"\\]*)"$/;
const SINGLE = /^'([^']*)'$/;
// YAML 1.1 booleans and null words (case-insensitively, and y/n for safety): left to the full loader.
const SPECIAL = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);
const MAX_TEXT = 256 * 1024;
const MAX_DEPTH = 32;

export function fastFacts(text: string): HHash | undefined {
  if (text.length === 0 || text.length > MAX_TEXT || /[\r\t#&*!%@`|>{}[\]\uFEFF]/.test(text)) return undefined;
  const root: HHash = new Map();
  const stack: { indent: number; map: HHash }[] = [{ indent: 0, map: root }];
  let pending: HHash | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const indent = m[1]!.length;
    if (pending) {
      if (indent <= stack[stack.length - 1]!.indent || stack.length > MAX_DEPTH) return undefined;
      stack.push({ indent, map: pending });
      pending = undefined;
    }
    while (stack.length > 1 && indent < stack[stack.length - 1]!.indent) stack.pop();
    const top = stack[stack.length - 1]!;
    if (indent !== top.indent) return undefined;
    const key = m[2]!;
    if (SPECIAL.has(key.toLowerCase()) || top.map.has(key)) return undefined;
    const raw = m[3];
    if (raw === undefined || raw === '') {
      pending = new Map();
      top.map.set(key, pending);
      continue;
    }
    let value: string | undefined;
    if (PLAIN.test(raw)) value = SPECIAL.has(raw.toLowerCase()) ? undefined : raw;
    else value = DOUBLE.exec(raw)?.[1] ?? SINGLE.exec(raw)?.[1];
    if (value === undefined) return undefined;
    top.map.set(key, value);
  }
  // A key with nothing under it is null in YAML: leave that to the full loader.
  return pending || root.size === 0 ? undefined : root;
}
