import type { ElementContent, Parents, Text } from 'hast';
import type { VFile } from 'vfile';
import type { Place } from '../lib/essay-error.ts';
import { type CitationMarker, findCitations, locatorTerms } from '../lib/pandoc-citations.ts';
import { runOf } from './contracts.ts';

/**
 * Finding Pandoc's `@` markers in the text of one element, shared by
 * rehype-crossrefs and rehype-citations so that both read the same syntax
 * the same way. A group may span inline markup (`[see *this* @doe99]`), so
 * markers are found in the parent's joined text, each child element standing
 * in as one character.
 */

/** Inline markup a citation group may span: its words go into the citation's prefix or suffix, as citeproc's rich text. */
export const AFFIX_MARKUP: Record<string, string> = { em: 'i', i: 'i', strong: 'b', b: 'b', sup: 'sup', sub: 'sub' };
/** Stands for a child element inside a parent's joined text: markup an affix may hold, or anything else, which no group may span. */
export const MARKUP = '\uFFFC';
export const BARRIER = '\uFFFD';

export type Piece = { node: ElementContent; start: number };

/** A parent's children as one text, and where each child starts in it. */
export function joinChildren(parent: Parents): { joined: string; pieces: Piece[] } {
  let joined = '';
  const pieces: Piece[] = [];
  for (const child of parent.children) {
    pieces.push({ node: child as ElementContent, start: joined.length });
    joined += child.type === 'text' ? child.value : child.type === 'element' && child.tagName in AFFIX_MARKUP ? MARKUP : BARRIER;
  }
  return { joined, pieces };
}

/** The children (or parts of text children) between two offsets of the joined text. */
export function slice(pieces: Piece[], from: number, to: number): ElementContent[] {
  const out: ElementContent[] = [];
  for (const { node, start } of pieces) {
    const length = node.type === 'text' ? node.value.length : 1;
    if (start + length <= from || start >= to) continue;
    if (node.type !== 'text') {
      out.push(node);
      continue;
    }
    const value = node.value.slice(Math.max(0, from - start), Math.min(length, to - start));
    if (value) out.push({ type: 'text', value, ...(node.position ? { position: node.position } : {}) });
  }
  return out;
}

/** What a plugin makes of the markers it takes: whether one is its own, and the node that stands for it. */
export interface MarkerReplacer<T extends ElementContent> {
  accepts(marker: CitationMarker, place: Place): boolean;
  make(marker: CitationMarker, joined: string, pieces: Piece[]): T;
}

/**
 * Replaces the markers a plugin accepts among a parent's children with the
 * nodes it makes, in place; returns those nodes in order. A marker spanning an
 * element no group may span is never offered.
 */
export function replaceMarkers<T extends ElementContent>(parent: Parents, file: VFile, replacer: MarkerReplacer<T>): T[] {
  if (!parent.children.some((c) => c.type === 'text' && c.value.includes('@'))) return [];
  const { joined, pieces } = joinChildren(parent);
  // Locators in the essay's language's words too (`S. 33` in German), as Pandoc reads them.
  const chosen = findCitations(joined, locatorTerms(runOf(file).input.csl.locale.xml)).filter(
    (marker) => !marker.text.includes(BARRIER) && replacer.accepts(marker, placeOfOffset(pieces, marker.start, file)),
  );
  if (chosen.length === 0) return [];
  const made: T[] = [];
  const children: ElementContent[] = [];
  let offset = 0;
  for (const marker of chosen) {
    children.push(...slice(pieces, offset, marker.start));
    const node = replacer.make(marker, joined, pieces);
    made.push(node);
    children.push(node);
    offset = marker.end;
  }
  children.push(...slice(pieces, offset, joined.length));
  parent.children = children as typeof parent.children;
  return made;
}

/** Where an offset of a parent's joined text was written. */
export function placeOfOffset(pieces: Piece[], offset: number, file: VFile): Place {
  const piece = pieces.findLast((p) => p.start <= offset);
  if (piece?.node.type === 'text') return placeOfText(piece.node, offset - piece.start, file);
  const start = piece?.node.position?.start;
  return { file: file.path, line: start?.line, column: start?.column };
}

/** Where the character at `offset` of a text node was written (Markdown positions are the file's, frontmatter included). */
export function placeOfText(node: Text, offset: number, file: VFile): Place {
  const start = node.position?.start;
  if (!start) return { file: file.path };
  const before = node.value.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  const column = newlines === 0 ? start.column + offset : offset - before.lastIndexOf('\n');
  return { file: file.path, line: start.line + newlines, column };
}
