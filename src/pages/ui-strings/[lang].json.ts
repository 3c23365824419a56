import type { APIRoute, GetStaticPaths } from 'astro';
import { getEssays } from '../../data/essays.ts';
import { uiStringsFile } from '../../lib/client-urls.ts';
import { SITE } from '../../lib/site.ts';
import { uiStrings } from '../../lib/ui-strings.ts';

/**
 * The words the browser's scripts show, one JSON file per language a page of
 * the site is in (by primary subtag: an essay in `ru-RU` reads ru.json; a
 * language with no table of its own gets English words under its own name),
 * fetched by a script when it first speaks (the URL is on <html>: src/lib/client-urls.ts).
 */
export const getStaticPaths = (async () => {
  const languages = new Set([SITE.lang, ...(await getEssays()).map((essay) => essay.data.lang)].map(uiStringsFile));
  return [...languages].map((lang) => ({ params: { lang } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(uiStrings(params.lang!).client), { headers: { 'Content-Type': 'application/json' } });
