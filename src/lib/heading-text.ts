import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';

/**
 * A heading's words without any citation in it: section ids and names should
 * not change when an essay changes its citation style.
 */
export function headingText(node: Element): string {
  const withoutCitations = (element: Element): Element => ({
    ...element,
    children: element.children
      .filter((c) => !(c.type === 'element' && (c.properties.className as string[] | undefined)?.includes('citation')))
      .map((c) => (c.type === 'element' ? withoutCitations(c) : c)),
  });
  return toString(withoutCitations(node)).trim();
}
