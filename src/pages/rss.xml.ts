import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { essayPath, essayRevised, getEssays } from '../data/essays.ts';
import type { CalendarDate } from '../lib/dates.ts';
import { SITE, withBase } from '../lib/site.ts';

/**
 * An RSS feed of the essays, newest first (the newest `feed.limit` of them, if set), linked from every page's head.
 * It names its own address (`atom:link rel="self"`, as the W3C's validator asks), and the language of each
 * essay written in another language than the site's (`dc:language`, which feed readers read per item; RSS's
 * own `<language>` is the channel's).
 */
export const GET: APIRoute = async ({ site, url }) => {
  if (!site) throw new Error('astro.config.mjs: the feed needs `site` (or SITE_URL) to give the essays’ addresses.');
  const essays = (await getEssays()).slice(0, SITE.feed.limit);
  return rss({
    title: SITE.feed.title ?? SITE.name,
    description: SITE.feed.description ?? SITE.description,
    // The channel's link is the site's home page, under its base.
    site: new URL(withBase('/'), site),
    customData: `<language>${SITE.lang}</language><atom:link href="${new URL(url.pathname, site).href}" rel="self" type="application/rss+xml"/>`,
    // RSS 2.0 has no date of revision; Atom's <updated> (RFC 4287 §4.2.15) says it, as feed readers read it inside RSS items.
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    items: essays.map((essay) => ({
      title: essay.data.title,
      description: essay.data.description,
      link: essayPath(essay.id),
      pubDate: essay.data.written.date,
      categories: essay.data.tags,
      customData:
        [
          essay.data.lang.toLowerCase() === SITE.lang.toLowerCase() ? '' : `<dc:language>${essay.data.lang}</dc:language>`,
          revisedElement(essayRevised(essay)),
        ].join('') || undefined,
    })),
  });
};

/** `<atom:updated>`: a date-time, as Atom requires; the day's start in UTC, as the item's pubDate is. */
function revisedElement(revised: CalendarDate | undefined): string {
  return revised ? `<atom:updated>${revised.date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</atom:updated>` : '';
}
