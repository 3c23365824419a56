import type { AstroIntegration } from 'astro';
import { findBrokenLinks } from '../build/built-links.ts';
import { afterBuild } from './after-build.ts';

/**
 * Refuses to finish a build with a broken internal link or #fragment, or a
 * link that leaves the site's base, naming the page and the link (links
 * written in essays are checked where they are written, by the loader; this
 * catches the rest). Runs before the search index is built.
 */
export default function linkCheck(): AstroIntegration {
  return afterBuild('essay-publisher:link-check', async ({ dir, config, logger }) => {
    const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    const broken = await findBrokenLinks(dir, { base, site: config.site });
    if (broken.length === 0) {
      logger.info(`Every internal link and #fragment resolves, under ${base}.`);
      return;
    }
    const list = broken.map((b) => `  ${b.page}: ${b.href} (${b.problem})`).join('\n');
    throw new Error(`${broken.length} broken internal link${broken.length === 1 ? '' : 's'} in the built site:\n${list}`);
  });
}
