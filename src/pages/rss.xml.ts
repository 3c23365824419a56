import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { essayPath, getEssays } from '../data/essays.ts';
import { SITE } from '../lib/site.ts';

/** An RSS feed of the essays, newest first, linked from every page's head. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs: the feed needs `site` (or SITE_URL) to give the essays’ addresses.');
  const essays = await getEssays();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site,
    customData: `<language>${SITE.lang}</language>`,
    items: essays.map((essay) => ({
      title: essay.data.title,
      description: essay.data.description,
      link: essayPath(essay.id),
      pubDate: essay.data.written.date,
      categories: essay.data.tags,
    })),
  });
};
