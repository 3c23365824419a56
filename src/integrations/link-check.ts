import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findBrokenLinks } from '../build/built-links.ts';

/**
 * Refuses to finish a build with a broken internal link or #fragment, naming
 * the page and the link (links written in essays are checked where they are
 * written, by the loader; this catches the rest). Runs before the search
 * index is built.
 */
export default function linkCheck(): AstroIntegration {
  return {
    name: 'essay-publisher:link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const broken = await findBrokenLinks(out);
        if (broken.length === 0) {
          logger.info('Every internal link and #fragment resolves.');
          return;
        }
        const list = broken.map((b) => `  ${b.page}: ${b.href} (${b.problem})`).join('\n');
        throw new Error(`${broken.length} broken internal link${broken.length === 1 ? '' : 's'} in the built site:\n${list}`);
      },
    },
  };
}
