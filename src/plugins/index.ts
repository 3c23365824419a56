import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { essaySchema } from '../lib/sanitize-schema.ts';
import rehypeAuthorIds from './rehype-author-ids.ts';
import rehypeBibliographySection from './rehype-bibliography-section.ts';
import rehypeCitationBacklinks from './rehype-citation-backlinks.ts';
import rehypeCitationCheck from './rehype-citation-check.ts';
import rehypeCitationScope from './rehype-citation-scope.ts';
import rehypeEssayCitations from './rehype-essay-citations.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeLinkUrls from './rehype-link-urls.ts';
import rehypeNotesHeading from './rehype-notes-heading.ts';

/** The Markdown pipeline's plugins, in order: astro.config.mjs and the fixture tests share them. */
export const remarkPlugins = [remarkGfm];

export const rehypePlugins: RehypePlugins = [
  // Raw HTML is parsed here, not at Astro's end of the pipeline, so that it is
  // sanitised, and citations inside it are formatted and checked, like Markdown.
  rehypeRaw,
  [rehypeSanitize, essaySchema],
  rehypeAuthorIds,
  rehypeCitationScope,
  rehypeEssayCitations,
  rehypeCitationCheck,
  rehypeCitationBacklinks,
  rehypeBibliographySection,
  rehypeNotesHeading,
  rehypeLinkUrls,
  rehypeHeadingIds,
];

/**
 * remark-rehype: GFM footnotes get a visible "Notes" heading (they are part of
 * the apparatus, and in the table of contents), not a screen-reader-only one.
 */
export const remarkRehype = {
  footnoteLabel: 'Notes',
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: {},
};
