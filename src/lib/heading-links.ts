import type { Element, ElementContent, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visitParents } from 'unist-util-visit-parents';
import { headingText } from './heading-text.ts';

export interface HeadingLinkOptions {
  /** The share page of the section with this id (a path). */
  sharePath: (id: string) => string;
}

/**
 * Gives each section heading (an `h2` with an id) a link to itself, and the
 * copy-link and share buttons that the heading-links script reveals.
 *
 * They sit beside the heading, not inside it, in a wrapper, as GitHub does
 * since 2023: inside, their names would join the heading's own in screen
 * readers' lists of headings, in the search index's section titles and in the
 * heading's text. They are left out of the search index (`data-pagefind-ignore`).
 * The link's "#" is drawn by CSS, so that copying or finding text in the
 * page never meets it.
 */
export function addHeadingLinks(html: string, { sharePath }: HeadingLinkOptions): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  const headings: [Element, Root | Element][] = [];
  visitParents(tree, 'element', (node: Element, ancestors) => {
    if (node.tagName === 'h2' && typeof node.properties.id === 'string') headings.push([node, ancestors.at(-1) as Root | Element]);
  });
  for (const [heading, parent] of headings) {
    const id = heading.properties.id as string;
    const title = headingText(heading);
    const share = sharePath(id);
    const actions = element('span', { className: ['heading-actions'], dataPagefindIgnore: '' }, [
      element('a', { className: ['heading-link'], href: `#${id}`, ariaLabel: `Link to section: ${title}` }),
      element(
        'button',
        { className: ['heading-copy'], type: 'button', hidden: true, dataShare: share, ariaLabel: `Copy link to section: ${title}` },
        'Copy link',
      ),
      element(
        'button',
        { className: ['heading-share'], type: 'button', hidden: true, dataShare: share, ariaLabel: `Share section: ${title}` },
        'Share',
      ),
    ]);
    const wrapper = element('div', { className: ['section-heading'] }, [heading, actions]);
    parent.children.splice(parent.children.indexOf(heading), 1, wrapper);
  }
  return toHtml(tree);
}

function element(tagName: string, properties: Properties, children: ElementContent[] | string = []): Element {
  return { type: 'element', tagName, properties, children: typeof children === 'string' ? [{ type: 'text', value: children }] : children };
}
