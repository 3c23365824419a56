import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { findBrokenLinks } from '../build/built-links.ts';

/**
 * Refuses to finish a build with a broken internal link or #fragment, or a
 * link that leaves the site's base, naming the page and the link (links
 * written in essays are checked where they are written, by the loader; this
 * catches the rest). Runs in `astro:build:done`, while the search index is
 * being built (src/integrations/pagefind.ts); the pages' scans are kept in
 * Astro's cache, so a rebuild parses only the pages that changed.
 */
export default function linkCheck(): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'essay-publisher:link-check',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const broken = await findBrokenLinks(fileURLToPath(dir), {
          base,
          site: config.site,
          cacheFile: fileURLToPath(new URL('essay-publisher/link-scans.json', config.cacheDir)),
        });
        if (broken.length === 0) {
          logger.info(`Every internal link and #fragment resolves, under ${base}.`);
          return;
        }
        const list = broken.map((b) => `  ${b.page}: ${b.href} (${b.problem})`).join('\n');
        throw new Error(`${broken.length} broken internal link${broken.length === 1 ? '' : 's'} in the built site:\n${list}`);
      },
    },
  };
}
