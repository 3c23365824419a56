import type { Element, ElementContent, Properties, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { CLASSES, hasClass } from './contracts.ts';

/** Small builders and readers of hast that several plugins share. */

export function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** A citation or a note reference: words that mean nothing in a heading's name or a section's preview. */
function isApparatus(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  return (
    hasClass(node, CLASSES.citation) ||
    (node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && 'dataFootnoteRef' in c.properties))
  );
}

/** An element's words without its citations and note references. */
export function proseText(node: Element): string {
  const without = (element: Element): Element => ({
    ...element,
    children: element.children.filter((c) => !isApparatus(c)).map((c) => (c.type === 'element' ? without(c) : c)),
  });
  return toString(without(node));
}

/**
 * A heading's words without its citations or note references: section ids
 * and names should not change when an essay changes its citation style.
 */
export function headingText(node: Element): string {
  return proseText(node).trim();
}
