/**
 * Pagefind keeps one index per language (by each page's `<html lang>`,
 * lowercased: `en-gb`, `ru`), each stemmed by its language's rules, and loads
 * the one for the page's own language. Every essay is to be found from every
 * page, so the search UI (src/scripts/search-ui.ts) searches the others too;
 * this says how.
 *
 * An index Pagefind merges into another (`mergeIndex`) is searched with the
 * other's WebAssembly module, and with it its stemmer: a German index merged
 * into an English page's search was given English stems, and German's
 * ("straßenpolitik" for "strassenpolit") matched nothing, while the English
 * index's fallback to the longest known prefix ("an" for "Anführungszeichen")
 * ranked English essays first. Pagefind says as much (discussion #984:
 * "merged indexes are searched with the primary instance's WebAssembly
 * language module"). So an index is merged only where it is stemmed the same
 * way, or not at all; each other stemmer gets an instance of its own, at the
 * cost of its WebAssembly module (about 58 kB) on a site that has it.
 */

import { likelyScript } from './direction.ts';

/** An index of pagefind-entry.json: `wasm` names its module, null for a language Pagefind does not stem. */
export interface IndexEntry {
  page_count: number;
  wasm?: string | null;
}

type Entries = Record<string, IndexEntry>;

/** The index Pagefind loads for a page in `lang`, as its findIndex() chooses: the language, its primary subtag, else the largest. */
export function primaryIndex(languages: Entries, lang: string): string | undefined {
  const code = lang.toLowerCase();
  if (code in languages) return code;
  const base = code.split('-')[0]!;
  if (base in languages) return base;
  return Object.entries(languages).sort(([, a], [, b]) => b.page_count - a.page_count)[0]?.[0];
}

/** The languages of pagefind-entry.json to search besides the one a page loads itself. */
export function otherIndexes(languages: Entries, lang: string): string[] {
  const primary = primaryIndex(languages, lang);
  return Object.keys(languages)
    .filter((code) => code !== primary)
    .sort();
}

/** How a page searches every index: instances of Pagefind, each with the indexes merged into it. */
export interface SearchPlan {
  /** Indexes merged into the page's own instance: stemmed as its own is (`en-us` into `en-gb`), or not stemmed and in another script. */
  merged: string[];
  /** One more instance per other stemmer, and one for unstemmed indexes in the script the page's own stemmer reads: the index it loads, and those merged into it. */
  separate: { language: string; merged: string[] }[];
}

/** The stemmer an index is searched with: its module's primary subtag (`de-ch` and `de` stem alike), null for none. */
function stemmer(entry: IndexEntry | undefined): string | null {
  return entry?.wasm ? entry.wasm.split('-')[0]! : null;
}

/** What stands for the group of unstemmed indexes a stemmer would read (`pl` on an English page). */
const UNSTEMMED = '\0unstemmed';

/**
 * Which index each instance searches. An unstemmed index (Hebrew, Chinese)
 * goes with the page's own where the page's stemmer leaves its words alone:
 * it has none, or the index is in another script. One in the page's own
 * script (Polish on an English page, Persian on an Arabic one, Ukrainian on
 * a Russian one) is searched unstemmed, in an instance of its own. Each other
 * stemmer's instance loads its largest index, the others merged into it.
 */
export function searchPlan(languages: Entries, lang: string): SearchPlan {
  const primary = primaryIndex(languages, lang) ?? '';
  const own = stemmer(languages[primary]);
  const script = likelyScript(primary);
  const merged: string[] = [];
  const groups = new Map<string, string[]>();
  for (const code of otherIndexes(languages, lang)) {
    const stem = stemmer(languages[code]);
    const group = stem === null ? (own !== null && script !== undefined && likelyScript(code) === script ? UNSTEMMED : null) : stem;
    if (group === null || group === own) merged.push(code);
    else groups.set(group, [...(groups.get(group) ?? []), code]);
  }
  const separate = [...groups.keys()].sort().map((group) => {
    const codes = groups.get(group)!;
    const first = [...codes].sort((a, b) => languages[b]!.page_count - languages[a]!.page_count || (a < b ? -1 : 1))[0]!;
    return { language: first, merged: codes.filter((code) => code !== first) };
  });
  return { merged, separate };
}
