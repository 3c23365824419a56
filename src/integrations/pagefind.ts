import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { afterBuild } from './after-build.ts';

/**
 * Builds the Pagefind search index over the built site in `astro:build:done`,
 * through Pagefind's Node API (as Starlight does), so `npm run build` alone
 * produces a searchable site. Pages opt in with `data-pagefind-body`.
 */
export default function pagefind(): AstroIntegration {
  return afterBuild('essay-publisher:pagefind', async ({ dir: site, logger }) => {
    try {
      // One index per language, by each page's <html lang>, so that each is stemmed by its
      // own language's rules; the search UI merges them (src/scripts/search-ui.ts).
      const { index, errors: createErrors } = await createIndex();
      if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
      // Only essay pages carry data-pagefind-body; reading the share pages and the rest
      // would cost time and memory for nothing.
      const { page_count, errors: addErrors } = await index.addDirectory({ path: site, glob: 'essays/*/index.html' });
      if (addErrors.length > 0) throw new Error(`Pagefind could not index ${site}: ${addErrors.join('; ')}`);
      if (page_count === 0) throw new Error('Pagefind found no page to index: is `data-pagefind-body` on the essay pages?');
      const { errors: writeErrors } = await index.writeFiles({ outputPath: `${site}pagefind` });
      if (writeErrors.length > 0) throw new Error(`Pagefind could not write its index: ${writeErrors.join('; ')}`);
      logger.info(`Indexed ${page_count} page${page_count === 1 ? '' : 's'} for search.`);
    } catch (cause) {
      throw new Error('Building the search index failed.', { cause });
    } finally {
      await close();
    }
  });
}
