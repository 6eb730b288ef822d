import { CASE_FOLD } from './casefold-data.js';

/**
 * Onigmo's case-insensitive matching, from Ruby's full case folding: characters match each other when their
 * folds are equal; a character whose fold is several characters (ß → ss) also matches that string.
 */
interface Tables {
  fold: Map<number, number[]>;
  /** Fold (as a string key) → every code point with that fold, the fold itself included when single. */
  byFold: Map<string, number[]>;
  /** Every code point that has another code point with the same fold. */
  cased: number[];
  /** Code points whose fold is several characters. */
  multi: number[];
}

let tables: Tables | undefined;

const key = (cps: number[]): string => String.fromCodePoint(...cps);

function load(): Tables {
  if (tables) return tables;
  const fold = new Map<number, number[]>();
  const byFold = new Map<string, number[]>();
  for (const entry of CASE_FOLD.split(',')) {
    const [cp, f] = entry.split(':') as [string, string];
    const c = parseInt(cp, 36);
    const to = f.split('.').map((x) => parseInt(x, 36));
    fold.set(c, to);
    const k = key(to);
    if (!byFold.has(k)) byFold.set(k, to.length === 1 ? [to[0]!] : []);
    byFold.get(k)!.push(c);
  }
  const cased: number[] = [];
  const multi: number[] = [];
  for (const [k, cps] of byFold) {
    if (Array.from(k).length > 1) multi.push(...cps);
    if (cps.length > 1) cased.push(...cps);
  }
  tables = { fold, byFold, cased, multi };
  return tables;
}

export function foldOf(cp: number): number[] {
  return load().fold.get(cp) ?? [cp];
}

/** The code points that match `cp` as one character (cp included). */
export function equivalents(cp: number): number[] {
  return load().byFold.get(key(foldOf(cp))) ?? [cp];
}

/** Code points whose fold is exactly the string `cps` (several characters), if any. */
export function multiFoldChars(cps: number[]): number[] | undefined {
  if (cps.length < 2) return undefined;
  return load().byFold.get(key(cps));
}

/** Groups of code points with the same fold (each group has two or more): Onigmo's case closure of a class. */
export function casedGroups(): number[][] {
  const t = load();
  return [...t.byFold.values()].filter((cps) => cps.length > 1);
}

export function multiFolding(): number[] {
  return load().multi;
}
