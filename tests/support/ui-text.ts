/**
 * The words a page shows a reader that are not the essay's: every text node
 * (the header, title block, contents, notes and bibliography headings, cite
 * box, footer, the search dialog's words as it opens), every name a screen
 * reader speaks or a tooltip shows (aria-label, title, placeholder, the
 * heading links' copy/share labels), for a test that finds words of the
 * wrong language among them. The words the page's scripts show are a JSON
 * file of their own (`leaves` lists its strings).
 */
const SPOKEN = ['aria-label', 'title', 'placeholder', 'alt', 'data-copy-label', 'data-share-label'];

export function interfaceTexts(doc: Document): string[] {
  const texts: string[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style')) continue;
    const text = node.textContent?.trim();
    if (text) texts.push(text);
  }
  for (const element of doc.querySelectorAll(SPOKEN.map((a) => `[${a}]`).join(','))) {
    if (element.closest('head')) continue;
    for (const name of SPOKEN) {
      const value = element.getAttribute(name)?.trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}

/** The strings of a JSON value (the words a page's scripts show: src/pages/ui-strings/[lang].json.ts). */
export function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

/** Latin-script words of `texts` that are not allowed (compared case-insensitively), URLs and file names left out. */
export function latinWordsIn(texts: string[], allowed: Iterable<string>): string[] {
  const allow = new Set([...allowed].map((w) => w.toLowerCase()));
  const found = new Set<string>();
  for (const text of texts) {
    const words = text
      .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
      .replace(/\S+\.(?:bib|json|ris|xml|png|html)\b/g, ' ')
      .replace(/\{\w+\}/g, ' ')
      // Commands in code quotes (`npm run build`) are not words of a language.
      .replace(/`[^`]*`/g, ' ')
      .match(/[A-Za-z][A-Za-z’']*[A-Za-z]/g);
    for (const word of words ?? []) if (!allow.has(word.toLowerCase())) found.add(word);
  }
  return [...found].sort();
}

/** The words of a source text (an essay's Markdown, its .bib, the site's settings), to allow. */
export function wordsOf(...sources: string[]): string[] {
  return sources.flatMap((source) => source.match(/[A-Za-z][A-Za-z’']*[A-Za-z]/g) ?? []);
}

/**
 * The words of a language's interface table (src/lib/i18n/<lang>.ts): its
 * strings, and what its functions say around sample words, for a page in a
 * Latin-script language, whose words `latinWordsIn` finds among the essay's.
 */
export function tableWords(table: unknown): string[] {
  const strings = (value: unknown): string[] => {
    if (typeof value === 'function') return strings((value as (...args: unknown[]) => unknown)(3, 'X', 'Y'));
    if (typeof value === 'string') return [value];
    if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
    return [];
  };
  return wordsOf(...strings(table));
}

/** A language's names of the months, as Intl gives them (the date line's words). */
export function monthNames(lang: string): string[] {
  const format = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2021, month, 1))));
}
