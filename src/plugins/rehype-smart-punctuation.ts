import type { Element, Root, Text } from 'hast';
import { quoteMarks, smarten } from '../lib/smart-punctuation.ts';
import type { VFile } from 'vfile';
import { CLASSES, hasClass, LITERAL_ELEMENTS, runOf } from './contracts.ts';
import { isNoteRef, proseBlocks } from './hast.ts';

/** A word standing in for what is not prose (a citation, code): a quote after it closes. */
const WORD: Text = { type: 'text', value: 'x' };
const ASIDES = new Set([WORD]);

/**
 * Straight quotes, `--`, `---` and `...` typed in an essay become the
 * typographer's marks, as Pandoc's `smart` extension makes them: "double"
 * in the essay language's own quotation marks (“…” in English, „…“ in
 * German, « … » in French, «…» in Russian, from its CSL locale, which
 * "Cite this essay" and the bibliography use too), 'single' in its inner
 * marks (‘…’, ‚…‘), and an apostrophe as ’ in every language
 * (src/lib/smart-punctuation.ts). Code, formulas, citations and the
 * bibliography (which citeproc sets), and a link whose text is its address,
 * are left as they are.
 *
 * It runs after headings have their ids, so that an id is what the
 * heading's typed text gives (`1917--1918` → `#1917--1918`), as on GitHub,
 * and after every message that names a column has been given.
 */
export default function rehypeSmartPunctuation() {
  return (tree: Root, file: VFile) => {
    const marks = quoteMarks(runOf(file).input.csl.locale.xml, runOf(file).input.lang);
    for (const block of proseBlocks(tree, leftAsTyped, WORD)) smarten(block, marks, ASIDES);
  };
}

/** What keeps its characters as typed or as formatted elsewhere. */
function leftAsTyped(element: Element): boolean {
  if (LITERAL_ELEMENTS.has(element.tagName) || isNoteRef(element)) return true;
  if (hasClass(element, CLASSES.citation) || hasClass(element, CLASSES.bibliography)) return true;
  if (element.tagName !== 'a') return false;
  const text = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  const href = String(element.properties.href ?? '');
  return /^(?:https?:|www\.|mailto:)/i.test(text) || text === href || `mailto:${text}` === href;
}
