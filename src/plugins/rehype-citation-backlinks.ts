import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { headingName } from './hast.ts';
import { CLASSES, hasClass, IDS, runOf } from './contracts.ts';
import { notesOf } from './notes.ts';

const HEADING = /^h[1-6]$/;

/**
 * The backlinks' arrow: "↑" (U+2191) is in the text face's Latin subset and
 * has no emoji form, unlike "↩", which iOS may draw as an emoji.
 */
const BACK = '\u2191';

/**
 * Links each bibliography entry back to every place the essay cites it
 * ("↑ 1, 2"), which neither Pandoc, Quarto nor Distill do. Each link to an
 * entry gets an id, `cite-<key>-<n>` for its n-th citation, stable for the
 * same text; each backlink says where it goes ("Back to citation 1, in ‘The
 * July Days’", or "in note 3"). Runs after the citations are formatted.
 */
export default function rehypeCitationBacklinks() {
  return (tree: Root, file: VFile) => {
    const { strings } = runOf(file).input;
    const entries = new Map<string, Element>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id.startsWith(IDS.entryPrefix) && hasClass(node, CLASSES.entry))
        entries.set(id.slice(IDS.entryPrefix.length), node);
    });
    if (entries.size === 0) return;

    const noteNumbers = notesOf(tree).numbers;
    const places = new Map<string, { id: string; where: string }[]>();
    let section = strings.introduction;
    let note: string | undefined;
    const walk = (node: Element) => {
      if (HEADING.test(node.tagName)) section = strings.inSection(headingName(node));
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith(`#${IDS.entryPrefix}`) && !hasClass(node, 'backlink')) {
        const key = href.slice(1 + IDS.entryPrefix.length);
        if (entries.has(key)) {
          const list = places.get(key) ?? [];
          const id = `${IDS.citePrefix}${key}-${list.length + 1}`;
          node.properties.id = id;
          list.push({ id, where: note ?? section });
          places.set(key, list);
        }
      }
      const id = node.properties.id;
      const isNote = node.tagName === 'li' && typeof id === 'string' && id.startsWith(`${IDS.notePrefix}-`);
      if (isNote) note = strings.inNote(String(noteNumbers.get(id) ?? ''));
      for (const child of node.children) if (child.type === 'element') walk(child);
      if (isNote) note = undefined;
    };
    for (const child of tree.children) if (child.type === 'element') walk(child);

    for (const [key, list] of places) {
      const entry = entries.get(key)!;
      entry.properties.dataCited = String(list.length);
      entry.children.push({ type: 'text', value: ' ' }, backlinks(list, strings.backToCitation));
    }
  };
}

function backlinks(list: { id: string; where: string }[], label: (n: number, where: string) => string): Element {
  const links: ElementContent[] = [];
  list.forEach(({ id, where }, i) => {
    if (i > 0) links.push({ type: 'text', value: ' ' });
    links.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `#${id}`, className: ['backlink'], ariaLabel: label(i + 1, where) },
      children: [{ type: 'text', value: list.length === 1 ? BACK : `${BACK}\u202f${i + 1}` }],
    });
  });
  return { type: 'element', tagName: 'span', properties: { className: [CLASSES.backlinks], dataPagefindIgnore: '' }, children: links };
}
