import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Gives the notes section the same visible "Notes" heading whether its notes
 * come from Markdown footnotes or from a note citation style: rehype-citation
 * writes its own screen-reader-only "Footnotes" heading for the latter.
 */
export default function rehypeNotesHeading() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'h2' || node.properties.id !== 'footnote-label') return;
      node.properties.className = [];
      node.children = [{ type: 'text', value: 'Notes' }];
    });
  };
}
