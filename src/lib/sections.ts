import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { headingText } from './heading-text.ts';

/** A section of an essay, as its share page and card describe it. */
export interface Section {
  /** The heading's id: the section's public link. */
  id: string;
  /** The heading's words, without citations. */
  title: string;
  /** The section's opening sentences, for link previews; empty when it opens with no prose. */
  opening: string;
}

/** Link previews show about this much of a description before cutting it. */
const OPENING_LENGTH = { enough: 120, most: 200 };

const SENTENCE_END = /(?<=[.?!][’”'")\]]?)\s+(?=[‘“'"([]?[\p{Lu}\p{N}])/u;

/**
 * The sections of a rendered essay: every `h2` with an id (the headings the
 * table of contents lists), each with the opening sentences of its first
 * paragraphs. It reads the essay's HTML rather than its Markdown so that ids
 * and titles are exactly the ones on the page.
 */
export function essaySections(html: string): Section[] {
  const sections: Section[] = [];
  const prose = new Map<Section, string[]>();
  let current: Section | undefined;
  visit(fromHtml(html, { fragment: true }) as Root, 'element', (node: Element) => {
    if (node.tagName === 'h2' && typeof node.properties.id === 'string') {
      current = { id: node.properties.id, title: headingText(node), opening: '' };
      sections.push(current);
      prose.set(current, []);
      return SKIP;
    }
    if (node.tagName === 'p' && current) {
      prose.get(current)!.push(proseOf(node));
      return SKIP;
    }
    return undefined;
  });
  for (const section of sections) section.opening = openingOf(prose.get(section)!.join(' '));
  return sections;
}

/** A paragraph's words, leaving out citations and note references, which mean nothing in a preview. */
function proseOf(node: Element): string {
  const kept: Element = {
    ...node,
    children: node.children
      .filter((child) => !(child.type === 'element' && (isCitation(child) || child.tagName === 'sup')))
      .map((child) => (child.type === 'element' ? { ...child, children: [{ type: 'text', value: proseOf(child) }] } : child)),
  };
  return toString(kept);
}

function isCitation(node: Element): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('citation');
}

/** Whole sentences up to about a preview's length; a long first sentence is cut at a word. */
export function openingOf(text: string): string {
  const sentences = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:?!])/g, '$1')
    .trim()
    .split(SENTENCE_END);
  let opening = '';
  for (const sentence of sentences) {
    if (opening.length >= OPENING_LENGTH.enough) break;
    const next = opening ? `${opening} ${sentence}` : sentence;
    if (opening && next.length > OPENING_LENGTH.most) break;
    opening = next;
  }
  if (opening.length <= OPENING_LENGTH.most) return opening;
  const cut = opening.slice(0, OPENING_LENGTH.most - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:–—-]+$/, '')}…`;
}
