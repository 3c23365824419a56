import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkGfm from 'remark-gfm';
import rehypeCheckAuthorIds from './rehype-check-author-ids.ts';
import rehypeCheckFiles from './rehype-check-files.ts';
import rehypeCitationBacklinks from './rehype-citation-backlinks.ts';
import rehypeCitations from './rehype-citations.ts';
import rehypeCrossrefs from './rehype-crossrefs.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeHeadingLinks from './rehype-heading-links.ts';
import rehypeLinkUrls from './rehype-link-urls.ts';
import rehypeMath from './rehype-math.ts';
import rehypeNormaliseSpaces from './rehype-normalise-spaces.ts';
import rehypeNotes from './rehype-notes.ts';
import rehypeProofread from './rehype-proofread.ts';
import rehypeResponsiveImages from './rehype-responsive-images.ts';
import rehypeSanitizeHtml from './rehype-sanitize-html.ts';
import rehypeSections from './rehype-sections.ts';
import rehypeSitePaths from './rehype-site-paths.ts';
import rehypeSmartPunctuation from './rehype-smart-punctuation.ts';
import rehypeWideBlocks from './rehype-wide-blocks.ts';
import remarkAttributes from './remark-attributes.ts';
import remarkInlineNotes from './remark-inline-notes.ts';
import remarkMath from './remark-math.ts';

/**
 * The Markdown pipeline's plugins, in order, each with why it stands where it
 * does. astro.config.mjs and the unit tests both use these lists, and every
 * plugin reads the essay from the run the loader puts on the file
 * (contracts.ts), so essays are rendered only through src/loader/render.ts.
 */
export const remarkPlugins: RemarkPlugins = [
  // GitHub's tables, footnotes, strikethrough and autolinks; passed here (not `gfm: true`) so its version is ours.
  remarkGfm,
  // Pandoc's definition lists (a term, then `: ` and its definition), as Pandoc and Quarto read them; a `: ` caption
  // line above a table stays the table's caption (remark-attributes).
  remarkDefinitionList,
  // Pandoc's inline notes (`^[…]`) become notes as `[^n]` would, numbered with them by the order they are referred to.
  remarkInlineNotes,
  // TeX math on Pandoc's terms, and equations' labels: before attributes are read, so that `$$ … $$ {#eq-x}` is the equation's.
  remarkMath,
  // Attributes after headings, images and table captions (ids, figures), while the Markdown's structure is at hand.
  remarkAttributes,
];

export const rehypePlugins: RehypePlugins = [
  // Raw HTML is parsed first, so that everything after treats it like Markdown (citations in it, ids checked).
  rehypeRaw,
  // Then sanitised, before any plugin adds markup of its own: authors are trusted with markup, not scripts
  // (and told, where they wrote it, of each thing removed).
  rehypeSanitizeHtml,
  // The author's ids are checked while they are the only ids, before the plugins add theirs.
  rehypeCheckAuthorIds,
  // Images are checked while every <img> is still the author's (Astro's image pipeline comes after ours).
  rehypeCheckFiles,
  // Each photograph found there is then made at the widths its column needs, for Astro's image pipeline to publish.
  rehypeResponsiveImages,
  // Then paths from the site's root go under its base, before links are collected and checked (rehypeSections).
  rehypeSitePaths,
  // Stray no-break spaces in the author's prose become spaces before any plugin adds text (citeproc's are meant).
  rehypeNormaliseSpaces,
  // The author's words are proofread as readers will see them, spaces normalised, before the site adds any.
  rehypeProofread,
  // Formulas become MathML once sanitising is done (MathML is not markup authors write), before references number equations.
  rehypeMath,
  // Figures, tables, equations and sections are numbered and references to them linked, before citations:
  // `@fig-x` and `@doe99` share Pandoc's syntax, and this leaves rehype-citations only citations.
  rehypeCrossrefs,
  // Tables, their captions in place, and code blocks (formulas are no longer <pre>) scroll inside themselves.
  rehypeWideBlocks,
  // Citations become links and notes, and the bibliography is added: later plugins link to and number them.
  rehypeCitations,
  // Notes (the author's and a note style's) are complete now: their heading and labels in the essay's language.
  rehypeNotes,
  // Entries link back to their citations, whose links now all exist (in the text and in notes).
  rehypeCitationBacklinks,
  // URLs in bibliography entries become links once the entries are final.
  rehypeLinkUrls,
  // Headings get their ids after every heading exists (the bibliography's and the notes' have theirs already).
  rehypeHeadingIds,
  // Straight quotes and `--` become the typographer's marks once ids are the typed text's and every column is reported;
  // then a figure's image takes its caption's words, as they now read, for its text alternative.
  rehypeSmartPunctuation,
  // Section headings get their link and share buttons once their ids are set.
  rehypeHeadingLinks,
  // Last: the finished tree's sections, openings, reading time, ids and links, for the pages.
  rehypeSections,
];

/**
 * remark-rehype: GFM footnotes get a visible heading (they are part of the
 * apparatus, and in the contents), written in the essay's language by
 * rehype-notes; definition lists are HTML's.
 */
export const remarkRehype = {
  // Definition lists become <dl>, <dt> and <dd>.
  handlers: defListHastHandlers,
  footnoteLabel: 'Notes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: {},
};

/**
 * The whole Markdown pipeline, as one set of options: astro.config.mjs gives
 * it to Astro's unified processor, and the content loader's renderers (in
 * process or in worker threads) and the unit tests make their processor from
 * it, so that every essay is rendered the same way.
 */
export const markdownPipeline = {
  // remark-gfm is in remarkPlugins (its version is ours), and the essays keep the author's own punctuation.
  gfm: false,
  smartypants: false,
  remarkPlugins,
  rehypePlugins,
  remarkRehype,
};
