import { cp, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind search index over the built site through Pagefind's
 * Node API (as Starlight does), so `npm run build` alone produces a
 * searchable site. Pages opt in with `data-pagefind-body`.
 *
 * The index reads only the essay pages, which are all written when Astro has
 * generated the pages (`astro:build:generated`); nothing after that changes
 * them (the share pages, cards and citation files, the sitemap, the link
 * check: `astro:build:done`). So it starts there, in Pagefind's own process,
 * and runs alongside those steps rather than after them; this integration's
 * `astro:build:done` waits for it, so the build still fails if it does.
 * Pagefind writes into a folder of Astro's cache, moved to dist/pagefind/ in
 * `astro:build:done`: a step that fails meanwhile ends the build, and
 * no-partial-builds.ts removes dist/, which nothing is still writing into.
 */
export default function pagefind(): AstroIntegration {
  let indexing: Promise<void> | undefined;
  let written = '';
  return {
    name: 'essay-publisher:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        written = fileURLToPath(new URL('essay-publisher/pagefind/', config.cacheDir));
      },
      'astro:build:generated': ({ dir, logger }) => {
        indexing = indexSite(fileURLToPath(dir), written, logger);
        // Awaited in astro:build:done; a step before it that fails ends the build first.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        await (indexing ?? indexSite(site, written, logger));
        await moveFolder(written, `${site}pagefind`);
      },
    },
  };
}

async function indexSite(site: string, written: string, logger: AstroIntegrationLogger): Promise<void> {
  try {
    await rm(written, { recursive: true, force: true }); // A failed build's.
    // One index per language, by each page's <html lang>, so that each is stemmed by its
    // own language's rules; the search UI merges them (src/scripts/search-ui.ts).
    const { index, errors: createErrors } = await createIndex();
    if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
    // Only essay pages carry data-pagefind-body; reading the share pages and the rest
    // would cost time and memory for nothing.
    const { page_count, errors: addErrors } = await index.addDirectory({ path: site, glob: 'essays/*/index.html' });
    if (addErrors.length > 0) throw new Error(`Pagefind could not index ${site}: ${addErrors.join('; ')}`);
    if (page_count === 0) throw new Error('Pagefind found no page to index: is `data-pagefind-body` on the essay pages?');
    const { errors: writeErrors } = await index.writeFiles({ outputPath: written });
    if (writeErrors.length > 0) throw new Error(`Pagefind could not write its index: ${writeErrors.join('; ')}`);
    logger.info(`Indexed ${page_count} page${page_count === 1 ? '' : 's'} for search.`);
  } catch (cause) {
    throw new Error('Building the search index failed.', { cause });
  } finally {
    await close();
  }
}

/** A folder moved into place, or copied where a rename cannot move it (another file system). */
async function moveFolder(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch {
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
