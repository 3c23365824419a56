// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'astro/config';
import linkCheck from './src/integrations/link-check.ts';
import pagefind from './src/integrations/pagefind.ts';
import { isSharePage } from './src/lib/share.ts';
import { rehypePlugins, remarkPlugins, remarkRehype } from './src/plugins/index.ts';

export default defineConfig({
  // Canonical URLs and the sitemap need the public address; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'https://essays.example.org',
  trailingSlash: 'always',
  build: {
    // A few pages at a time: a card's cache file is read and written
    // (src/build/cards/cache.ts) while other pages render. At 100 essays this
    // builds in 10% less time than one page at a time (bench/RESULTS.md).
    concurrency: availableParallelism() * 2,
  },
  // A Content-Security-Policy on every page: Astro hashes each script and style
  // it emits; nothing else runs. Pagefind compiles WebAssembly, hence
  // 'wasm-unsafe-eval' (not 'unsafe-eval'). public/_headers repeats what a
  // <meta> cannot carry (frame-ancestors) for hosts that read it.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    // No code highlighting: Shiki's inline styles would need 'unsafe-inline' under the CSP.
    syntaxHighlight: false,
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
