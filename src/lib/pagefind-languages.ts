/**
 * Pagefind keeps one index per language (by each page's `<html lang>`,
 * lowercased: `en-gb`, `ru`) and loads the one for the page's own language;
 * the search UI merges the others (src/scripts/search-ui.ts), so that every
 * essay is found from every page. This says which those are.
 */

/** The index Pagefind loads for a page in `lang`, as its findIndex() chooses: the language, its primary subtag, else the largest. */
export function primaryIndex(languages: Record<string, { page_count: number }>, lang: string): string | undefined {
  const code = lang.toLowerCase();
  if (code in languages) return code;
  const base = code.split('-')[0]!;
  if (base in languages) return base;
  return Object.entries(languages).sort(([, a], [, b]) => b.page_count - a.page_count)[0]?.[0];
}

/** The languages of pagefind-entry.json to merge into a page's search: all but the one it loads itself. */
export function otherIndexes(languages: Record<string, { page_count: number }>, lang: string): string[] {
  const primary = primaryIndex(languages, lang);
  return Object.keys(languages)
    .filter((code) => code !== primary)
    .sort();
}
