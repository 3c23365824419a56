/** Words a minute for careful reading of argued prose (slower than skimming news). */
const WORDS_PER_MINUTE = 220;

/** Link previews show about this much of a description before cutting it. */
const OPENING_LENGTH = { enough: 120, most: 200 };

/**
 * Where one sentence ends and the next begins: at a space after a full stop
 * before a capital or a digit, or straight after the full stops of Chinese and
 * Japanese (。！？), which take no space; not inside or at the end of a
 * quotation (「…。」と言った goes on), nor between two stops (？！).
 */
const SENTENCE_END = /(?<=[.?!][’”'")\]]?)\s+(?=[‘“'"([]?[\p{Lu}\p{N}])|(?<=[。！？])(?![」』）”。！？!?])\s*/u;

/** A sentence written without a space after it. */
const UNSPACED_END = /[。！？]$/u;

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * The words of a text: runs holding a letter or digit. Where a script writes
 * no spaces between words (Chinese, Japanese, Thai…), the words are ICU's, by
 * its dictionaries (Intl.Segmenter): a page of Japanese is not one word.
 */
export function countWords(text: string): number {
  if (!UNSPACED.test(text)) return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  segmenter ??= new Intl.Segmenter([], { granularity: 'word' });
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
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
    const next = opening ? `${opening}${UNSPACED_END.test(opening) ? '' : ' '}${sentence}` : sentence;
    if (opening && next.length > OPENING_LENGTH.most) break;
    opening = next;
  }
  if (opening.length <= OPENING_LENGTH.most) return opening;
  // By code points, so that a character outside the BMP (𠮷) is never cut in two.
  const cut = [...opening].slice(0, OPENING_LENGTH.most - 1).join('');
  // At the last space, unless the text has none near the end (a script written without them).
  const space = cut.lastIndexOf(' ');
  return `${(space > OPENING_LENGTH.enough / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—、，-]+$/, '')}…`;
}

/** A run of a title's words that may break only at its edges. */
export interface TitlePart {
  text: string;
  /** Whether the run must stay on one line. */
  keep: boolean;
}

/**
 * A title cut into runs so that a word of one or two letters ("A", "of")
 * never ends a line on its own: it is kept with the word after it, as
 * typesetters do in display lines. The text is unchanged (no no-break
 * spaces are added); the page wraps each kept run in a span.
 */
export function titleParts(title: string): TitlePart[] {
  const words = title.split(' ');
  const parts: TitlePart[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const short = /^[\p{L}]{1,2}$/u.test(word) && i + 1 < words.length;
    if (short) {
      parts.push({ text: `${word} ${words[++i]}`, keep: true });
    } else {
      parts.push({ text: word, keep: false });
    }
  }
  // Spaces between runs, so that the text reads as written.
  return parts.flatMap((part, i) => (i === 0 ? [part] : [{ text: ' ', keep: false }, part]));
}

/** A title with a no-break space after each short word, for renderers that take plain text (the cards). */
export function titleWithoutShortEnds(title: string): string {
  return titleParts(title)
    .map((part) => (part.keep ? part.text.replace(' ', '\u00a0') : part.text))
    .join('');
}
