/**
 * Pagefind matches a query word that no word of an index begins with by the
 * longest word of that index it begins with (`find_word_extensions` in its
 * pagefind_web/src/search.rs). Where the word is in another language's
 * index, that fallback finds it in this one as a far shorter word,
 * "Anführungszeichen" as "an", and ranks the pages full of "an" above the
 * one essay that has the word. This tells those results by their excerpt:
 * its marked words are the words matched.
 */

/** How much of a query word a matched word must cover, from its start, to count as the word typed (stems drop endings, not halves). */
const COVERED = 0.6;

/** Lower case, with no diacritics or punctuation: "„Straßen“" and "strassen" compare alike. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * Whether an excerpt shows a word of the query matched only by a far shorter
 * word it begins with, and by nothing closer: Pagefind's fallback, not the
 * word. An excerpt with no mark for a word says nothing about it.
 */
export function matchedByFallback(query: string, excerpt: string): boolean {
  const marked = [...excerpt.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((match) => fold(match[1]!)).filter(Boolean);
  if (marked.length === 0) return false;
  return query
    .split(/\s+/)
    .map(fold)
    .filter((word) => word.length >= 4)
    .some((word) => {
      if (!marked.some((mark) => word.startsWith(mark))) return false;
      return Math.max(...marked.map((mark) => commonStart(word, mark))) < word.length * COVERED;
    });
}
