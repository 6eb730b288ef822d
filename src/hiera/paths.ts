import { readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { globSync } from 'glob';

/** Ruby's Pathname#+ : leading `.`/`..` of the right side fold into the left; the rest is kept verbatim. */
export function pathPlus(base: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  // Every node of a fleet joins the same few datadirs and hierarchy paths.
  const key = `${base}\0${rel}`;
  let joined = joins.get(key);
  if (joined === undefined) {
    if (joins.size >= 50_000) joins.clear();
    joins.set(key, (joined = join(base, rel)));
  }
  return joined;
}

const joins = new Map<string, string>();

function join(base: string, rel: string): string {
  const baseParts = base.split('/').filter((p) => p !== '' && p !== '.');
  const parts = rel.split('/');
  let i = 0;
  while (i < parts.length) {
    const p = parts[i]!;
    if (p === '.' || (p === '' && i < parts.length - 1)) i++;
    else if (p === '..') {
      baseParts.pop();
      i++;
    } else break;
  }
  const rest = parts.slice(i).join('/');
  const head = '/' + baseParts.join('/');
  if (rest === '') return head;
  return head === '/' ? `/${rest}` : `${head}/${rest}`;
}

/** Ruby glob brace expansion, keeping the order written (`{b,a}` gives b's matches first). */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const alt = pattern.slice(bounds[k]! + 1, bounds[k + 1]);
    out.push(...expandBraces(head + alt + tail));
  }
  return out;
}

/** Pathname.glob as Ruby 3 does it: sorted per brace alternative, dotfiles unmatched; directories dropped. */
export function rubyGlob(pattern: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of expandBraces(pattern)) {
    const hits = globSync(p, { dot: false, nodir: true, absolute: true, posix: true }).sort((a, b) =>
      Buffer.compare(Buffer.from(a), Buffer.from(b)),
    );
    for (const h of hits) {
      if (!seen.has(h)) {
        seen.add(h);
        out.push(h);
      }
    }
  }
  return out;
}

export function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

export function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

export function listDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** isFile through a cache of directory listings: one readdir per directory instead of a stat per path. */
export function fileExists(dirs: Map<string, Map<string, boolean>>, path: string): boolean {
  const dir = dirname(path);
  let listing = dirs.get(dir);
  if (!listing) {
    listing = new Map();
    try {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        listing.set(d.name, d.isFile() || (d.isSymbolicLink() && isFile(`${dir}/${d.name}`)));
      }
    } catch {
      // a missing directory holds no files
    }
    dirs.set(dir, listing);
  }
  return listing.get(basename(path)) ?? false;
}
