import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { UiStrings } from '../lib/ui-strings.ts';
import { CLASSES, IDS } from './contracts.ts';
import { isNoteRef } from './hast.ts';

/**
 * The essay's notes as remark-rehype writes GFM footnotes
 * (`<sup><a data-footnote-ref href="#user-content-fn-x">1</a></sup>` in the
 * text, `<section data-footnotes>` with an `<li id="user-content-fn-x">` per
 * note at the end), for the plugins that add notes or number them.
 */
export interface Notes {
  /** The notes section, if the essay has one yet. */
  section: Element | undefined;
  /** Each note's number, by its `<li>` id. */
  numbers: Map<string, number>;
  /** The note a node refers to, when it is a note reference (`<a data-footnote-ref>`). */
  refTarget(node: Element): string | undefined;
  /** Sets each note reference's text to its note's number. */
  renumberRefs(tree: Root): void;
  /** A note to add (a note style's citation), as its `<li>`. */
  add(item: Element): void;
  /** Writes the section: every note in number order, with the heading and back links in the essay's language. */
  write(tree: Root, strings: UiStrings): void;
}

const NOTE_HREF = `#${IDS.notePrefix}-`;

export function notesOf(tree: Root): Notes {
  let section: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'section' && 'dataFootnotes' in node.properties) {
      section = node;
      return SKIP;
    }
    return undefined;
  });
  const items = new Map<string, Element>();
  if (section) {
    visit(section, 'element', (node: Element) => {
      if (node.tagName === 'li' && typeof node.properties.id === 'string') items.set(node.properties.id, node);
    });
  }
  // GFM numbers notes by first reference already; note styles renumber.
  const numbers = new Map([...items.keys()].map((id, i) => [id, i + 1]));
  const refTarget = (node: Element) => {
    const href = node.properties.href;
    return node.tagName === 'a' && 'dataFootnoteRef' in node.properties && typeof href === 'string' && href.startsWith(NOTE_HREF)
      ? href.slice(1)
      : undefined;
  };
  return {
    get section() {
      return section;
    },
    numbers,
    refTarget,
    renumberRefs(root) {
      visit(root, 'element', (node: Element) => {
        const target = refTarget(node);
        const number = target === undefined ? undefined : numbers.get(target);
        if (number !== undefined) node.children = [{ type: 'text', value: String(number) }];
      });
    },
    add(item) {
      items.set(String(item.properties.id), item);
    },
    write(root, strings) {
      const ordered = [...items.entries()].sort(([a], [b]) => (numbers.get(a) ?? 0) - (numbers.get(b) ?? 0));
      for (const [id, item] of ordered) localiseBacklinks(item, numbers.get(id) ?? 0, strings);
      unindexMarks(root);
      const list: Element = {
        type: 'element',
        tagName: 'ol',
        properties: {},
        children: ordered.flatMap(([, li]) => [newline(), li]).concat(newline()),
      };
      const heading: Element = {
        type: 'element',
        tagName: 'h2',
        properties: { id: IDS.notes },
        children: [{ type: 'text', value: strings.notes }],
      };
      if (section) {
        section.children = [heading, newline(), list, newline()];
      } else if (ordered.length > 0) {
        section = {
          type: 'element',
          tagName: 'section',
          properties: { dataFootnotes: true, className: [CLASSES.notes] },
          children: [heading, newline(), list, newline()],
        };
        root.children.push(section);
      }
    },
  };
}

/** A note reference as GFM writes one, for a note the plugins add. */
export function footnoteRef(noteId: string, number: number): Element {
  return {
    type: 'element',
    tagName: 'sup',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${noteId}`, id: refIdOf(noteId), dataFootnoteRef: true, ariaDescribedBy: [IDS.notes] },
        children: [{ type: 'text', value: String(number) }],
      },
    ],
  };
}

/** A note's `<li>`, as GFM writes one, holding `content` and a link back to its reference. */
export function noteItem(noteId: string, content: ElementContent[]): Element {
  return {
    type: 'element',
    tagName: 'li',
    properties: { id: noteId },
    children: [
      newline(),
      {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [
          ...content,
          { type: 'text', value: ' ' },
          {
            type: 'element',
            tagName: 'a',
            properties: { href: `#${refIdOf(noteId)}`, dataFootnoteBackref: '', className: ['data-footnote-backref'] },
            children: [{ type: 'text', value: '↩' }],
          },
        ],
      },
      newline(),
    ],
  };
}

/** `user-content-fn-x` → `user-content-fnref-x`, GFM's pairing of a note and its reference. */
function refIdOf(noteId: string): string {
  return noteId.replace(`${IDS.notePrefix}-`, `${IDS.notePrefix}ref-`);
}

/** GFM labels back links "Back to reference 1" in English, by its own numbering: use the note's number, in the essay's language. */
function localiseBacklinks(item: Element, number: number, strings: UiStrings): void {
  visit(item, 'element', (node: Element) => {
    if (node.tagName === 'a' && 'dataFootnoteBackref' in node.properties) node.properties.ariaLabel = strings.backToNote(number);
  });
}

/**
 * Note numbers and back links are left out of the search index: a result's
 * excerpt read "did not (Table 1). 1 The garrison", the note's number run
 * into the prose. The notes' own text is indexed.
 */
function unindexMarks(root: Root): void {
  visit(root, 'element', (node: Element) => {
    if (isNoteRef(node) || (node.tagName === 'a' && 'dataFootnoteBackref' in node.properties)) {
      node.properties.dataPagefindIgnore = '';
      return SKIP;
    }
    return undefined;
  });
}

function newline(): ElementContent {
  return { type: 'text', value: '\n' };
}
