import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to `wanted`, if it is close enough to be a plausible
 * typo (at most a third of the name's length away), for "did you mean …?" hints.
 */
export function closest(wanted: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = wanted.toLowerCase();
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** " — did you mean @x?" or "", ready to append to a message. */
export function didYouMean(wanted: string, known: Iterable<string>, prefix = ''): string {
  const guess = closest(wanted, known);
  return guess === undefined ? '' : ` — did you mean ${prefix}${guess}?`;
}

/**
 * A key that a bare `@word` in prose most likely meant: one that differs only
 * in case, or by one edit (for words long enough that one edit is a typo,
 * not another word). Such a word is an error, not text.
 */
export function nearKey(word: string, keys: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let near: string | undefined;
  for (const key of keys) {
    if (key.toLowerCase() === lower) return key;
    if (near === undefined && word.length >= 5 && distance(lower, key.toLowerCase()) <= 1) near = key;
  }
  return near;
}
