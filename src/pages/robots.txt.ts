import type { APIRoute } from 'astro';
import { withBase } from '../lib/site.ts';

/** Everything may be crawled; the sitemap is under the site's base, as every page is. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: ${withBase('/')}\n\nSitemap: ${new URL(withBase('/sitemap-index.xml'), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
