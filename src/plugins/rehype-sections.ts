import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { countWords, openingOf, readingMinutes } from '../lib/prose.ts';
import { CLASSES, hasClass, IDS, inTextCitations, runOf, type Section, type SourceLink } from './contracts.ts';
import { headingName, proseText } from './hast.ts';

/** Links that leave the site, or are not addresses: not ours to check. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * What the pages need to know of the rendered essay, read once here from the
 * tree rather than again from its HTML on every page: its sections (the
 * contents, share pages and cards), each section's opening sentences (link
 * previews), the minutes it takes to read, every id (links from other
 * essays) and its internal links (checked against the site by the loader).
 * Runs last, on the finished tree.
 */
export default function rehypeSections() {
  return (tree: Root, file: VFile) => {
    const { output } = runOf(file);
    const inText = inTextCitations(file);
    const sections: Section[] = [];
    const openings = new Map<Section, string[]>();
    const ids: string[] = [];
    const links: SourceLink[] = [];
    let words = 0;
    let current: Section | undefined;

    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.push(node.properties.id);
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && !EXTERNAL.test(href) && !isOwnLink(node)) {
        links.push({ href, line: node.position?.start.line, column: node.position?.start.column });
      }
      if (node.tagName === 'h2' && typeof node.properties.id === 'string') {
        current = { id: node.properties.id, title: headingName(node), opening: '' };
        sections.push(current);
        openings.set(current, []);
      }
      if (node.tagName === 'p') {
        words += countWords(proseText(node));
        // An opening keeps an in-text citation: "as Figes (1996, 33) argues" is one sentence without it.
        if (current && !hasClass(node, CLASSES.entry)) openings.get(current)!.push(proseText(node, inText));
      }
    });
    for (const section of sections) section.opening = openingOf(openings.get(section)!.join(' '));
    Object.assign(output, { sections, readingMinutes: readingMinutes(words), ids, links });
  };
}

/** Links the plugins made (to entries, notes, citations, headings): right by construction. */
function isOwnLink(node: Element): boolean {
  const href = String(node.properties.href);
  return (
    href.startsWith(`#${IDS.entryPrefix}`) ||
    href.startsWith(`#${IDS.citePrefix}`) ||
    href.startsWith(`#${IDS.notePrefix}`) ||
    hasClass(node, 'heading-link') ||
    node.position === undefined
  );
}
