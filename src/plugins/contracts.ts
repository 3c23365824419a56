import type { Element } from 'hast';
import type { VFile } from 'vfile';
// Declares `file.data.astro`, where Astro's processor puts the frontmatter.
import type {} from '@astrojs/markdown-remark';
import type { CslItem } from '../lib/csl-item.ts';
import type { EssayError, Place } from '../lib/essay-error.ts';
import type { UiStrings } from '../lib/ui-strings.ts';

/**
 * What the Markdown plugins share: the essay they render (put on the file by
 * the content loader, or by the unit tests, before the pipeline runs), what
 * they hand back (read by the loader and stored with the rendered entry), and
 * the ids and classes by which one plugin finds another's output. Nothing in
 * this module does any work.
 */

/** Ids and id prefixes the plugins give elements; also the page's own ids, which an essay must not reuse. */
export const IDS = {
  /** The bibliography section's heading. */
  bibliography: 'bibliography',
  /** The notes section's heading (GFM's own id for it). */
  notes: 'footnote-label',
  /** A bibliography entry: `bib-<key>`. */
  entryPrefix: 'bib-',
  /** The n-th link to an entry from the text: `cite-<key>-<n>`, the target of its backlink. */
  citePrefix: 'cite-',
  /** GFM's prefix of note ids (`user-content-fn-…`, `user-content-fnref-…`). */
  notePrefix: 'user-content-fn',
  /** A note a note-style citation became: `user-content-fn-cite-<n>`. */
  citationNotePrefix: 'user-content-fn-cite-',
  /**
   * A note (`<li id="user-content-fn-<name>">`, for `[^name]`) and its reference in the text
   * (`<a id="user-content-fnref-<name>" href="#user-content-fn-<name>" data-footnote-ref>`): GFM's ids,
   * stable as long as the note keeps its name. A note referred to twice gets `…-fnref-<name>-2` too.
   */
  note: (name: string) => `user-content-fn-${name}`,
  noteRef: (name: string) => `user-content-fnref-${name}`,
} as const;

/**
 * Figures, tables, equations and sections with a label have the label as their id
 * (`fig-petrograd`, `tbl-results`, `eq-growth`, `sec-july`), as the author wrote it and
 * Quarto publishes it: links to them are the author's to keep, and stay when others are
 * added before them (numbers change; ids do not). Unlabelled ones are not numbered and have no id.
 *
 * Quarto's cross-reference prefixes (https://quarto.org/docs/authoring/cross-references.html),
 * each with the kind of element it labels. A key with one of these prefixes is a label, never a citation key.
 */
export const LABEL_PREFIXES = { fig: 'figure', tbl: 'table', eq: 'equation', sec: 'section' } as const;
export type LabelKind = keyof typeof LABEL_PREFIXES;

/** The kind a label names by its prefix (`fig-map` → `fig`), if it has one of Quarto's. */
export function labelKind(key: string): LabelKind | undefined {
  const prefix = key.slice(0, key.indexOf('-'));
  return key.includes('-') && Object.hasOwn(LABEL_PREFIXES, prefix) ? (prefix as LabelKind) : undefined;
}

/** Ids the page layout (not the plugins) gives elements around the essay. */
export const LAYOUT_IDS = {
  /** The skip link's target. */
  main: 'main',
  /** The table of contents' label. */
  tocTitle: 'contents-title',
  /** The "Cite this essay" section's heading. */
  citeThis: 'cite-this-essay',
  /** The "Revisions" section's heading (the frontmatter's `revisions`). */
  revisions: 'revisions',
} as const;

/** Every id an essay's own markup or headings may not take, with what uses it, for error messages. */
export const RESERVED_IDS: ReadonlyMap<string, string> = new Map([
  [LAYOUT_IDS.main, 'the page layout (the skip link’s target)'],
  [LAYOUT_IDS.tocTitle, 'the table of contents'],
  [IDS.bibliography, 'the bibliography section the site adds'],
  [IDS.notes, 'the notes section'],
  [LAYOUT_IDS.citeThis, 'the “Cite this essay” section'],
  [LAYOUT_IDS.revisions, 'the “Revisions” section'],
]);

/** Id prefixes the plugins generate: an id written in an essay's HTML may not start with one. */
export const GENERATED_ID_PREFIXES = [IDS.entryPrefix, IDS.citePrefix, IDS.notePrefix] as const;

/** Classes the plugins give elements, which later plugins, the styles and the scripts look for. */
export const CLASSES = {
  /** An in-text citation (a span holding one link per cited work). */
  citation: 'citation',
  /** The comma between two note numbers side by side (rehype-notes.ts): for the eye, not the words. */
  noteSeparator: 'note-separator',
  /** A bibliography entry (CSL's own class name). */
  entry: 'csl-entry',
  /** The list of bibliography entries. */
  bibliography: 'csl-bib-body',
  /** A link of the essay's whose text is its address, which print does not repeat (rehype-link-urls). */
  url: 'url',
  /** The links back from an entry to where it is cited. */
  backlinks: 'backlinks',
  /** Small capitals, upright and unbold text, which citeproc would write as inline styles (the CSP forbids those). */
  smallCaps: 'small-caps',
  upright: 'upright',
  unbold: 'unbold',
  /** A section heading's wrapper, holding the heading and its link and share buttons. */
  sectionHeading: 'section-heading',
  /** The notes section (GFM's class). */
  notes: 'footnotes',
  /**
   * A cross-reference: `<a class="crossref" href="#fig-map" data-crossref="fig">Figure 1</a>`,
   * `data-crossref` being the target's kind (LABEL_PREFIXES). A group (`[@fig-a; @fig-b]`) is a
   * `<span class="crossrefs">` of such links and the words between them.
   */
  crossref: 'crossref',
  crossrefs: 'crossrefs',
  /** A table's caption line on its way from Markdown to the table's `<caption>` (remark-attributes → rehype-crossrefs). */
  tableCaption: 'table-caption',
  /** …written above its table, not below. */
  tableCaptionAbove: 'table-caption-above',
  /** The box a table scrolls sideways in when it is wider than the text (rehype-wide-blocks). */
  tableScroll: 'table-scroll',
  /** A cell of a table's column of sentences, given a minimum width there (rehype-wide-blocks). */
  proseCell: 'prose-cell',
  /** "Figure 1" / "Table 2" at the start of a numbered figure's or table's caption. */
  captionLabel: 'caption-label',
  /** A numbered figure (`<figure id="fig-…" class="figure">`); its `<figcaption>` holds the caption. */
  figure: 'figure',
  /** A display equation's wrapper (`<div class="equation" id="eq-…">`), and its number "(3)" at the right. */
  equation: 'equation',
  equationNumber: 'equation-number',
  /** A formula rendered to MathML (`<math class="math math-inline|math-display">`). */
  math: 'math',
  mathInline: 'math-inline',
  mathDisplay: 'math-display',
  /** The "Revisions" section the page adds after the essay. */
  revisions: 'revisions',
} as const;

/**
 * How scripts (the note and cross-reference previews, sidenotes) find the apparatus in an
 * essay's HTML: each is a stable selector, whatever the style or language.
 */
export const SELECTORS = {
  /** A note reference in the text (GFM's); its `href` is `#` + the note's id. */
  noteRef: 'a[data-footnote-ref]',
  /** A note; its id is `user-content-fn-<name>`. */
  note: 'section[data-footnotes] li[id]',
  /** A note's link back to its reference. */
  noteBackref: 'a[data-footnote-backref]',
  /** A cross-reference link; its `href` is `#` + the target's id, `data-crossref` its kind. */
  crossref: 'a.crossref[data-crossref]',
  /** Anything a cross-reference can point at. */
  crossrefTarget: 'figure[id].figure, table[id], .equation[id], h2[id], h3[id], h4[id]',
  /** A citation's links to bibliography entries (`#bib-<key>`). */
  citation: '.citation a[href^="#bib-"]',
} as const;

/** Elements whose text is code or literal: citation markers there are meant as written. */
export const LITERAL_ELEMENTS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'math']);

/** Whether an element has a class. */
export function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) ? value.includes(name) : value === name;
}

/** Gives an element a class, after those it has. */
export function addClass(node: Element, name: string): void {
  const value = node.properties.className;
  node.properties.className = [...(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []), name];
}

/** A citation style and locale, as the loader found them (the files are read once per build). */
export interface CslFile {
  name: string;
  xml: string;
}

/** The essay's bibliography: its .bib file, or the entries of the files it lists, read as one. */
export interface Bibliography {
  /** Absolute paths of the .bib files, in the order the frontmatter names them. */
  files: string[];
  /** Their entries as CSL-JSON, in file order. */
  items: CslItem[];
  /** Citation keys in file order, exactly as written. */
  keys: string[];
  /** The file and 1-based line of each key's entry, for error messages. */
  places: ReadonlyMap<string, Place>;
}

/** The essay the pipeline renders: what the loader read and validated, once. */
export interface EssayInput {
  /** Absolute path of `index.md`. */
  file: string;
  /** The essay's URL path (with the site's base), e.g. `/essays/the-july-days/`. */
  path: string;
  /** BCP 47 language of the essay. */
  lang: string;
  /** Interface words in the essay's language (headings the plugins add, labels of links and buttons). */
  strings: UiStrings;
  /** The essay's bibliography, when its frontmatter names one. */
  bibliography?: Bibliography | undefined;
  /** The citation style, the essay's locale, and en-US (the base of every locale). */
  csl: { style: CslFile; locale: CslFile; fallback: CslFile };
  /** Works to list without citing them: every work (`'*'`), or these keys. */
  nocite?: '*' | readonly string[] | undefined;
  /**
   * Where the essay may read files from (its own folder, the site's content/
   * and public/), absolute, and the folder of files served as they are.
   */
  folders: { essay: string; content: string; public: string };
}

/** The site's base path (`/`, or `/essays-site/`), from the essay's path, which is `<base>essays/<id>/`. */
export function siteBase(input: Pick<EssayInput, 'path'>): string {
  return input.path.replace(/essays\/[^/]+\/$/, '');
}

/** A section of the essay: an `h2` with an id, as the contents, share pages and cards show it. */
export interface Section {
  /** The heading's id: the section's public link. */
  id: string;
  /** The heading's words, without citations or note references. */
  title: string;
  /** The section's opening sentences, for link previews; empty when it opens with no prose. */
  opening: string;
}

/** A link written in the essay, where it was written, for checking that it leads somewhere. */
export interface SourceLink {
  href: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** What the plugins hand back, stored with the rendered entry for the pages to read. */
export interface EssayOutput {
  sections: Section[];
  /** Minutes to read the essay's text (notes and bibliography aside), at least 1. */
  readingMinutes: number;
  /** The works the bibliography lists, in its order. */
  listed: CslItem[];
  /** Every id in the essay's HTML, for links from other essays. */
  ids: string[];
  /** Internal links (not http(s), mailto…) written in the essay. */
  links: SourceLink[];
  /** Files the rendering read besides index.md (images), absolute: a change to one renders the essay again. */
  files: string[];
  /** What cross-references can point at, in reading order: for previews, and for links from other essays. */
  targets: CrossrefTarget[];
  /** Whether the essay has formulas: only then does the page load the math stylesheet. */
  math: boolean;
  /** Whether the essay has a figure, a table, an image or a code block: only then does the page load their stylesheet. */
  figures: boolean;
}

/**
 * What the content store keeps of an EssayOutput: all but the works listed,
 * which only the essay's page and downloads read (src/loader/essay-html.ts).
 */
export type StoredEssayOutput = Omit<EssayOutput, 'listed'>;

/** A labelled figure, table, equation or section. */
export interface CrossrefTarget {
  /** The label, which is the element's id: `fig-petrograd`. */
  id: string;
  kind: LabelKind;
  /** Its number as references print it: "2", or "4.1" for a subsection. */
  number: string;
  /** Its caption (or heading) as plain text; empty for an equation. */
  caption: string;
}

/** What the pipeline carries for an essay: its input, what it found wrong, and its output as it fills in. */
export interface EssayRun {
  input: EssayInput;
  /** Problems the author must fix; the loader fails the build with all of them once the pipeline is done. */
  problems: EssayError[];
  /** Things worth the author's eye that do not stop the build (a doubled word, say). */
  warnings: EssayError[];
  output: Partial<EssayOutput>;
}

/**
 * The figures whose image takes its text alternative from the caption (no
 * `fig-alt`), by where the image starts in the source: remark-attributes
 * names them, and rehype-smart-punctuation sets each `alt` to the caption's
 * words as the reader sees them, citations formatted and quotes set.
 */
export function captionAlts(file: VFile): Set<number> {
  const data = file.data as { captionAlts?: Set<number> };
  return (data.captionAlts ??= new Set());
}

/**
 * The in-text citations (`@key` in a sentence: "as Figes (1996) argues"),
 * whose words are the sentence's: rehype-citations names them, and a
 * section's opening keeps them where it leaves a bracketed citation out.
 */
export function inTextCitations(file: VFile): WeakSet<Element> {
  const data = file.data as { inTextCitations?: WeakSet<Element> };
  return (data.inTextCitations ??= new WeakSet());
}

/** The key under which the loader puts the run in the pipeline's frontmatter. */
export const RUN_KEY = '__essay';

/**
 * The run the loader put on this file. Astro's Markdown processor hands its
 * `frontmatter` option to plugins as `file.data.astro.frontmatter`, by
 * reference, which is how the loader passes objects (a parsed bibliography)
 * into the pipeline and reads the plugins' output back.
 */
export function runOf(file: VFile): EssayRun {
  const run = (file.data.astro?.frontmatter as Record<string, unknown> | undefined)?.[RUN_KEY];
  if (run === undefined) throw new Error(`${file.path}: rendered without an essay run; render essays with src/loader/render.ts.`);
  return run as EssayRun;
}
