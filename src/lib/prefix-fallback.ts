/**
 * Pagefind matches a query word that no word of an index begins with by the
 * longest word of that index it begins with (`find_word_extensions` in its
 * pagefind_web/src/search.rs). Where the word is in another language's
 * index, that fallback finds it in this one as a far shorter word,
 * "Anführungszeichen" as "an", and ranks the pages full of "an" above the
 * one essay that has the word. This tells those results by their excerpt:
 * its marked words are the words matched.
 */

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

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
 * word. Pagefind marks the whole word of the text, not the part it matched:
 * for "historiadores" an English index falls back to its stem "histori" and
 * marks "History", which is the query's start but for its ending. So a mark
 * is a fallback's when the query begins with all of it but its last two
 * letters, and that covers less than {@link COVERED} of the query word. An
 * excerpt with no such mark for a word says nothing about it.
 */
export function matchedByFallback(query: string, excerpt: string): boolean {
  const marked = [...excerpt.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((match) => fold(match[1]!)).filter(Boolean);
  if (marked.length === 0) return false;
  return (
    query
      .split(/\s+/)
      .map(fold)
      // Words of scripts written without spaces are Pagefind's segments of what was typed, not the words typed.
      .filter((word) => word.length >= 4 && !UNSPACED.test(word))
      .some((word) => {
        const shared = marked.map((mark) => ({ mark, start: commonStart(word, mark) }));
        if (shared.some(({ mark, start }) => mark.startsWith(word) || start >= word.length * COVERED)) return false;
        return shared.some(({ mark, start }) => start >= 1 && start >= mark.length - 2);
      })
  );
}
