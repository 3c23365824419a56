import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { sharePath } from '../lib/share.ts';
import { CLASSES, runOf } from './contracts.ts';
import { element, headingName } from './hast.ts';

/**
 * Gives each section heading (an `h2` with an id) its one link: to the
 * section's share page, which has its own link-preview card and sends readers
 * on to the section. The page's script (src/scripts/heading-links.ts) makes a
 * click copy that address, or open the share sheet where there is one, so
 * that every device hands out the same address for a section; without
 * scripts it is a plain link there. Its labels for both are written here, in
 * the essay's language.
 *
 * It sits beside the heading, not inside it, in a wrapper, as GitHub does
 * since 2023: inside, its name would join the heading's own in screen
 * readers' lists of headings, in the search index's section titles and in the
 * heading's text. It is left out of the search index. Its "#" is drawn by CSS,
 * so that copying or finding text in the page never meets it.
 */
export default function rehypeHeadingLinks() {
  return (tree: Root, file: VFile) => {
    const { path, strings } = runOf(file).input;
    const headings: [Element, Root | Element][] = [];
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (node.tagName === 'h2' && typeof node.properties.id === 'string') headings.push([node, ancestors.at(-1) as Root | Element]);
    });
    for (const [heading, parent] of headings) {
      const id = heading.properties.id as string;
      const title = headingName(heading);
      const actions = element('span', { className: ['heading-actions'], dataPagefindIgnore: '' }, [
        element('a', {
          className: ['heading-link'],
          href: sharePath(path, id),
          ariaLabel: strings.linkToSection(title),
          dataCopyLabel: strings.copyLinkToSection(title),
          dataShareLabel: strings.shareSection(title),
        }),
      ]);
      parent.children.splice(
        parent.children.indexOf(heading),
        1,
        element('div', { className: [CLASSES.sectionHeading] }, [heading, actions]),
      );
    }
  };
}
