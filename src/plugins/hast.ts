import type { Element, ElementContent, Parents, Properties, Root, RootContent, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { CLASSES, hasClass, LITERAL_ELEMENTS } from './contracts.ts';

/** Small builders and readers of hast that several plugins share. */

export function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** A note's number in the text, as GFM writes it: `<sup><a data-footnote-ref …>1</a></sup>`. */
export function isNoteRef(node: Element): boolean {
  return node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && 'dataFootnoteRef' in c.properties);
}

/** A link's own text: its text children, as typed (not its elements'). */
function linkText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** A link whose text is its address (`https://…`, `www.…`, an e-mail address): its words are the address, as typed. */
export function saysItsAddress(element: Element): boolean {
  if (element.tagName !== 'a') return false;
  const text = linkText(element);
  const href = String(element.properties.href ?? '');
  return /^(?:https?:|www\.|mailto:)/i.test(text) || text === href || `mailto:${text}` === href;
}

/** A web link whose text is its own target, but for the scheme, `www.` and a final slash (`example.org/a` for `https://www.example.org/a/`). */
export function namesItsTarget(element: Element): boolean {
  if (element.tagName !== 'a') return false;
  const href = String(element.properties.href ?? '');
  if (!/^https?:/i.test(href)) return false;
  const text = linkText(element);
  const bare = (address: string) =>
    address
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/$/, '');
  return bare(text) !== '' && bare(text) === bare(href);
}

/**
 * Upper-cases the first letter of some nodes' text, in a language's rules
 * (`i` is `İ` in Turkish), if it is a small letter; returns whether the nodes
 * had a letter.
 */
export function capitalizeFirst(nodes: ElementContent[], lang: string): boolean {
  for (const node of nodes) {
    if (node.type === 'element' && capitalizeFirst(node.children, lang)) return true;
    if (node.type !== 'text') continue;
    const at = node.value.search(/\p{L}/u);
    if (at === -1) continue;
    const letter = String.fromCodePoint(node.value.codePointAt(at)!);
    if (letter === letter.toLocaleLowerCase(lang)) {
      node.value = node.value.slice(0, at) + letter.toLocaleUpperCase(lang) + node.value.slice(at + letter.length);
    }
    return true;
  }
  return false;
}

/** A citation or a note reference (or the comma between two): words that mean nothing in a heading's name or a section's preview. */
function isApparatus(node: ElementContent): boolean {
  return node.type === 'element' && (hasClass(node, CLASSES.citation) || isNoteRef(node) || hasClass(node, CLASSES.noteSeparator));
}

/** An element's words without its citations and note references, but for the citations `keep` names (an in-text one's words). */
export function proseText(node: Element, keep?: WeakSet<Element>): string {
  const without = (element: Element): Element => ({
    ...element,
    children: element.children
      .filter((c) => !isApparatus(c) || (c.type === 'element' && !isNoteRef(c) && keep?.has(c)))
      .map((c) => (c.type === 'element' ? without(c) : c)),
  });
  return visibleText(without(node));
}

/**
 * The text a reader sees of a node: a formula's MathML text ("σ"), without
 * the TeX it keeps beside it for copying (`<annotation>`), which every
 * name and id made from the text would otherwise say twice.
 */
export function visibleText(node: Element | Root): string {
  const shown = (parent: Element | Root): Element | Root =>
    ({
      ...parent,
      children: parent.children
        .filter((c) => !(c.type === 'element' && (c.tagName === 'annotation' || c.tagName === 'annotation-xml')))
        .map((c) => (c.type === 'element' ? shown(c) : c)),
    }) as Element | Root;
  return toString(shown(node));
}

/**
 * A heading's words without its citations or note references: section ids
 * and names should not change when an essay changes its citation style.
 */
export function headingText(node: Element): string {
  return proseText(node).trim();
}

/**
 * A heading's name as a reader is shown it (contents, share pages, labels):
 * its words, spaces single where a citation between them was left out
 * ("The war [@a] and peace" is "The war and peace"). Ids keep headingText's.
 */
export function headingName(node: Element): string {
  return headingText(node).replace(/\s+/g, ' ');
}

/**
 * The essay's prose as text nodes in reading order, leaving out code and
 * other literal text (where every character is meant as written).
 */
export function proseTexts(tree: Root): Text[] {
  const texts: Text[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'text') texts.push(child);
      else if (child.type === 'element' && !LITERAL_ELEMENTS.has(child.tagName)) walk(child);
    }
  };
  walk(tree);
  return texts;
}

const BLOCKS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'td',
  'th',
  'caption',
  'figcaption',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'section',
]);

/** A node's words as its sentence reads them: an element by the text it shows, a note's number by none. */
export function readingText(node: RootContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' && !isNoteRef(node) ? visibleText(node) : '';
}

/**
 * The text of a phrasing element's block before it ('' for a block or the
 * root): what the element's first words follow, in their sentence (readingText).
 */
export function textBefore(node: Parents, ancestors: Parents[]): string {
  let before = '';
  let child = node;
  for (let i = ancestors.length - 1; i >= 0 && child.type === 'element' && !BLOCKS.has(child.tagName); i--) {
    const parent = ancestors[i]!;
    before = `${parent.children.slice(0, parent.children.indexOf(child)).map(readingText).join('')}${before}`;
    child = parent;
  }
  return before;
}

/**
 * The same text nodes, grouped by the block (paragraph, item, heading…) they
 * are read in. Elements `skip` says to leave out are left out as literal
 * text is, and stand in their block as `aside` (so that what is read around
 * them knows something was there).
 */
export function proseBlocks(tree: Root, skip?: (element: Element) => boolean, aside?: Text): Text[][] {
  const blocks: Text[][] = [];
  let current: Text[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'text') current.push(child);
      else if (child.type === 'element' && skip?.(child) && !BLOCKS.has(child.tagName)) {
        if (aside) current.push(aside);
      } else if (child.type === 'element' && !LITERAL_ELEMENTS.has(child.tagName) && !skip?.(child)) {
        const block = BLOCKS.has(child.tagName);
        if (block) {
          if (current.length > 0) blocks.push(current);
          current = [];
        }
        walk(child);
        if (block) {
          if (current.length > 0) blocks.push(current);
          current = [];
        }
      }
    }
  };
  walk(tree);
  if (current.length > 0) blocks.push(current);
  return blocks;
}
