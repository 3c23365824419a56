import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { linkOrCopy, recordBeside, writeWhole } from './cache-files.ts';

/** The glob of the pages the search index reads: only the essay pages carry `data-pagefind-body`. */
export const ESSAY_PAGES = 'essays/*/index.html';

/** An essay page of a built site: its path in the output folder (ESSAY_PAGES), its URL as Pagefind makes it, and a hash of its bytes. */
export interface EssayPage {
  path: string;
  /** `/essays/<slug>/`. */
  url: string;
  digest: string;
}

/**
 * The essay pages the search index was given, kept in the cache as a copy of
 * the site's essay folders (hard links to the built pages), so that the next
 * build can give the same pages to a new index before it has written its own
 * (src/integrations/pagefind.ts). An index depends on the order its pages
 * were given in, which for a folder is the order the file system lists it
 * in: so the index always reads this folder, never the site's, and the folder
 * is made anew, its essays in one order, whenever the essays change. A record
 * beside it names each page's digest; it is removed while the folder changes,
 * and nothing is trusted that does not hash to the digest recorded for it.
 */
export class IndexedPages {
  private readonly record: string;

  /** `folder`: where the pages are kept, in Astro's cache folder; the record lies beside it. */
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
    this.record = recordBeside(folder);
  }

  /** Whether a finished build recorded its pages here. */
  get recorded(): boolean {
    return existsSync(this.record);
  }

  /** The pages kept, by URL; undefined when there is no record, or a page is missing or not what was recorded. */
  async last(): Promise<Map<string, EssayPage> | undefined> {
    let pages: EssayPage[];
    try {
      pages = (JSON.parse(await readFile(this.record, 'utf8')) as { pages: EssayPage[] }).pages;
    } catch {
      return undefined;
    }
    const intact = await Promise.all(
      pages.map(async (page) => {
        const bytes = await readFile(path.join(this.folder, page.path)).catch(() => undefined);
        return bytes !== undefined && digestOf(bytes) === page.digest;
      }),
    );
    return intact.every(Boolean) ? new Map(pages.map((page) => [page.url, page])) : undefined;
  }

  /** Before the folder changes: forgets the record, so that a build that stops half-way leaves nothing trusted. */
  async forget(): Promise<void> {
    await rm(this.record, { force: true });
  }

  /** Makes the folder anew from the site's pages, in the order of their paths. */
  async make(site: string, pages: EssayPage[]): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
    const ordered = [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const page of ordered) {
      await mkdir(path.dirname(path.join(this.folder, page.path)), { recursive: true });
      await linkOrCopy(path.join(site, page.path), path.join(this.folder, page.path));
    }
  }

  /** Replaces the kept copies of `pages` with the site's (the rest of the folder as it is). */
  async update(site: string, pages: EssayPage[]): Promise<void> {
    for (const page of pages) {
      await unlink(path.join(this.folder, page.path));
      await linkOrCopy(path.join(site, page.path), path.join(this.folder, page.path));
    }
  }

  /** Records the folder's pages, once the build has finished. */
  async keep(pages: EssayPage[]): Promise<void> {
    await writeWhole(this.record, JSON.stringify({ pages }));
  }
}

/** The essay pages of a built site (ESSAY_PAGES), by URL. */
export async function essayPages(site: string): Promise<Map<string, EssayPage>> {
  const folders = await readdir(path.join(site, 'essays'), { withFileTypes: true }).catch(() => []);
  const paths = folders
    .filter((f) => f.isDirectory() && existsSync(path.join(site, 'essays', f.name, 'index.html')))
    .map((f) => `essays/${f.name}/index.html`);
  const pages = await Promise.all(
    paths.map(async (page) => ({
      path: page,
      url: `/${page.replace(/index\.html$/, '')}`,
      digest: digestOf(await readFile(path.join(site, page))),
    })),
  );
  return new Map(pages.map((page) => [page.url, page]));
}

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}
