import { distance } from 'fastest-levenshtein';

/** The closest candidate within a typo's reach (case-only differences always count), else undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase().replace(/-/g, '_');
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  const reach = Math.max(1, Math.min(3, Math.floor(word.length / 4)));
  return best !== undefined && bestD <= reach ? best : undefined;
}
