import type { ElementContent, Parents, Text } from 'hast';
import type { VFile } from 'vfile';
import type { Place } from '../lib/essay-error.ts';

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
