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

export async function readSharingManifest(cacheDir: URL): Promise<SharingManifest> {
  try {
    return JSON.parse(await readFile(manifestFile(cacheDir), 'utf8')) as SharingManifest;
  } catch (error) {
    throw new Error('The essays’ sharing manifest is missing: the content loader writes it when it syncs the essays.', { cause: error });
  }
}
