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
