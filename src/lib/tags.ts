/**
 * Tags across essays. Each tag is a search filter and a link-preview
 * `article:tag`, so `History` in one essay and `history` in another would be
 * two filters for one subject. The site shows each tag in one spelling: the
 * one most essays use, and among those the newest essay's.
 */

import { likelyScript } from './direction.ts';

/**
 * What two spellings of one tag share: `History`, `history` and `HISTORY` are
 * one, and so are `Straße` and `STRASSE`, `İstanbul` and `istanbul` (a
 * case fold: upper case first, then lower, the dot of the Turkish İ left out).
 */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC')
    .replace(/i\u0307/g, 'i');
}

/** Essays newest first, and by name where two share a date: the order the pages list them in, and the share pages take them in. */
export function newestFirst(a: { time: number; id: string }, b: { time: number; id: string }): number {
  return b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Each tag's spelling on the site, from every essay's tags, newest essay first. */
export function tagSpellings(lists: readonly (readonly string[])[]): (tag: string) => string {
  const counts = new Map<string, Map<string, number>>();
  for (const tags of lists) {
    for (const tag of tags) {
      const spellings = counts.get(tagKey(tag)) ?? new Map<string, number>();
      spellings.set(tag, (spellings.get(tag) ?? 0) + 1);
      counts.set(tagKey(tag), spellings);
    }
  }
  const chosen = new Map<string, string>();
  for (const [key, spellings] of counts) {
    // The first spelling met is the newest essay's: a later one replaces it only by being used more.
    let best = '';
    for (const [spelling, count] of spellings) if (count > (spellings.get(best) ?? 0)) best = spelling;
    chosen.set(key, best);
  }
  return (tag) => chosen.get(tagKey(tag)) ?? tag;
}

/**
 * The commas of the scripts that have their own, by the script a language is
 * likeliest written in (CLDR, through Intl): Arabic's for Arabic, Persian and
 * Urdu, the ideographic comma for Chinese and Japanese, Ethiopic's for
 * Amharic. Intl.ListFormat's lists are no source here: Arabic's join with
 * "و" ("and"), which a row of tags does not mean.
 */
const COMMAS: Record<string, string> = { Arab: '، ', Hans: '、', Hant: '、', Jpan: '、', Ethi: '፣ ' };

/** What separates an essay's tags in its language: "history, russia", "تاريخ، history", "日本、歴史". */
export function tagSeparator(lang: string): string {
  // Not a BCP 47 tag (the loader rejects those): the Latin comma will do.
  return COMMAS[likelyScript(lang) ?? ''] ?? ', ';
}
