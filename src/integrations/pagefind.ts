import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { ESSAY_PAGES, type EssayPage, essayPages, IndexedPages } from '../build/indexed-pages.ts';
import { SearchFiles } from '../build/search-files.ts';

/**
 * Builds the Pagefind search index over the built site through Pagefind's
 * Node API (as Starlight does), so `npm run build` alone produces a
 * searchable site. Only the essay pages carry `data-pagefind-body`, so only
 * they are given to it.
 *
 * Pagefind has no incremental mode, but it replaces a page given again under
 * the same URL, in its place (`fossick_one` in its pagefind/src/lib.rs). So
 * as the build starts, before the content is synced, the index reads the
 * pages the last build gave it, kept in the cache (src/build/indexed-pages.ts);
 * once Astro has written this build's pages (`astro:build:generated`), only
 * those whose bytes differ are given again. When the essays themselves differ
 * (one added or removed), that index is dropped and a new one reads every
 * page: either way it holds exactly what one given this build's pages would
 * (tests/build/rebuild.test.ts compares the two byte for byte). At N = 1,000
 * after one essay's edit, that takes the reading of 1,000 pages (1.3 s alone,
 * 3.7 s beside the rest of the build) off the end of the build.
 *
 * Nothing after `astro:build:generated` changes the essay pages (the share
 * pages, cards and citation files, the sitemap, the link check:
 * `astro:build:done`), so the index is written from there, alongside those
 * steps; this integration's `astro:build:done` waits for it, so the build
 * still fails if it does. Pagefind writes into a folder of Astro's cache,
 * kept from build to build so that it writes only the files that changed
 * (src/build/search-files.ts), and put into dist/pagefind/ in
 * `astro:build:done`: a step that fails meanwhile ends the build, and
 * no-partial-builds.ts removes dist/, which nothing is still writing into.
 */
export default function pagefind(): AstroIntegration {
  let files: SearchFiles | undefined;
  let kept: IndexedPages | undefined;
  let started: Promise<Started> | undefined;
  let indexing: Promise<EssayPage[]> | undefined;
  return {
    name: 'essay-publisher:pagefind',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        files = new SearchFiles(fileURLToPath(new URL('essay-publisher/pagefind', config.cacheDir)));
        kept = new IndexedPages(fileURLToPath(new URL('essay-publisher/pagefind-pages', config.cacheDir)));
      },
      'astro:config:done': () => {
        // Before the content is synced: Pagefind reads the last build's pages meanwhile, in its own process.
        if (!kept) return;
        started = startIndex(kept);
        // Awaited once the pages are written; a step before that which fails ends the build first.
        started.catch(() => {});
      },
      'astro:build:generated': ({ dir, logger }) => {
        indexing = indexSite(fileURLToPath(dir), started!, files!, kept!, logger);
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir }) => {
        const pages = await indexing!;
        await files!.publish(`${fileURLToPath(dir)}pagefind`);
        await kept!.keep(pages);
      },
    },
  };
}

/** An index, and the pages it was given before this build wrote its own (none if there were none to give). */
interface Started {
  index: PagefindIndex;
  given: Map<string, EssayPage> | undefined;
}

/** A new index, given the last build's pages where they are kept. */
async function startIndex(kept: IndexedPages): Promise<Started> {
  try {
    const index = await newIndex();
    if (!kept.recorded) return { index, given: undefined };
    // Pagefind reads the pages while they are checked against the record.
    const [given] = await Promise.all([kept.last(), addFolder(index, kept.folder)]);
    return { index, given };
  } catch (cause) {
    await close();
    throw new Error('Building the search index failed.', { cause });
  }
}

/**
 * Gives the index this build's essay pages, then writes it. Where it holds
 * the last build's pages, and this build has the same essays, only the pages
 * whose bytes differ are given again; otherwise a new index reads every page.
 */
async function indexSite(
  site: string,
  started: Promise<Started>,
  files: SearchFiles,
  kept: IndexedPages,
  logger: AstroIntegrationLogger,
): Promise<EssayPage[]> {
  try {
    // Should the last build's pages fail it, a new index.
    const { index: first, given } = await started.catch(async (): Promise<Started> => ({ index: await newIndex(), given: undefined }));
    let index = first;
    const pages = await essayPages(site);
    if (pages.size === 0) throw new Error('there is no essay page to index.');
    await kept.forget();
    const same = given !== undefined && given.size === pages.size && [...given.keys()].every((url) => pages.has(url));
    const again = same ? [...pages.values()].filter((page) => given.get(page.url)!.digest !== page.digest) : [];
    if (same) {
      await kept.update(site, again);
      for (const page of again) {
        const content = await readFile(path.join(site, page.path), 'utf8');
        const { errors } = await index.addHTMLFile({ sourcePath: page.path, content });
        if (errors.length > 0) throw new Error(`Pagefind could not index ${page.path}: ${errors.join('; ')}`);
      }
    } else {
      // Not the same essays: a page cannot be taken out of an index, or put in at its place.
      if (given !== undefined) {
        await index.deleteIndex();
        index = await newIndex();
      }
      await kept.make(site, [...pages.values()]);
      await addFolder(index, kept.folder);
    }
    await files.prepare();
    const write = async () => {
      const { errors } = await index.writeFiles({ outputPath: files.folder });
      if (errors.length > 0) throw new Error(`Pagefind could not write its index: ${errors.join('; ')}`);
    };
    await write();
    if (!(await files.consistent())) {
      // The last build's files are another version's: written again, all of them.
      await files.empty();
      await write();
    }
    const { files: count, kept: unchanged } = await files.prune();
    const notes = [
      same ? `${again.length === 0 ? 'none' : again.length} changed since the last build` : '',
      unchanged > 0 ? `${unchanged} of ${count} index files kept` : '',
    ];
    const noted = notes.filter(Boolean).join('; ');
    logger.info(`Indexed ${pages.size} page${pages.size === 1 ? '' : 's'} for search${noted ? ` (${noted})` : ''}.`);
    return [...pages.values()];
  } catch (cause) {
    throw new Error('Building the search index failed.', { cause });
  } finally {
    await close();
  }
}

/** The essay pages of a folder laid out as the site is, given to the index. */
async function addFolder(index: PagefindIndex, folder: string): Promise<void> {
  const { errors, page_count } = await index.addDirectory({ path: folder, glob: ESSAY_PAGES });
  if (errors.length > 0) throw new Error(`Pagefind could not index ${folder}: ${errors.join('; ')}`);
  if (page_count === 0) throw new Error('Pagefind found no page to index.');
}

async function newIndex(): Promise<PagefindIndex> {
  // One index per language, by each page's <html lang>, so that each is stemmed by its
  // own language's rules; the search UI merges them (src/scripts/search-ui.ts).
  const { index, errors } = await createIndex();
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  return index;
}
