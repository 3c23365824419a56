import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Each essay's rendered HTML, kept in a file of its own beside Astro's data
 * store (in its cache folder), named by the essay's cache key, rather than in
 * the store itself. Astro writes the whole store as one devalue document,
 * bundles it into the build as a JavaScript module and compiles it, on every
 * build and rebuild: with the HTML of 1,000 essays in it that was 36 MB and
 * seconds of each build (25 MB of it HTML, which only the essay's own page
 * reads). The store keeps what every page reads (titles, sections, the works
 * listed); the essay page reads its HTML here (src/data/essays.ts).
 *
 * The folder reaches the pages through the process environment, as the
 * site's configuration does (src/lib/site.ts): they run in another module
 * graph of the same process, after the content sync has set it.
 */
const ESSAY_HTML_ENV = 'ESSAY_HTML_DIR';

/**
 * The folder of a store's renderings (`astro dev` keeps its store apart from
 * the build's, and so its renderings), made once a sync and named to the
 * pages of this process.
 */
export async function essayHtmlDir(cacheDir: URL, dev: boolean): Promise<string> {
  const dir = fileURLToPath(new URL(`essay-publisher/html${dev ? '-dev' : ''}/`, cacheDir));
  await mkdir(dir, { recursive: true });
  process.env[ESSAY_HTML_ENV] = dir;
  return dir;
}

function fileOf(dir: string, digest: string): string {
  return path.join(dir, `${digest}.html`);
}

/** Whether the rendering of an essay with this cache key is there (a cache folder emptied by hand has none). */
export function hasEssayHtml(dir: string, digest: string): boolean {
  return existsSync(fileOf(dir, digest));
}

/** Keeps an essay's rendering in `essayHtmlDir()`, written whole and then moved into place, so that no page reads half of it. */
export async function writeEssayHtml(dir: string, digest: string, html: string): Promise<void> {
  const file = fileOf(dir, digest);
  await writeFile(`${file}.tmp`, html);
  await rename(`${file}.tmp`, file);
}

/** Deletes the renderings no stored essay names any more (an essay's earlier versions, a deleted essay's). */
export async function pruneEssayHtml(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const files = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(files.filter((f) => !keep.has(f.replace(/\.html$/, ''))).map((f) => rm(path.join(dir, f), { force: true })));
}

/** An essay's rendered HTML, for its page. */
export async function readEssayHtml(digest: string, essay: string): Promise<string> {
  const dir = process.env[ESSAY_HTML_ENV];
  if (!dir) throw new Error(`${essay}: the content loader has not run in this process, so its rendering cannot be found.`);
  try {
    return await readFile(fileOf(dir, digest), 'utf8');
  } catch (cause) {
    throw new Error(`${essay}: its rendering is missing from ${dir} (was the cache folder emptied during the build?); build again.`, {
      cause,
    });
  }
}
