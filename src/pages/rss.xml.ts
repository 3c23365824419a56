import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { essayPath, essayRevised, getEssays } from '../data/essays.ts';
import type { CalendarDate } from '../lib/dates.ts';
import { SITE, withBase } from '../lib/site.ts';

/** An RSS feed of the essays, newest first (the newest `feed.limit` of them, if set), linked from every page's head. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs: the feed needs `site` (or SITE_URL) to give the essays’ addresses.');
  const essays = (await getEssays()).slice(0, SITE.feed.limit);
  return rss({
    title: SITE.feed.title ?? SITE.name,
    description: SITE.feed.description ?? SITE.description,
    // The channel's link is the site's home page, under its base.
    site: new URL(withBase('/'), site),
    customData: `<language>${SITE.lang}</language>`,
    // RSS 2.0 has no date of revision; Atom's <updated> (RFC 4287 §4.2.15) says it, as feed readers read it inside RSS items.
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    items: essays.map((essay) => ({
      title: essay.data.title,
      description: essay.data.description,
      link: essayPath(essay.id),
      pubDate: essay.data.written.date,
      categories: essay.data.tags,
      ...revisedElement(essayRevised(essay)),
    })),
  });
};

/** `<atom:updated>`: a date-time, as Atom requires; the day's start in UTC, as the item's pubDate is. */
function revisedElement(revised: CalendarDate | undefined): { customData?: string } {
  return revised ? { customData: `<atom:updated>${revised.date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</atom:updated>` } : {};
}
