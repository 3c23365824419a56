import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { sharePath } from '../lib/share.ts';
import { CLASSES, runOf } from './contracts.ts';
import { element, headingText, text } from './hast.ts';

/**
 * Gives each section heading (an `h2` with an id) a link to itself, and the
 * copy-link and share buttons that src/scripts/heading-links.ts reveals; they
 * hand out the section's share page, which has its own link-preview card.
 *
 * They sit beside the heading, not inside it, in a wrapper, as GitHub does
 * since 2023: inside, their names would join the heading's own in screen
 * readers' lists of headings, in the search index's section titles and in the
 * heading's text. They are left out of the search index. The link's "#" is
 * drawn by CSS, so that copying or finding text in the page never meets it.
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
      const title = headingText(heading);
      const share = sharePath(path, id);
      const actions = element('span', { className: ['heading-actions'], dataPagefindIgnore: '' }, [
        element('a', { className: ['heading-link'], href: `#${id}`, ariaLabel: strings.linkToSection(title) }),
        element(
          'button',
          { className: ['heading-copy'], type: 'button', hidden: true, dataShare: share, ariaLabel: strings.copyLinkToSection(title) },
          [text(strings.copyLink)],
        ),
        element(
          'button',
          { className: ['heading-share'], type: 'button', hidden: true, dataShare: share, ariaLabel: strings.shareSection(title) },
          [text(strings.share)],
        ),
      ]);
      parent.children.splice(
        parent.children.indexOf(heading),
        1,
        element('div', { className: [CLASSES.sectionHeading] }, [heading, actions]),
      );
    }
  };
}
