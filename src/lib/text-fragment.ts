/**
 * Text directives (`#:~:text=…`, the URL Fragment Text Directives spec,
 * https://wicg.github.io/scroll-to-text-fragment/): a link that scrolls to a
 * passage and marks it. Pure functions over the text around a selection, so
 * that they can be tested without a browser.
 */

/** A selected passage, as text. */
export interface Passage {
  /** Text of the passage's first block before the selection. */
  before: string;
  /** The selection, one line per block it spans. */
  selected: string;
  /** Text of the passage's last block after the selection. */
  after: string;
}

/** Up to this many words are matched exactly; a longer passage is given by its first and last words. */
const EXACT_WORDS = 10;
const EDGE_WORDS = 4;
/** Words of context before (and after) a passage, so that a common phrase finds this occurrence. */
const CONTEXT_WORDS = 3;

const WORD_CHAR = /[\p{L}\p{N}\p{M}'’]/u;

/** The spec's syntax characters are `&`, `,` and `-`; encodeURIComponent leaves `-` alone. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Browsers match a directive's terms only at word boundaries, so a selection
 * that starts or ends inside a word is widened to the whole word.
 */
export function toWholeWords({ before, selected, after }: Passage): Passage {
  let head = '';
  while (before && WORD_CHAR.test(before.at(-1)!) && WORD_CHAR.test(selected[0] ?? '')) {
    head = before.at(-1)! + head;
    before = before.slice(0, -1);
  }
  let tail = '';
  while (after && WORD_CHAR.test(after[0]!) && WORD_CHAR.test(selected.at(-1) ?? '')) {
    tail += after[0];
    after = after.slice(1);
  }
  return { before, selected: head + selected + tail, after };
}

/** The directive for a passage: `text=[prefix-,]start[,end][,-suffix]`. */
export function textDirective(passage: Passage): string {
  const { before, selected, after } = toWholeWords(passage);
  const lines = selected
    .split(/\n+/)
    .map((line) => words(line))
    .filter((line) => line.length > 0);
  const all = lines.flat();
  if (all.length === 0) throw new Error('textDirective: the passage has no words');
  const prefix = words(before).slice(-CONTEXT_WORDS).join(' ');
  const suffix = words(after).slice(0, CONTEXT_WORDS).join(' ');
  const parts: string[] = [];
  if (prefix) parts.push(`${encode(prefix)}-`);
  if (lines.length === 1 && all.length <= EXACT_WORDS) {
    parts.push(encode(all.join(' ')));
    if (suffix) parts.push(`-${encode(suffix)}`);
  } else {
    // Each term must lie within one block: the start in the first, the end in the last.
    parts.push(encode(lines[0]!.slice(0, EDGE_WORDS).join(' ')), encode(lines.at(-1)!.slice(-EDGE_WORDS).join(' ')));
  }
  return `text=${parts.join(',')}`;
}

/** A link to the passage: the page, its section's id (where browsers without text directives land) and the directive. */
export function passageUrl(page: string, sectionId: string | undefined, passage: Passage): string {
  const url = new URL(page);
  url.hash = '';
  return `${url.href}#${sectionId ? encodeURIComponent(sectionId) : ''}:~:${textDirective(passage)}`;
}
