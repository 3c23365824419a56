import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { addClass, CLASSES, hasClass } from './contracts.ts';
import { element, namesItsTarget, text } from './hast.ts';

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’]/g;

/**
 * Makes the web addresses in bibliography entries links. CSL styles print a
 * work's URL as plain text; a reader expects to follow it. A link of the
 * essay's whose text is its target's address is marked (`class="url"`), so
 * that print does not write the address a second time after it
 * (src/styles/global.css); one whose text is another address keeps its own.
 */
export default function rehypeLinkUrls() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (namesItsTarget(node)) addClass(node, CLASSES.url);
      if (!hasClass(node, CLASSES.entry)) return undefined;
      visit(node, 'text', (leaf: Text, index, parent) => {
        if (index === undefined || parent === undefined || (parent as Element).tagName === 'a') return undefined;
        const pieces = linkify(leaf.value);
        if (pieces.length === 1) return undefined;
        parent.children.splice(index, 1, ...pieces);
        return index + pieces.length;
      });
      // An entry's links are the bibliography's, which print never repeats.
      return SKIP;
    });
  };
}

function linkify(value: string): ElementContent[] {
  const pieces: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(URL_PATTERN)) {
    if (match.index > last) pieces.push(text(value.slice(last, match.index)));
    pieces.push(element('a', { href: match[0] }, [text(match[0])]));
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push(text(value.slice(last)));
  return pieces;
}
