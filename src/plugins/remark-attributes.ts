import type { Heading, Image, Paragraph, Parent, PhrasingContent, Root, Table, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
// Declare `data.hName`, `hProperties` and `hChildren` on mdast nodes (how remark-rehype is told what to make).
import type {} from 'mdast-util-to-hast';
import { type Attributes, parseAttributes, trailingAttributes } from '../lib/attributes.ts';
import { EssayError, type Place } from '../lib/essay-error.ts';
import { CLASSES, captionAlts, type EssayRun, runOf } from './contracts.ts';
import { checkAttributes } from './labels.ts';
import { placeAt, sourceOf } from './source.ts';

/**
 * Pandoc's attributes where Quarto writes them, so that essays move between
 * the two: after a heading (`## The July Days {#sec-july}`, or any id,
 * `{#july}`), after an image alone in its paragraph (`![A map](map.png){#fig-map}`,
 * which becomes a `<figure>` with the caption in its `<figcaption>`), and at
 * the end of a table's caption line (`: Results {#tbl-results}`, before or
 * after the table). The attributes are taken out of the text; the id goes on
 * the element. Numbers and references are rehype-crossrefs' work.
 *
 * Written here rather than taken from npm: remark-attributes (markdown-it's
 * syntax, a work in progress) reads `{…}` anywhere and so deletes braces from
 * ordinary prose ("the set {1, 2}"), and remark-custom-heading-id throws on a
 * `{#id}` outside a heading. Pandoc reads attributes only in these places.
 * Display math takes its label in remark-math.
 */
export default function remarkAttributes(this: Processor) {
  // Each image keeps its description as parsed, for a figure's caption (keepImageLabels).
  const data = this.data() as { fromMarkdownExtensions?: FromMarkdownExtension[][] };
  (data.fromMarkdownExtensions ??= []).push([keepImageLabels]);
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    visit(tree, 'heading', (node: Heading) => headingAttributes(node, file, run));
    visit(tree, 'paragraph', (node: Paragraph) => imageAttributes(node, file, run));
    visit(tree, (node) => {
      if ('children' in node) tableCaptions(node as Parent, file, run);
    });
  };
}

/** `{…}` at the end of a text node, where it was written, unless the author escaped its brace (`\{`). */
function trailingBlock(node: Text, file: VFile): { attributes: Attributes; text: string; place: Place; start: number } | undefined {
  const found = trailingAttributes(node.value);
  if (!found) return undefined;
  const written = sourceOf(file, node).trimEnd();
  if (!written.endsWith(found.text) || written.slice(0, -found.text.length).endsWith('\\')) return undefined;
  const offset = (node.position?.start.offset ?? 0) + written.length - found.text.length;
  return { attributes: found.attributes, text: found.text, place: placeAt(file, offset), start: found.start };
}

function headingAttributes(heading: Heading, file: VFile, run: EssayRun): void {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return;
  const block = trailingBlock(last, file);
  if (!block) return;
  const checked = checkAttributes(block.attributes, 'sec', block.text, block.place, run);
  last.value = last.value.slice(0, block.start).trimEnd();
  if (last.value === '') heading.children.pop();
  setProperties(heading, checked.id, checked.classes);
}

/** Attributes right after an image; an image alone in its paragraph with a `fig-` label becomes a figure. */
function imageAttributes(paragraph: Paragraph, file: VFile, run: EssayRun): void {
  paragraph.children.forEach((child, i) => {
    const next = paragraph.children[i + 1];
    if (child.type !== 'image' || next?.type !== 'text') return;
    const match = next.value.match(/^\{[^{}]*\}/);
    if (!match) return;
    const attributes = parseAttributes(match[0]);
    if (!attributes) return;
    const place = placeAt(file, next.position?.start.offset ?? 0);
    const checked = checkAttributes(attributes, 'fig', match[0], place, run, ['fig-alt', 'loading']);
    next.value = next.value.slice(match[0].length);
    const { loading } = checked.values;
    if (loading === 'eager' || loading === 'lazy') {
      // When the image loads, where the author knows better than rehype-responsive-images: `{loading=eager}`.
      child.data = { ...child.data, hProperties: { ...(child.data?.hProperties as object | undefined), loading } } as Image['data'];
    } else if (loading !== undefined) {
      run.warnings.push(new EssayError(place, `loading="${loading}" in ${match[0]} is ignored: write loading=eager or loading=lazy.`));
    }
    const alone = paragraph.children.every((c) => c === child || (c.type === 'text' && c.value.trim() === ''));
    if (!checked.label) {
      setProperties(child, checked.id, checked.classes);
      if (checked.values['fig-alt'] !== undefined) child.alt = checked.values['fig-alt'];
      return;
    }
    if (!alone) {
      run.problems.push(
        new EssayError(place, `the figure #${checked.id} must be alone in its paragraph: put a blank line before and after the image.`),
      );
      return;
    }
    if (!child.alt?.trim()) {
      run.problems.push(
        new EssayError(
          place,
          `the figure #${checked.id} has no caption; write it between the brackets: ![A caption](${child.url}){#${checked.id}}.`,
        ),
      );
      return;
    }
    const alt = checked.values['fig-alt'];
    if (alt === undefined && child.position?.start.offset !== undefined) captionAlts(file).add(child.position.start.offset);
    makeFigure(paragraph, child, checked.id!, checked.classes, alt, captionOf(child));
  });
}

/**
 * A figure's caption as written, Markdown and all ("A *red* circle", a
 * citation, a link, a note): the image's `alt` has the words alone, and
 * mdast keeps no more of an image's description, so keepImageLabels keeps
 * its nodes, as the essay's parser made them, in their places.
 */
function captionOf(image: Image): PhrasingContent[] | undefined {
  const children = image.data?.label;
  if (!children) return undefined;
  const [first, last] = [children[0], children.at(-1)];
  if (first?.type === 'text') first.value = first.value.trimStart();
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return children.filter((child) => child.type !== 'text' || child.value !== '');
}

/**
 * mdast-util-from-markdown's handler of a link's or an image's label, which
 * gives a link its nodes and an image their words alone (`alt`), and here
 * keeps an image's nodes too (`data.label`).
 */
const keepImageLabels: FromMarkdownExtension = {
  exit: {
    label() {
      const fragment = this.stack.at(-1) as Parent;
      const value = this.resume();
      const node = this.stack.at(-1)!;
      this.data.inReference = true;
      if (node.type === 'link') {
        node.children = fragment.children as PhrasingContent[];
      } else if (node.type === 'image') {
        node.alt = value;
        node.data = { ...node.data, label: fragment.children as PhrasingContent[] };
      } else {
        (node as { alt?: string }).alt = value;
      }
    },
  },
};

declare module 'mdast' {
  interface ImageData {
    /** The image's description as parsed: a figure's caption (remark-attributes). */
    label?: PhrasingContent[];
  }
}

/** The paragraph becomes `<figure id class="figure">` holding the image and `<figcaption>` with the image's caption. */
function makeFigure(
  paragraph: Paragraph,
  image: Image,
  id: string,
  classes: string[],
  alt: string | undefined,
  written: PhrasingContent[] | undefined,
): void {
  const caption = image.alt!.trim();
  const start = image.position?.start;
  // The caption's words start two characters into the image (after `![`): where a citation in it was written.
  const position = start &&
    image.position && {
      start: { line: start.line, column: start.column + 2, offset: (start.offset ?? 0) + 2 },
      end: image.position.end,
    };
  const figcaption: PhrasingContent = written
    ? ({ type: 'emphasis', children: written, data: { hName: 'figcaption' } } as PhrasingContent)
    : {
        type: 'text',
        value: caption,
        ...(position ? { position } : {}),
        data: { hName: 'figcaption' } as Text['data'],
      };
  if (alt !== undefined) image.alt = alt;
  paragraph.children = [image, figcaption];
  paragraph.data = {
    ...paragraph.data,
    hName: 'figure',
    hProperties: { id, className: [CLASSES.figure, ...classes] },
  } as Paragraph['data'];
}

/** A caption line (`: Results {#tbl-results}`, or `Table: …`) right after or before a table. */
function tableCaptions(parent: Parent, file: VFile, run: EssayRun): void {
  captionsReadAsDefinitions(parent, file);
  const used = new Set<Paragraph>();
  parent.children.forEach((child, i) => {
    if (child.type !== 'table') return;
    // As Pandoc reads them: a caption above the table, or else the one below it.
    for (const [neighbour, above] of [
      [parent.children[i - 1], true],
      [parent.children[i + 1], false],
    ] as const) {
      if (neighbour?.type !== 'paragraph' || used.has(neighbour) || !isCaption(neighbour)) continue;
      used.add(neighbour);
      caption(child, neighbour, above, file, run);
      return;
    }
  });
}

/**
 * A caption line above a table, after a paragraph (`Prose.`, a blank line,
 * `: Results {#tbl-results}`, a blank line, the table), reads as a
 * definition list to remark-definition-list: the paragraph its term, the
 * caption its definition. As Pandoc reads it, the line is the table's
 * caption: it is given back as the caption's paragraph (the colon and all,
 * where it was written), and the terms before it as the paragraph they were.
 */
function captionsReadAsDefinitions(parent: Parent, file: VFile): void {
  const source = String(file.value);
  for (let i = 1; i < parent.children.length; i++) {
    const list = parent.children[i - 1] as Parent & { type: string };
    if (parent.children[i]!.type !== 'table' || list.type !== 'defList') continue;
    const description = list.children.at(-1) as Parent & { type: string };
    const term = list.children.at(-2);
    const paragraph = description.children[0];
    const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    const start = first?.position?.start;
    if (description.type !== 'defListDescription' || description.children.length !== 1 || first?.type !== 'text' || !start) continue;
    // Only a line apart from the paragraph above it, as a caption is written: `Term` then `: Its definition` on the
    // next line is a definition, whatever follows.
    const termEnd = (term as Parent | undefined)?.children.at(-1)?.position?.end.line;
    if ((term as { type: string } | undefined)?.type !== 'defListTerm' || termEnd === undefined || start.line <= termEnd + 1) continue;
    // From the colon, where it was written (`: ` or `:   `).
    const colon = source.lastIndexOf(':', (start.offset ?? 0) - 1);
    if (colon < 0 || source.slice(colon + 1, start.offset).trim() !== '') continue;
    const shift = (start.offset ?? 0) - colon;
    first.value = `${source.slice(colon, start.offset)}${first.value}`;
    first.position = { ...first.position!, start: { ...start, column: start.column - shift, offset: colon } };
    list.children.pop();
    // The terms after the list's last definition (all of them, if the caption was its only one) are a paragraph again.
    const kept = list.children.findLastIndex((child) => (child as { type: string }).type === 'defListDescription') + 1;
    const terms = list.children.splice(kept) as Parent[];
    const prose: Paragraph[] = terms.length
      ? [
          {
            type: 'paragraph',
            children: terms.flatMap((term, j) => [
              ...(j > 0 ? [{ type: 'text', value: '\n' } as Text] : []),
              ...(term.children as PhrasingContent[]),
            ]),
            position: { start: terms[0]!.position!.start, end: terms.at(-1)!.position!.end },
          },
        ]
      : [];
    parent.children.splice(i - 1, 1, ...((list.children.length ? [list] : []) as Parent['children']), ...prose, paragraph as Paragraph);
    i += prose.length + (list.children.length ? 1 : 0);
  }
}

const CAPTION = /^(?:[Tt]able)?:[ \t]+/;

function isCaption(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  return first?.type === 'text' && CAPTION.test(first.value);
}

function caption(table: Table, paragraph: Paragraph, above: boolean, file: VFile, run: EssayRun): void {
  const first = paragraph.children[0] as Text;
  first.value = first.value.replace(CAPTION, '');
  const last = paragraph.children.at(-1);
  const block = last?.type === 'text' ? trailingBlock(last, file) : undefined;
  if (block && last?.type === 'text') {
    const checked = checkAttributes(block.attributes, 'tbl', block.text, block.place, run);
    last.value = last.value.slice(0, block.start).trimEnd();
    if (last.value === '') paragraph.children.pop();
    setProperties(table, checked.id, checked.classes);
  }
  const className = above ? [CLASSES.tableCaption, CLASSES.tableCaptionAbove] : [CLASSES.tableCaption];
  paragraph.data = { ...paragraph.data, hProperties: { className } } as Paragraph['data'];
}

function setProperties(node: Heading | Image | Table | PhrasingContent, id: string | undefined, classes: string[]): void {
  const properties: Record<string, unknown> = { ...(node.data?.hProperties as Record<string, unknown> | undefined) };
  if (id !== undefined) properties.id = id;
  if (classes.length > 0) properties.className = classes;
  node.data = { ...node.data, hProperties: properties } as typeof node.data;
}
