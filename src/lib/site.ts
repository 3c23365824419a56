import { parseSiteConfig, type SiteConfig } from './site-config.ts';

/**
 * The environment variable that carries the validated configuration from the
 * `essays()` integration (src/integrations/essays.ts) to the code that reads
 * it. Astro renders the pages in Vite's module graph, the content loader
 * renders essays in worker threads, and the integrations run in the config's
 * own module graph: three copies of this module, one process environment
 * (which worker threads inherit). The integration sets it when astro.config.mjs
 * calls `essays()`, before any page, loader or worker starts.
 */
export const SITE_CONFIG_ENV = 'ESSAY_SITE_CONFIG';

/** The site's configuration as `essays()` validated it; the defaults where no integration set one (unit tests). */
export function siteConfig(): SiteConfig {
  const json = typeof process === 'undefined' ? undefined : process.env[SITE_CONFIG_ENV];
  return json ? (JSON.parse(json) as SiteConfig) : parseSiteConfig({});
}

const config = siteConfig();

/**
 * Site-wide settings shown in the layout and in metadata, from `essays({ … })`
 * in astro.config.mjs (README, "Configuring the site"). `name` is the config's
 * `title` and `description` its `tagline`, under the names the pages have
 * always read.
 */
export const SITE = {
  name: config.title,
  description: config.tagline,
  /** Language of pages that are not an essay (home, search, 404). */
  lang: config.lang,
  /** Who writes here: the footer, and "Cite this essay" and metadata for an essay that names no `author`. */
  author: config.author,
  /** The terms the essays' text is published under, unless an essay names its own. */
  licence: config.licence,
  /** The public address, without the base path. */
  url: config.url,
  /** The path the site is served under: `/`, or `/essays-site/` (always with both slashes). */
  base: config.base,
  feed: config.feed,
} as const;

/** What the site's link-preview card shows (its tagline, over the site's name), for readers who cannot see it. */
export function siteCardAlt(site: Pick<SiteConfig, 'title' | 'tagline'> = config): string {
  return `${site.tagline} — ${site.title}`;
}

/**
 * A path of the site under its base: `withBase('/search/')` is `/search/` at
 * the root and `/essays-site/search/` under `/essays-site/`. Every link the
 * pages write to the site itself goes through this (or is relative).
 */
export function withBase(path: string, base: string = SITE.base): string {
  return `${base}${path.replace(/^\//, '')}`;
}
