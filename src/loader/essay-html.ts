import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWhole } from '../build/cache-files.ts';
import type { CslItem } from '../lib/csl-item.ts';

/**
 * Each essay's rendered HTML, and the works its bibliography lists (as CSL
 * JSON), kept in files of their own beside Astro's data store (in its cache
 * folder), named by the essay's cache key, rather than in the store itself.
 * Astro writes the whole store as one devalue document, bundles it into the
 * build as a JavaScript module and compiles it, on every build and rebuild:
 * with the HTML of 1,000 essays in it that was 36 MB and seconds of each
 * build (25 MB of it HTML, which only the essay's own page reads). The works
 * were 8.2 of the 12 kB each essay still stored (4.6 of 8.2 MB at N = 1,000),
 * and only the essay's page and its downloads read them: out of the store, a
 * rebuild after one essay's edit took 8.8–9.7 s instead of 10.3–11.0 s. The
 * store keeps what other pages read (titles, sections, ids); the essay page
 * reads its HTML and works here (src/data/essays.ts).
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

/** What is kept of an essay's rendering, by file: its HTML, and the works its bibliography lists. */
const KINDS = { html: 'html', works: 'works.json' } as const;

function fileOf(dir: string, digest: string, kind: keyof typeof KINDS): string {
  return path.join(dir, `${digest}.${KINDS[kind]}`);
}

/** Whether the rendering of an essay with this cache key is there (a cache folder emptied by hand has none). */
export function hasEssayHtml(dir: string, digest: string): boolean {
  return existsSync(fileOf(dir, digest, 'html')) && existsSync(fileOf(dir, digest, 'works'));
}

/**
 * Keeps an essay's rendering in `essayHtmlDir()`: its works, then its HTML,
 * each written whole (writeWhole()), so that no page reads half of one.
 */
export async function writeEssayHtml(dir: string, digest: string, html: string, works: readonly CslItem[]): Promise<void> {
  await writeWhole(fileOf(dir, digest, 'works'), JSON.stringify(works));
  await writeWhole(fileOf(dir, digest, 'html'), html);
}

/** Deletes the renderings no stored essay names any more (an essay's earlier versions, a deleted essay's). */
export async function pruneEssayHtml(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const files = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(files.filter((f) => !keep.has(f.slice(0, f.indexOf('.')))).map((f) => rm(path.join(dir, f), { force: true })));
}

/** The folder the content loader of this process keeps the renderings in (essayHtmlDir()). */
function keptDir(essay: string): string {
  const dir = process.env[ESSAY_HTML_ENV];
  if (!dir) throw new Error(`${essay}: the content loader has not run in this process, so its rendering cannot be found.`);
  return dir;
}

async function readKept(dir: string, digest: string, essay: string, kind: keyof typeof KINDS): Promise<string> {
  try {
    return await readFile(fileOf(dir, digest, kind), 'utf8');
  } catch (cause) {
    throw new Error(`${essay}: its rendering is missing from ${dir} (was the cache folder emptied during the build?); build again.`, {
      cause,
    });
  }
}

/** An essay's rendered HTML, for its page. */
export function readEssayHtml(digest: string, essay: string): Promise<string> {
  return readKept(keptDir(essay), digest, essay, 'html');
}

/** The works an essay's bibliography lists, for its page, or for its downloads in the loader (which names its `dir`). */
export async function readEssayWorks(digest: string, essay: string, dir = keptDir(essay)): Promise<CslItem[]> {
  return JSON.parse(await readKept(dir, digest, essay, 'works')) as CslItem[];
}
