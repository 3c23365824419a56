import type { APIRoute } from 'astro';
import { renderCard } from '../lib/cards.ts';
import { cardFooter } from '../data/meta.ts';
import { SITE } from '../lib/site.ts';

/** The site's own link-preview card, for the home and search pages. */
export const GET: APIRoute = async ({ site }) => {
  const png = await renderCard({ title: SITE.description, footer: cardFooter(SITE.name, site), lang: SITE.lang }, 'the site card');
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
