// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import pagefind from './src/integrations/pagefind.ts';
import rehypeBibliographySection from './src/plugins/rehype-bibliography-section.ts';
import rehypeCitationCheck from './src/plugins/rehype-citation-check.ts';
import rehypeEssayCitations from './src/plugins/rehype-essay-citations.ts';
import rehypeHeadingIds from './src/plugins/rehype-heading-ids.ts';

export default defineConfig({
  // Canonical URLs and the sitemap need the public address; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'https://essays.example.org',
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      // remark-gfm is passed explicitly (not `gfm: true`) so its version is ours.
      gfm: false,
      // The essays keep the author's own punctuation.
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeEssayCitations, rehypeCitationCheck, rehypeBibliographySection, rehypeHeadingIds],
    }),
  },
  integrations: [sitemap(), pagefind()],
});
