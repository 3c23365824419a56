/** Words a minute for careful reading of argued prose (slower than skimming news). */
const WORDS_PER_MINUTE = 220;

/** Link previews show about this much of a description before cutting it. */
const OPENING_LENGTH = { enough: 120, most: 200 };

const SENTENCE_END = /(?<=[.?!][’”'")\]]?)\s+(?=[‘“'"([]?[\p{Lu}\p{N}])/u;

/** The words of a text: runs holding a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read so many words, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Whole sentences up to about a preview's length; a long first sentence is cut at a word. */
export function openingOf(text: string): string {
  const sentences = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:?!])/g, '$1')
    .trim()
    .split(SENTENCE_END);
  let opening = '';
  for (const sentence of sentences) {
    if (opening.length >= OPENING_LENGTH.enough) break;
    const next = opening ? `${opening} ${sentence}` : sentence;
    if (opening && next.length > OPENING_LENGTH.most) break;
    opening = next;
  }
  if (opening.length <= OPENING_LENGTH.most) return opening;
  const cut = opening.slice(0, OPENING_LENGTH.most - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:–—-]+$/, '')}…`;
}
