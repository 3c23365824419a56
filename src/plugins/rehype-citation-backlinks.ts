import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { headingText } from '../lib/heading-text.ts';

const HEADING = /^h[1-6]$/;

/**
 * Links each bibliography entry back to every place the essay cites it
 * ("↩ 1, 2"), which neither Pandoc, Quarto nor Distill do. Each in-text link to
 * an entry gets an id, `cite-<key>-<n>` for its n-th citation, stable for the
 * same text; each backlink says where it goes ("Back to citation 1, in ‘The
 * July Days’"). Runs after rehype-citation, before the bibliography gets its
 * section.
 */
export default function rehypeCitationBacklinks() {
  return (tree: Root) => {
    const entries = new Map<string, Element>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id.startsWith('bib-') && classes(node).includes('csl-entry')) entries.set(id, node);
    });
    if (entries.size === 0) return;

    const places = new Map<string, { id: string; section: string }[]>();
    let section = 'the introduction';
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (HEADING.test(node.tagName)) section = `‘${headingText(node)}’`;
      if (node.tagName !== 'a' || entries.has(String(node.properties.id))) return;
      const href = node.properties.href;
      if (typeof href !== 'string' || !href.startsWith('#bib-') || !entries.has(href.slice(1))) return;
      const key = href.slice('#bib-'.length);
      const list = places.get(key) ?? [];
      const id = `cite-${key}-${list.length + 1}`;
      node.properties.id = id;
      list.push({ id, section: footnoteOf(ancestors) ?? section });
      places.set(key, list);
    });

    for (const [key, list] of places) {
      const entry = entries.get(`bib-${key}`)!;
      entry.properties.dataCited = String(list.length);
      entry.children.push({ type: 'text', value: ' ' }, backlinks(list));
    }
  };
}

function backlinks(list: { id: string; section: string }[]): Element {
  const links: ElementContent[] = [];
  list.forEach(({ id, section }, i) => {
    if (i > 0) links.push({ type: 'text', value: ' ' });
    links.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `#${id}`, ariaLabel: `Back to citation ${i + 1}, in ${section}` },
      children: [{ type: 'text', value: list.length === 1 ? '↩' : `↩ ${i + 1}` }],
    });
  });
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['backlinks'], dataPagefindIgnore: '' },
    children: links,
  };
}

/** "footnote 2" when the citation is inside GFM footnote 2. */
function footnoteOf(ancestors: unknown[]): string | undefined {
  for (const a of ancestors as Element[]) {
    const id = a.type === 'element' ? a.properties.id : undefined;
    if (typeof id === 'string' && /^user-content-fn-/.test(id)) return `footnote ${id.slice('user-content-fn-'.length)}`;
  }
  return undefined;
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}
