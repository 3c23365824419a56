import type { APIRoute } from 'astro';
import { renderCard } from '../build/cards/index.ts';
import { cardFooter } from '../lib/meta.ts';
import { SITE } from '../lib/site.ts';

/** The site's own link-preview card, for the home and search pages. */
export const GET: APIRoute = async ({ site }) => {
  const png = await renderCard({ title: SITE.description, footer: cardFooter(SITE.name, site), lang: SITE.lang }, 'the site card');
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
