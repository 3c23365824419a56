import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Parents, Root as HastRoot, Text } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import type { Html, Image, Root as MdastRoot, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import { defListToMarkdown } from 'mdast-util-definition-list';
import { defListHastToMdast } from 'remark-definition-list';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { type Processor, unified } from 'unified';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { SHORTCODE, shortcodeOf, wrapShortcodes } from './shortcodes.ts';

/**
 * WordPress post HTML → mdast, through rehype-parse and rehype-remark, with
 * WordPress's own conventions turned into Markdown's: the classic editor's
 * blank-line paragraphs, shortcodes, captions and image blocks as figures,
 * footnotes (block-editor meta and `[footnote]` shortcodes), headings moved to
 * `##`. Editor artefacts are removed; the author's words are kept.
 */

export interface Note {
  kind: 'guess' | 'warning';
  message: string;
  /** Text to look for in the written Markdown, to say on which line. */
  find?: string | undefined;
}

export interface ConvertOptions {
  /**
   * Whether the HTML is the classic editor's, whose paragraphs are blank lines
   * that WordPress turns into `<p>` only on display (wpautop). By default,
   * HTML with no block-editor comments is taken to be classic.
   */
  classic?: boolean;
  /** The block editor's `footnotes` post meta: JSON `[{ id, content }]`. */
  footnotes?: string | undefined;
  /** Where an image should point (copied beside the essay, or left as it is). */
  image?: (src: string, alt: string) => string;
  /** Where a link should point (another imported essay, or as it is). */
  link?: (href: string) => string;
  /** Whether to turn all-bold paragraphs and `<h3>` sections into `##` headings (posts: yes; comments: no). */
  headings?: boolean;
  notes?: Note[];
}

/** hast-util-to-mdast's handler and state types, as rehype-remark exposes them. */
type Handle = NonNullable<NonNullable<RehypeRemarkOptions['handlers']>[string]>;
type State = Parameters<Handle>[0];

const FNREF = 'x-footnote-ref';
const FNDEF = 'x-footnote-def';

/** Elements that end a run of inline content (wpautop's list, with the ones it leaves alone). */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'iframe',
  'legend',
  'li',
  'main',
  'map',
  'math',
  'menu',
  'nav',
  'noscript',
  'ol',
  'p',
  'pre',
  'script',
  'section',
  'style',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  FNDEF,
]);

const HEADING = /^h([1-6])$/;
const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svg|webp)(?:[?#].*)?$/i;

export function htmlToMdast(html: string, options: ConvertOptions = {}): MdastRoot {
  const notes = options.notes ?? [];
  const classic = options.classic ?? !/<!--\s*\/?wp:/.test(html);
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: HastRoot) => cleanWordpress(tree, { ...options, classic, notes }))
    .use(rehypeRemark, { handlers, newlines: false });
  const hast = processor.parse(html);
  return processor.runSync(hast) as MdastRoot;
}

/** Markdown text from an mdast tree, in the house's spelling of Markdown. */
export function mdastToMarkdown(tree: MdastRoot): string {
  return unified()
    .use(remarkGfm)
    .use(definitionLists)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '*',
      strong: '*',
      rule: '-',
      fences: true,
      listItemIndent: 'one',
      incrementListMarker: true,
    })
    .stringify(tree);
}

/**
 * A <dl> is written in Pandoc's syntax, which the site reads (`Term`, then
 * `: Definition`), by remark-definition-list's own extension: it also
 * escapes a line of text that starts with `: `, which after a paragraph
 * would read back as a definition. A table's caption below it (`: Seats…`)
 * is written with its `: ` as raw Markdown, so that it stays a caption.
 */
function definitionLists(this: Processor): void {
  const data = this.data() as { toMarkdownExtensions?: ToMarkdownOptions[] };
  (data.toMarkdownExtensions ??= []).push(defListToMarkdown);
}

/** Converts HTML to Markdown text in one go (comments, excerpts, footnotes). */
export function htmlToMarkdown(html: string, options: ConvertOptions = {}): string {
  return mdastToMarkdown(htmlToMdast(html, options)).trim();
}

type Options = ConvertOptions & { classic: boolean; notes: Note[] };

function cleanWordpress(tree: HastRoot, options: Options): void {
  removeComments(tree);
  if (options.classic) autop(tree);
  const footnotes: Element[] = [];
  wrapShortcodes(tree);
  expandShortcodes(tree, footnotes, options);
  blockEditorFootnotes(tree, footnotes, options);
  cleanSpaces(tree);
  figures(tree);
  rewriteUrls(tree, options);
  if (options.headings !== false) headings(tree, options);
  removeEmpty(tree);
  tree.children.push(...footnotes);
}

function removeComments(parent: Parents): void {
  // Gutenberg's `<!-- wp:… -->` block delimiters and `<!--more-->`: not content.
  parent.children = parent.children.filter((child) => child.type !== 'comment') as Parents['children'];
  for (const child of parent.children) if (child.type === 'element') removeComments(child);
}

function element(tagName: string, children: ElementContent[] = [], properties: Element['properties'] = {}): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function isBlock(node: ElementContent): boolean {
  return node.type === 'element' && (BLOCK.has(node.tagName) || (node.tagName === SHORTCODE && isBlockShortcode(node)));
}

function isBlockShortcode(node: Element): boolean {
  return ['caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video', 'playlist'].includes(shortcodeOf(node).name);
}

/**
 * wpautop, on the tree rather than on the HTML string: runs of inline content
 * between blocks are split into paragraphs at blank lines, and a single line
 * break inside a paragraph becomes `<br>` (what WordPress shows).
 * https://developer.wordpress.org/reference/functions/wpautop/
 */
function autop(parent: HastRoot | Element): void {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    out.push(...paragraphs(run));
    run = [];
  };
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'element' && BLOCK.has(child.tagName)) {
      flush();
      if (['blockquote', 'div'].includes(child.tagName)) autop(child);
      out.push(child);
    } else run.push(child);
  }
  flush();
  parent.children = out;
}

function paragraphs(run: ElementContent[]): Element[] {
  const groups: ElementContent[][] = [[]];
  for (const node of run) {
    if (node.type !== 'text') {
      groups.at(-1)!.push(node);
      continue;
    }
    node.value.split(/\n[ \t]*\n\s*/).forEach((piece, i) => {
      if (i > 0) groups.push([]);
      if (piece !== '') groups.at(-1)!.push(text(piece));
    });
  }
  const result: Element[] = [];
  for (const group of groups) {
    trimEdges(group);
    if (group.length === 0) continue;
    const children: ElementContent[] = [];
    for (const node of group) {
      if (node.type !== 'text') {
        children.push(node);
        continue;
      }
      node.value.split('\n').forEach((line, i) => {
        if (i > 0) children.push(element('br'));
        if (line !== '') children.push(text(line));
      });
    }
    result.push(element('p', children));
  }
  return result;
}

/** Removes whitespace (no-break spaces included) and line breaks at the start and end of a block's content. */
function trimEdges(nodes: ElementContent[]): void {
  const blank = (node: ElementContent | undefined) =>
    (node?.type === 'text' && node.value.trim() === '') || (node?.type === 'element' && node.tagName === 'br');
  while (nodes.length > 0 && blank(nodes[0])) nodes.shift();
  while (nodes.length > 0 && blank(nodes.at(-1))) nodes.pop();
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = nodes.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
}

function expandShortcodes(parent: Parents, footnotes: Element[], options: Options): void {
  const out: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    expandShortcodes(child, footnotes, options);
    if (child.tagName !== SHORTCODE) {
      out.push(child);
      continue;
    }
    out.push(...expand(child, footnotes, options));
  }
  parent.children = liftBlocks(parent, out) as Parents['children'];
}

function expand(node: Element, footnotes: Element[], options: Options): ElementContent[] {
  const code = shortcodeOf(node);
  switch (code.name) {
    case 'caption':
    case 'wp_caption':
      return [caption(node, code.attributes.caption)];
    // Footnote plugins' shortcodes: [footnote] (Footnotes), [efn_note] (Easy Footnotes), [mfn] (Modern Footnotes),
    // [ref] (Simple Footnotes; with its closing tag, so that a bare "[ref]" in prose stays prose).
    case 'footnote':
    case 'efn_note':
    case 'mfn':
    case 'ref':
      return [footnote(node.children, footnotes)];
    case 'embed': {
      const url = (hastText(node).trim() || code.attributes.src || code.positional[0]) ?? '';
      if (/^https?:\/\//.test(url)) return [element('p', [element('a', [text(url)], { href: url })])];
      break;
    }
  }
  options.notes.push({
    kind: 'warning',
    message: `unknown shortcode ${code.open} kept as text: WordPress expanded it on display; replace it by hand`,
    find: code.open,
  });
  return [text(code.open), ...node.children, ...(code.close ? [text(code.close)] : [])];
}

/** `[caption]<img> Caption[/caption]` → `<figure><img><figcaption>Caption</figcaption></figure>`. */
function caption(node: Element, attribute: string | undefined): Element {
  const index = node.children.findIndex((child) => child.type === 'element' && hasImage(child));
  const media = index === -1 ? [] : [node.children[index]!];
  const rest = index === -1 ? node.children : node.children.slice(index + 1);
  const words = rest.filter((child) => !(child.type === 'element' && child.tagName === 'br'));
  trimEdges(words);
  const captionText = words.length > 0 ? words : attribute ? [text(attribute)] : [];
  return element('figure', [...media, ...(captionText.length > 0 ? [element('figcaption', captionText)] : [])]);
}

function hasImage(node: ElementContent): boolean {
  return node.type === 'element' && (node.tagName === 'img' || node.children.some(hasImage));
}

function footnote(children: ElementContent[], footnotes: Element[]): Element {
  const n = String(footnotes.length + 1);
  footnotes.push(element(FNDEF, children, { dataN: n }));
  return element(FNREF, [], { dataN: n });
}

/**
 * The block editor keeps footnotes in the `footnotes` post meta and marks them
 * in the text with `<sup data-fn="id">`.
 * https://make.wordpress.org/core/2023/07/18/footnotes-in-6-3/ (WordPress 6.3)
 */
function blockEditorFootnotes(tree: HastRoot, footnotes: Element[], options: Options): void {
  if (!options.footnotes) return;
  let notes: { id?: string; content?: string }[];
  try {
    notes = JSON.parse(options.footnotes) as typeof notes;
  } catch {
    options.notes.push({ kind: 'warning', message: 'the post’s footnotes meta is not valid JSON; its footnotes were not imported' });
    return;
  }
  const byId = new Map(notes.map((note) => [note.id, note.content ?? '']));
  const used = new Set<string>();
  const visit = (parent: Parents) => {
    parent.children = parent.children.map((child) => {
      if (child.type !== 'element') return child;
      const id = child.tagName === 'sup' ? child.properties.dataFn : undefined;
      if (typeof id === 'string' && byId.has(id)) {
        used.add(id);
        const content = unified().use(rehypeParse, { fragment: true }).parse(byId.get(id)!);
        return footnote(content.children as ElementContent[], footnotes);
      }
      visit(child);
      return child;
    }) as Parents['children'];
  };
  visit(tree);
  const unused = notes.filter((note) => note.id !== undefined && !used.has(note.id));
  if (unused.length > 0) {
    options.notes.push({
      kind: 'warning',
      message: `${unused.length} footnote(s) in the post’s footnotes meta have no mark in the text and were left out: ${unused.map((n) => JSON.stringify(n.content?.slice(0, 40))).join(', ')}`,
    });
  }
}

/**
 * No-break spaces the editor leaves behind (pasting from a word processor
 * leaves one after most full stops and commas): runs of them, or one next to an
 * ordinary space, become one space, and so does a lone one anywhere but where
 * typography means it: next to a digit ("p. 12", "10 km", "4 July") or inside
 * French quotes and before French punctuation ("« mot »", "oui !").
 */
export function cleanSpaceText(value: string): string {
  return value.replace(/[ \t]*(?:\u00a0[ \t]*)+/g, (run: string, offset: number) => {
    if (run !== '\u00a0') return ' ';
    const before = value[offset - 1] ?? '';
    const after = value[offset + 1] ?? '';
    return /\d/.test(before) || /\d/.test(after) || /[:;!?»›]/.test(after) || /[«‹]/.test(before) ? run : ' ';
  });
}

function cleanSpaces(parent: Parents): void {
  for (const child of parent.children) {
    if (child.type === 'text') child.value = cleanSpaceText(child.value);
    else if (child.type === 'element' && child.tagName !== 'pre' && child.tagName !== 'code') {
      cleanSpaces(child);
      if (BLOCK.has(child.tagName) || HEADING.test(child.tagName)) trimEdges(child.children);
    }
  }
}

/**
 * Figures hold an image and maybe a caption; links around an image that only
 * open the image file (WordPress's "link to media file") are dropped; an
 * embed block becomes a link to what it embedded.
 */
function figures(parent: Parents): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    figures(child);
    const classes = classList(child);
    if (child.tagName === 'figure' && classes.includes('wp-block-embed')) {
      const url = hastText(child).trim().split(/\s+/)[0] ?? '';
      if (/^https?:\/\//.test(url)) return element('p', [element('a', [text(url)], { href: url })]);
    }
    if (child.tagName === 'a' && child.children.length === 1 && isImageLink(child)) {
      const only = child.children[0]!;
      if (only.type === 'element' && only.tagName === 'img') return only;
    }
    return child;
  }) as Parents['children'];
}

function isImageLink(link: Element): boolean {
  const href = String(link.properties.href ?? '');
  return IMAGE_FILE.test(href) || /[?&]attachment_id=/.test(href) || /\/attachment\//.test(href);
}

function classList(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function rewriteUrls(parent: Parents, options: Options): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img' && options.image) {
      child.properties.src = options.image(String(child.properties.src ?? ''), String(child.properties.alt ?? ''));
    }
    if (child.tagName === 'a' && options.link && typeof child.properties.href === 'string') {
      child.properties.href = options.link(child.properties.href);
    }
    rewriteUrls(child, options);
  }
}

/**
 * Sections are `##` on the site (the title is the page's `h1`). A post's
 * highest heading level becomes `##` and the others follow; a paragraph that is
 * all bold and short is most likely a heading the author made by hand.
 */
function headings(tree: HastRoot, options: Options): void {
  const levels: number[] = [];
  const visitLevels = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const level = HEADING.exec(child.tagName)?.[1];
      if (level) levels.push(Number(level));
      else visitLevels(child);
    }
  };
  visitLevels(tree);
  const top = levels.length > 0 ? Math.min(...levels) : 2;
  const shift = top - 2;
  let shifted = false;
  const visit = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const level = HEADING.exec(child.tagName)?.[1];
      if (level) {
        const to = Math.min(6, Math.max(2, Number(level) - shift));
        if (to !== Number(level)) shifted = true;
        child.tagName = `h${to}`;
      } else visit(child);
    }
  };
  visit(tree);
  if (shifted) {
    options.notes.push({
      kind: 'guess',
      message: `the post’s <h${top}> headings became ## sections (and lower levels followed): the site’s sections are ##`,
    });
  }

  const blocks = tree.children;
  blocks.forEach((child, i) => {
    if (child.type !== 'element' || child.tagName !== 'p') return;
    const words = hastText(child).trim();
    const meaningful = child.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    const only = meaningful[0];
    if (meaningful.length !== 1 || only?.type !== 'element' || !['strong', 'b'].includes(only.tagName)) return;
    if (words.length === 0 || words.length > 100 || /[.,;]$/.test(words)) return;
    const next = blocks.slice(i + 1).find((c) => c.type === 'element');
    if (next === undefined) return;
    child.tagName = 'h2';
    child.children = only.children;
    options.notes.push({
      kind: 'guess',
      message: `the bold paragraph "${words}" was taken for a heading (## ${words})`,
      find: `## ${words}`,
    });
  });

  // Links to a heading's own id (a hand-made contents) follow the heading to the id the site gives it.
  const slugger = new GithubSlugger();
  const ids = new Map<string, string>();
  const visitIds = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (HEADING.test(child.tagName)) {
        const slug = slugger.slug(hastText(child).trim());
        if (typeof child.properties.id === 'string') ids.set(child.properties.id, slug);
      } else visitIds(child);
    }
  };
  visitIds(tree);
  const visitLinks = (parent: Parents) => {
    parent.children = (parent.children as ElementContent[]).flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      visitLinks(child);
      const href = child.tagName === 'a' ? child.properties.href : undefined;
      if (typeof href !== 'string' || !href.startsWith('#')) return [child];
      const target = ids.get(decodeURIComponent(href.slice(1)));
      if (target !== undefined) {
        child.properties.href = `#${target}`;
        return [child];
      }
      options.notes.push({
        kind: 'warning',
        message: `the link to ${href} ("${hastText(child).trim()}") points at nothing the site will have, so only its text was kept`,
      });
      return child.children;
    }) as Parents['children'];
  };
  visitLinks(tree);
}

/** Empty paragraphs (`<p>&nbsp;</p>`, `<p></p>`) and headings are editor artefacts. */
function removeEmpty(parent: Parents): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    removeEmpty(child);
    if (child.tagName !== 'p' && !HEADING.test(child.tagName)) return true;
    return hastText(child).trim() !== '' || hasContent(child);
  }) as Parents['children'];
}

function hasContent(node: Element): boolean {
  return node.children.some(
    (child) => child.type === 'element' && (['img', 'iframe', 'video', 'audio', FNREF].includes(child.tagName) || hasContent(child)),
  );
}

/**
 * A figure left inside a paragraph (a caption shortcode on its own line,
 * which wpautop wrapped in `<p>`) is lifted out, splitting the paragraph.
 */
function liftBlocks(parent: Parents, children: ElementContent[]): ElementContent[] {
  if (parent.type !== 'element' || parent.tagName !== 'p' || !children.some(isBlock)) return children;
  // The paragraph's parent does the splitting: mark the pieces for it.
  parent.data = { ...(parent.data ?? {}), split: true } as never;
  return children;
}

/** Handlers from our elements to mdast, over hast-util-to-mdast's defaults. */
const handlers: Record<string, Handle> = {
  ...(defListHastToMdast as Record<string, Handle>),
  [FNREF]: (_state, node) => ({
    type: 'footnoteReference',
    identifier: String(node.properties.dataN),
    label: String(node.properties.dataN),
  }),
  [FNDEF]: (state, node) => ({
    type: 'footnoteDefinition',
    identifier: String(node.properties.dataN),
    label: String(node.properties.dataN),
    children: state.toFlow(state.all(node)),
  }),
  p: (state, node) => {
    if (!(node.data as { split?: boolean } | undefined)?.split) return paragraph(state, node);
    // Split around the blocks lifted out of it (see liftBlocks).
    const out: RootContent[] = [];
    let run: ElementContent[] = [];
    const flush = () => {
      trimEdges(run);
      const converted = run.length > 0 ? paragraph(state, element('p', run)) : undefined;
      if (converted) out.push(converted);
      run = [];
    };
    for (const child of node.children) {
      if (isBlock(child)) {
        flush();
        const converted = state.one(child, node);
        if (converted) out.push(...((Array.isArray(converted) ? converted : [converted]) as RootContent[]));
      } else run.push(child);
    }
    flush();
    return out as never;
  },
  figure: (state, node) => {
    const media = node.children.find((child) => child.type === 'element' && hasImage(child)) as Element | undefined;
    const figcaption = node.children.find((child) => child.type === 'element' && child.tagName === 'figcaption') as Element | undefined;
    if (media === undefined) {
      // The table block's caption: Pandoc's and this site's table caption, a paragraph beginning ": " below it.
      const table = node.children.find((child) => child.type === 'element' && child.tagName === 'table');
      const words = figcaption ? state.all(figcaption) : [];
      if (table === undefined || words.length === 0) return state.toFlow(state.all(node)) as never;
      const converted = state.one(table, node);
      return [
        ...(Array.isArray(converted) ? converted : [converted]),
        { type: 'paragraph', children: [{ type: 'html', value: ': ' }, ...words] },
      ] as never;
    }
    const image = state.one(media, node);
    const imageParagraph = { type: 'paragraph' as const, children: (Array.isArray(image) ? image : [image]).filter(Boolean) as never };
    const captionContent = figcaption ? state.toFlow(state.all(figcaption)) : [];
    if (captionContent.length === 0) return imageParagraph;
    // A Markdown image inside raw <figure>: the site keeps <figure>/<figcaption>
    // (src/lib/sanitize-schema.ts), and Astro still processes the image.
    const html = (value: string): Html => ({ type: 'html', value });
    return [html('<figure>'), imageParagraph, html('<figcaption>'), ...captionContent, html('</figcaption>\n</figure>')] as never;
  },
  sup: (state, node) => wrapHtml(state, node, 'sup'),
  sub: (state, node) => wrapHtml(state, node, 'sub'),
  blockquote: (state, node) => ({
    type: 'blockquote',
    // The block editor's quote puts its source in <cite>: its own line.
    children: state.toFlow(
      node.children.flatMap((child) => {
        const converted =
          child.type === 'element' && child.tagName === 'cite' ? state.one(element('p', [child]), node) : state.one(child, node);
        return (Array.isArray(converted) ? converted : converted ? [converted] : []) as never;
      }),
    ),
  }),
};

function paragraph(state: State, node: Element) {
  const children = state.all(node);
  if (children.length === 0) return undefined;
  return { type: 'paragraph' as const, children: children as never };
}

function wrapHtml(state: State, node: Element, tag: string) {
  return [{ type: 'html', value: `<${tag}>` }, ...state.all(node), { type: 'html', value: `</${tag}>` }] as never;
}

/** Images of a tree, for reporting (alt text, where they point). */
export function imagesOf(tree: MdastRoot): Image[] {
  const found: Image[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'image') found.push(node as Image);
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(tree);
  return found;
}
