import type { FootnoteDefinition, FootnoteReference, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { placeAt } from './source.ts';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Pandoc's inline notes, `^[A note written where it belongs.]`, which GFM
 * does not read: each becomes a note as `[^n]` and its definition would,
 * numbered with the others in the order they are referred to. The note may
 * hold emphasis, code, links and citations (`^[See @figes1996 [p. 3].]`):
 * brackets inside it are counted, so only the one that closes it ends it.
 * A `^[` that nothing closes in its paragraph stays as typed.
 *
 * Written here: remark-footnotes, which read them, was retired with remark
 * 13, and no maintained extension reads them for micromark.
 */
export default function remarkInlineNotes() {
  return (tree: Root, file: VFile) => {
    const definitions: FootnoteDefinition[] = [];
    const taken = new Set<string>();
    visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
      taken.add(node.identifier);
    });
    const nextId = () => {
      let n = definitions.length + 1;
      while (taken.has(`inline-${n}`)) n += 1;
      taken.add(`inline-${n}`);
      return `inline-${n}`;
    };
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined || node.type !== 'text' || !(node as Text).value.includes('^[')) return undefined;
      const made = inlineNote(parent as Parent, index, nextId, file);
      if (!made) return undefined;
      definitions.push(made);
      // Look again at what follows the note, in the text after it.
      return [SKIP, index + 1];
    });
    tree.children.push(...definitions);
  };
}

/**
 * Makes the note that opens in the text child at `index` of `parent`, if a
 * bracket among the siblings closes it: the siblings it spans become its
 * paragraph, and a reference takes their place.
 */
function inlineNote(parent: Parent, index: number, nextId: () => string, file: VFile): FootnoteDefinition | undefined {
  const opening = parent.children[index] as Text;
  const start = opening.value.indexOf('^[');
  let depth = 0;
  for (let i = index; i < parent.children.length; i++) {
    const child = parent.children[i]!;
    if (child.type !== 'text') continue;
    const from = i === index ? start + 2 : 0;
    for (let at = from; at < child.value.length; at++) {
      const char = child.value[at];
      if (char === '[') depth += 1;
      else if (char === ']' && depth > 0) depth -= 1;
      else if (char === ']') return split(parent, index, start, i, at, nextId, file);
    }
  }
  return undefined;
}

function split(
  parent: Parent,
  first: number,
  start: number,
  last: number,
  end: number,
  nextId: () => string,
  file: VFile,
): FootnoteDefinition {
  const opening = parent.children[first] as Text;
  const closing = parent.children[last] as Text;
  const piece = (node: Text, from: number, to: number): Text => {
    const text: Text = { type: 'text', value: node.value.slice(from, to) };
    if (node.position) text.position = { start: pointIn(file, node, from), end: pointIn(file, node, to) };
    return text;
  };
  const inner: PhrasingContent[] =
    first === last
      ? [piece(opening, start + 2, end)]
      : [
          piece(opening, start + 2, opening.value.length),
          ...(parent.children.slice(first + 1, last) as PhrasingContent[]),
          piece(closing, 0, end),
        ];
  const identifier = nextId();
  const reference: FootnoteReference = { type: 'footnoteReference', identifier, label: identifier };
  if (opening.position) reference.position = { start: pointIn(file, opening, start), end: pointIn(file, closing, end + 1) };
  const replacement: PhrasingContent[] = [
    ...(start > 0 ? [piece(opening, 0, start)] : []),
    reference,
    ...(end + 1 < closing.value.length ? [piece(closing, end + 1, closing.value.length)] : []),
  ];
  parent.children.splice(first, last - first + 1, ...(replacement as typeof parent.children));
  return {
    type: 'footnoteDefinition',
    identifier,
    label: identifier,
    children: [{ type: 'paragraph', children: inner.filter((node) => node.type !== 'text' || node.value !== '') }],
  };
}

/** Where a character of a text node was written, by its offset from the node's start (escapes and entities aside). */
function pointIn(file: VFile, node: Text, at: number): Point {
  const offset = (node.position!.start.offset ?? 0) + at;
  const { line, column } = placeAt(file, offset);
  return { line: line!, column: column!, offset };
}
