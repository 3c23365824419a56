// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import linkCheck from './src/integrations/link-check.ts';
import pagefind from './src/integrations/pagefind.ts';
import { isSharePage } from './src/lib/share.ts';
import { rehypePlugins, remarkPlugins, remarkRehype } from './src/plugins/index.ts';

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
      remarkPlugins,
      rehypePlugins,
      remarkRehype,
    }),
  },
  // Share pages only forward to a section: they are not pages to list.
  // Links are checked before the search index is built (hooks run in this order).
  integrations: [sitemap({ filter: (page) => !isSharePage(page) }), linkCheck(), pagefind()],
});
