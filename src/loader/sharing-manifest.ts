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
 * the sharing integration read as the build started (useManifest). The
 * sitemap integration writes its files as the build ends.
 */
export function withLastModified<T extends { url: string; lastmod?: string | undefined }>(item: T): T {
  const lastmod = lastModified.get(new URL(item.url).pathname);
  return lastmod ? { ...item, lastmod } : item;
}

/** Each essay's date for the sitemap, by its path as the sitemap writes it (percent-encoded: a slug may be Persian). */
let lastModified = new Map<string, string>();

/** Gives withLastModified this build's essays (the sharing integration, which reads the manifest anyway). */
export function useManifest({ essays }: SharingManifest): void {
  lastModified = new Map(
    essays.map((essay) => [new URL(essay.path.normalize('NFC'), 'https://site.invalid').pathname, essay.modified ?? essay.published]),
  );
}

export async function readSharingManifest(cacheDir: URL): Promise<SharingManifest> {
  try {
    return JSON.parse(await readFile(manifestFile(cacheDir), 'utf8')) as SharingManifest;
  } catch (error) {
    throw new Error('The essays’ sharing manifest is missing: the content loader writes it when it syncs the essays.', { cause: error });
  }
}
