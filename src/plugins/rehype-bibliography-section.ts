import type { Element, ElementContent, Root } from 'hast';
import { LAYOUT_IDS } from '../lib/reserved-ids.ts';

export interface Options {
  /** The section's heading. */
  title?: string;
}

/**
 * Gives the bibliography rehype-citation appends (`<div id="refs">`) a real
 * section with an `h2`, so that it has a share link, a place in the table of
 * contents and a Pagefind sub-result, and drops the generic `refs` id that an
 * author's heading could collide with.
 */
export default function rehypeBibliographySection(options: Options = {}) {
  const title = options.title ?? 'Bibliography';
  return (tree: Root) => {
    const index = tree.children.findIndex((node) => node.type === 'element' && node.properties.id === 'refs');
    if (index === -1) return;
    const list = tree.children[index] as Element;
    delete list.properties.id;
    list.properties.className = ['csl-bib-body'];
    const heading: Element = {
      type: 'element',
      tagName: 'h2',
      properties: { id: LAYOUT_IDS.bibliography },
      children: [{ type: 'text', value: title }],
    };
    const section: Element = {
      type: 'element',
      tagName: 'section',
      properties: { className: ['bibliography'], ariaLabelledBy: [LAYOUT_IDS.bibliography] },
      children: [heading, { type: 'text', value: '\n' }, list as ElementContent],
    };
    // Notes first, then the bibliography, as in print (rehype-citation puts
    // its footnotes after the bibliography).
    tree.children.splice(index, 1);
    tree.children.push(section);
  };
}
