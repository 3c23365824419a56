import remarkGfm from 'remark-gfm';
import rehypeBibliographySection from './rehype-bibliography-section.ts';
import rehypeCitationCheck from './rehype-citation-check.ts';
import rehypeEssayCitations from './rehype-essay-citations.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeLinkUrls from './rehype-link-urls.ts';

/** The Markdown pipeline's plugins, in order: astro.config.mjs and the fixture tests share them. */
export const remarkPlugins = [remarkGfm];

export const rehypePlugins = [
  rehypeEssayCitations,
  rehypeCitationCheck,
  rehypeBibliographySection,
  rehypeLinkUrls,
  rehypeHeadingIds,
];
