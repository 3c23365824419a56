/** Words a minute for careful reading of argued prose (slower than skimming news). */
const WORDS_PER_MINUTE = 220;

/** Counts the words of a Markdown body, leaving out citation keys and markup. */
export function countWords(markdown: string): number {
  const prose = markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\[-?@[^\]]*\]/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_>`[\]()]/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read, never less than one. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}
