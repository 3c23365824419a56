import type { Element, ElementContent, Root, Text } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { findMarkers } from '../lib/citation-markers.ts';

/** Parents whose text rehype-citation formats; it skips any other. */
const FORMATTED_IN = new Set(['div', 'p', 'span', 'li', 'td', 'th']);
/** Where a marker is meant literally, or where a citation link could not go (a link inside a link). */
const LEAVE_ALONE = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'a']);

/**
 * rehype-citation only formats markers whose parent is a paragraph, list item,
 * table cell, div or span: one inside emphasis, strong text or a heading stays
 * literal `[@key]`. This wraps such markers in a `<span>` first, so that a
 * citation renders wherever an author may reasonably write one. Markers inside
 * code are left as text; inside a link they are left for the citation check to
 * report, since a citation link cannot nest in another link.
 */
export default function rehypeCitationScope() {
  return (tree: Root) => {
    const wraps: { node: Text; parent: Element }[] = [];
    visitParents(tree, 'text', (node: Text, ancestors) => {
      const parent = ancestors.at(-1);
      if (parent?.type !== 'element' || FORMATTED_IN.has(parent.tagName)) return;
      if (ancestors.some((a) => a.type === 'element' && LEAVE_ALONE.has(a.tagName))) return;
      if (findMarkers(node.value).some((m) => m.bracketed)) wraps.push({ node, parent });
    });
    for (const { node, parent } of wraps) {
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, ...split(node));
    }
  };
}

/** The text with each bracketed marker in a span of its own, positions kept for error messages. */
function split(node: Text): ElementContent[] {
  const pieces: ElementContent[] = [];
  let last = 0;
  for (const marker of findMarkers(node.value)) {
    if (!marker.bracketed) continue;
    if (marker.index > last) pieces.push({ type: 'text', value: node.value.slice(last, marker.index) });
    pieces.push({
      type: 'element',
      tagName: 'span',
      properties: {},
      children: [{ type: 'text', value: marker.text, ...(node.position ? { position: node.position } : {}) }],
    });
    last = marker.index + marker.text.length;
  }
  if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
  return pieces;
}
