import path from 'node:path';
import { type CollectionEntry, getCollection } from 'astro:content';
import { type Bibliography, loadBibliography } from './bibliography.ts';
import type { EssayFacts } from './essay-record.ts';
import { SITE } from './site.ts';

export type Essay = CollectionEntry<'essays'>;

/** Published essays, newest first; drafts too while running `astro dev`. */
export async function getEssays(): Promise<Essay[]> {
  const essays = await getCollection('essays', ({ data }) => import.meta.env.DEV || !data.draft);
  return essays.sort((a, b) => b.data.written.date.getTime() - a.data.written.date.getTime());
}

/** An essay's public URL. It is a share link: it must never change. */
export function essayPath(id: string): string {
  return `/essays/${id}/`;
}

/** The essay's source file, absolute. */
function sourceFile(essay: Essay): string {
  return path.resolve(essay.filePath ?? path.join('content/essays', essay.id, 'index.md'));
}

/** The essay's parsed .bib (cached), or undefined when it has none. */
export async function essayBibliography(essay: Essay): Promise<Bibliography | undefined> {
  const { bibliography } = essay.data;
  if (!bibliography) return undefined;
  const file = sourceFile(essay);
  return loadBibliography(path.resolve(path.dirname(file), bibliography), file);
}

/** What the essay's own citation record is made from. `site` is Astro's configured `site`. */
export function essayFacts(essay: Essay, site: URL | undefined): EssayFacts {
  const { data } = essay;
  return {
    slug: essay.id,
    title: data.title,
    description: data.description,
    author: data.author,
    written: data.written,
    lang: data.lang,
    csl: data.csl,
    url: new URL(essayPath(essay.id), site),
    siteName: SITE.name,
    file: sourceFile(essay),
  };
}
