import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { inDigits, numberingSystem } from '../lib/digits.ts';
import { CLASSES, runOf } from './contracts.ts';
import { element, isNoteRef, text } from './hast.ts';
import { notesOf } from './notes.ts';

/**
 * Gives the notes section (GFM footnotes, and a note style's citations) its
 * heading and back links in the essay's language: remark-rehype writes them
 * once for every essay, in English. Two note numbers side by side are set
 * apart by a comma, as printed books set them, so that 8 and 9 do not read 89.
 * Note numbers are in the language's digits (src/lib/digits.ts).
 */
export default function rehypeNotes() {
  return (tree: Root, file: VFile) => {
    const { strings, lang } = runOf(file).input;
    const notes = notesOf(tree);
    if (notes.section) notes.write(tree, strings);
    separateNumbers(tree);
    // In the language's digits (Persian's ۱, ۲…), as the date line and the figures' numbers are.
    if (numberingSystem(lang) !== 'latn') {
      visit(tree, 'element', (node: Element) => {
        if (node.tagName !== 'a' || !('dataFootnoteRef' in node.properties)) return;
        for (const child of node.children) if (child.type === 'text') child.value = inDigits(lang, child.value);
      });
    }
  };
}

function separateNumbers(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    for (let i = node.children.length - 1; i > 0; i--) {
      if (edgeRef(node.children[i - 1]!, 'last') && edgeRef(node.children[i]!, 'first')) {
        // Read aloud, each number is a link already: the comma is only for the eye.
        node.children.splice(
          i,
          0,
          element('sup', { className: [CLASSES.noteSeparator], ariaHidden: 'true', dataPagefindIgnore: '' }, [text(',')]),
        );
      }
    }
  });
}

/** Whether a node is a note's number, or ends (begins) with one: a citation that became a note, after its author's name. */
function edgeRef(node: ElementContent, edge: 'first' | 'last'): boolean {
  if (node.type !== 'element') return false;
  if (isNoteRef(node)) return true;
  const child = edge === 'first' ? node.children[0] : node.children.at(-1);
  return node.tagName === 'span' && child !== undefined && edgeRef(child, edge);
}
