import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { quoteMarks, smarten } from '../lib/smart-punctuation.ts';
import type { VFile } from 'vfile';
import { CLASSES, captionAlts, hasClass, LITERAL_ELEMENTS, runOf } from './contracts.ts';
import { isNoteRef, proseBlocks, saysItsAddress } from './hast.ts';

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
    altsFromCaptions(tree, captionAlts(file));
  };
}

/**
 * A figure's image whose text alternative is its caption gets the caption's
 * words as they now read: "after Figes (1996, 33)", not "after @figes1996
 * [p. 33]", and its quotes and dashes set, so that a screen reader does not
 * say "dash dash". The number ("Figure 1: ") and note references are left out.
 */
function altsFromCaptions(tree: Root, figures: Set<number>): void {
  if (figures.size === 0) return;
  visit(tree, 'element', (figure: Element) => {
    if (figure.tagName !== 'figure') return;
    const image = figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img');
    const caption = figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
    const offset = image?.position?.start.offset;
    if (!image || !caption || offset === undefined || !figures.has(offset)) return;
    const first = caption.children[0];
    const words = first?.type === 'element' && hasClass(first, CLASSES.captionLabel) ? caption.children.slice(2) : caption.children;
    image.properties.alt = words.map(wordsOf).join('').replace(/\s+/g, ' ').trim();
  });
}

/** What keeps its characters as typed or as formatted elsewhere. */
function leftAsTyped(element: Element): boolean {
  if (LITERAL_ELEMENTS.has(element.tagName) || isNoteRef(element)) return true;
  if (hasClass(element, CLASSES.citation) || hasClass(element, CLASSES.bibliography)) return true;
  return saysItsAddress(element);
}

/** The words of a node, without note references; a formula as its TeX, as typed (`x^2`, not MathML's "x2"). */
function wordsOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isNoteRef(node)) return '';
  if (node.tagName === 'math') {
    let tex: string | undefined;
    visit(node, 'element', (child: Element) => {
      if (child.tagName === 'annotation') tex ??= child.children.map(wordsOf).join('');
    });
    if (tex !== undefined) return tex;
  }
  return node.children.map(wordsOf).join('');
}
