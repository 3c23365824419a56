// @ts-check
// Node imports this file and the .ts modules below itself, stripping their types (so they keep to
// erasable syntax: tsconfig.json); Astro would otherwise start a Vite server to load them.
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import essays from './src/integrations/essays.ts';
import linkCheck from './src/integrations/link-check.ts';
import noPartialBuilds from './src/integrations/no-partial-builds.ts';
import pagefind from './src/integrations/pagefind.ts';
import sharing from './src/integrations/sharing.ts';
import { smallPreloadHelper } from './src/build/preload-helper.ts';
import { textFace } from './src/build/text-face.ts';
import { CSP } from './src/lib/csp.ts';
import { withLastModified } from './src/loader/sharing-manifest.ts';
import { markdownPipeline } from './src/plugins/index.ts';

export default defineConfig({
  trailingSlash: 'always',
  // A rebuild renders again only the pages whose essay changed (each route gives
  // the essay's digest as its cacheKey); the rest are copied from the last build.
  // It needs build.concurrency at its default, 1.
  experimental: { incrementalBuild: true },
  // The Content-Security-Policy of every page (src/lib/csp.ts); Astro adds the hash of each inline script and style.
  security: {
    csp: {
      directives: [...CSP.directives],
      scriptDirective: { resources: [...CSP.scripts] },
      styleDirective: { resources: [...CSP.styles] },
    },
  },
  markdown: {
    // No code highlighting: Shiki's inline styles would need 'unsafe-inline' under the CSP.
    syntaxHighlight: false,
    processor: unified(markdownPipeline),
  },
  vite: {
    // The text face's stylesheet, made from @fontsource's declarations and the font files;
    // a preload helper of 240 bytes where Vite's is 880, on every essay page.
    plugins: [textFace(), smallPreloadHelper()],
    // `astro dev` watches the project: not the bench's and the tests' built sites (a bench
    // run leaves 300,000 files in bench/out/, past the system's limit of file watchers).
    server: { watch: { ignored: ['**/bench/out/**', '**/tests/.tmp/**', '**/scratch/**'] } },
  },
  // essays() is the site's configuration: the fields an author edits first, each shown
  // here at its default (README, "Configuring the site"). It sets `site` and `base` from
  // `url` and `base`, or from SITE_URL and BASE_PATH when they are set.
  // Hooks run in this order: the sitemap lists Astro's pages (not the share pages, made
  // after it), the share pages and cards are written, every link is checked (the
  // essays' heading links lead to the share pages), the search index is built, and a
  // build that fails anywhere leaves no dist/ (last, so that done means done).
  integrations: [
    essays({
      title: 'Essays',
      tagline: 'Long-form essays with their sources: cited, linked and searchable.',
      author: { name: 'The Essays editors' },
      url: 'https://essays.example.org',
      base: '/',
      lang: 'en-GB',
      licence: { name: 'All rights reserved' },
    }),
    // Share pages are written after the sitemap and never in it; the filter keeps it so if that order changes.
    // Each essay's entry gives when it was last revised (or written), from the content loader's manifest.
    sitemap({ filter: (page) => !/\/essays\/[^/]+\/s\//.test(new URL(page).pathname), serialize: withLastModified }),
    sharing(),
    linkCheck(),
    pagefind(),
    noPartialBuilds(),
  ],
});
