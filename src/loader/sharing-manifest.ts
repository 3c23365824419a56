import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Section } from '../plugins/contracts.ts';

/**
 * What the build needs to give every essay and section its share page and
 * link-preview card, and every essay its citation downloads, as the loader
 * found it: written by the loader after each
 * content sync into Astro's cache folder, read by the sharing integration
 * (src/integrations/sharing.ts), which writes the files without rendering a
 * page through Astro for each. Paths include the site's base.
 */
export interface SharingManifest {
  essays: SharedEssay[];
}

export interface SharedEssay {
  id: string;
  /** The essay's URL path, e.g. `/essays/the-july-days/`. */
  path: string;
  title: string;
  description: string;
  lang: string;
  /** The essay's own authors' names, as the page shows them (none when it names none). */
  authors?: string[] | undefined;
  tags: string[];
  /** When it was written, ISO 8601, as precisely as the author dated it. */
  published: string;
  /** When it was last revised, if it was, likewise (the sitemap's `lastmod`). */
  modified?: string | undefined;
  sections: Section[];
  /** The "Cite this essay" files (`cite.bib`, `references.json`…), written beside the essay page. */
  downloads: { file: string; type: string; body: string }[];
}

function manifestFile(cacheDir: URL): string {
  return fileURLToPath(new URL('essay-publisher/sharing.json', cacheDir));
}

export async function writeSharingManifest(cacheDir: URL, manifest: SharingManifest): Promise<void> {
  const file = manifestFile(cacheDir);
  await mkdir(new URL('essay-publisher/', cacheDir), { recursive: true });
  // Written whole, then moved into place, so that a reader never sees half of it.
  await writeFile(`${file}.tmp`, JSON.stringify(manifest));
  await rename(`${file}.tmp`, file);
}

/**
 * The sitemap's `serialize` (astro.config.mjs): each essay's entry with its
 * `lastmod`, the date it was last revised or else written, from the manifest
 * of the build whose cache folder the sharing integration was told of
 * (useCacheDir). The sitemap integration writes its files as the build ends,
 * after the content sync wrote the manifest.
 */
export function withLastModified<T extends { url: string; lastmod?: string | undefined }>(item: T): T {
  dates ??= (() => {
    const found = new Map<string, string>();
    if (!cacheDirInUse) return found;
    try {
      const { essays } = JSON.parse(readFileSync(manifestFile(cacheDirInUse), 'utf8')) as SharingManifest;
      // By the path as the sitemap writes it, percent-encoded (a slug may be Persian or Japanese).
      for (const essay of essays)
        found.set(new URL(essay.path.normalize('NFC'), 'https://site.invalid').pathname, essay.modified ?? essay.published);
    } catch {
      // No manifest: no dates, as before.
    }
    return found;
  })();
  const lastmod = dates.get(new URL(item.url).pathname);
  return lastmod ? { ...item, lastmod } : item;
}

let cacheDirInUse: URL | undefined;
let dates: Map<string, string> | undefined;

/** Tells withLastModified where this build's manifest is (the sharing integration, once Astro's config is done). */
export function useCacheDir(cacheDir: URL): void {
  cacheDirInUse = cacheDir;
  dates = undefined;
}

export async function readSharingManifest(cacheDir: URL): Promise<SharingManifest> {
  try {
    return JSON.parse(await readFile(manifestFile(cacheDir), 'utf8')) as SharingManifest;
  } catch (error) {
    throw new Error('The essays’ sharing manifest is missing: the content loader writes it when it syncs the essays.', { cause: error });
  }
}
