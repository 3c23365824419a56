import { type CollectionEntry, getCollection } from 'astro:content';

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
