import { createHash } from 'node:crypto';
import { cspContent } from '../lib/csp.ts';
import { textDirection } from '../lib/direction.ts';
import { type ArticleMeta, type MetaTag, socialMeta } from '../lib/social-meta.ts';
import type { UiStrings } from '../lib/ui-strings.ts';

export interface SharePage {
  /** The section's heading. */
  section: string;
  essay: string;
  description: string;
  lang: string;
  /** Where the reader goes at once: the section on the essay page (a path with its #id). */
  target: string;
  /** The share page's own path, and its card's. */
  path: string;
  image: string;
  /** What the card shows, for readers who cannot see it: `<section> — <essay> — <site>` unless given. */
  imageAlt?: string;
  article: ArticleMeta;
  siteName: string;
  /** The site's address, for absolute URLs. */
  site: URL;
  /** The site's favicon, a path (with the base). */
  favicon: string;
  strings: UiStrings;
}

/** The only style of a share page, which a reader sees for a moment (or without refresh): hashed for the CSP. */
const STYLE = 'body{max-width:40rem;margin:3rem auto;padding:0 1.5rem;font-family:system-ui,sans-serif;line-height:1.5}';
const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/**
 * A section's share page, for link previews. Chat apps and social sites
 * ignore #fragments, so a section needs an address of its own to get its own
 * card; this page is that address, and sends readers straight on to the
 * section with a meta refresh (no JavaScript). Search engines are told to
 * leave it out (noindex, and a canonical link to the section), and so are the
 * site's search (no `data-pagefind-body`) and its sitemap (it is not one of
 * Astro's pages). A few hundred bytes from a template: no page render.
 */
export function sharePageHtml(page: SharePage): string {
  const title = `${page.section} — ${page.essay}`;
  const target = new URL(page.target, page.site);
  const tags = socialMeta({
    title,
    description: page.description,
    url: new URL(page.path, page.site),
    image: new URL(page.image, page.site),
    imageAlt: page.imageAlt ?? `${title} — ${page.siteName}`,
    siteName: page.siteName,
    lang: page.lang,
    article: page.article,
  });
  return (
    // The direction too, as the essay page gives it (src/layouts/Base.astro): an Arabic page reads from the right.
    `<!DOCTYPE html><html lang="${attribute(page.lang)}" dir="${textDirection(page.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="refresh" content="0; url=${attribute(page.target)}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${text(title)}</title>` +
    `<meta name="description" content="${attribute(page.description)}">` +
    '<meta name="robots" content="noindex"><meta name="color-scheme" content="light dark">' +
    `<link rel="canonical" href="${attribute(target.href)}">` +
    `<link rel="icon" href="${attribute(page.favicon)}" type="image/svg+xml">` +
    tags.map(metaElement).join('') +
    `<meta http-equiv="content-security-policy" content="${attribute(cspContent({ styles: [STYLE_HASH] }))}">` +
    `<style>${STYLE}</style></head><body><main>` +
    `<h1>${text(page.section)}</h1>` +
    `<p>${page.strings.sectionOf(`<cite>${text(page.essay)}</cite>`)}</p>` +
    `<p><a href="${attribute(page.target)}">${text(page.strings.readSection(page.section))}</a></p>` +
    '</main></body></html>'
  );
}

function metaElement(tag: MetaTag): string {
  const [key, value] = 'property' in tag ? ['property', tag.property] : ['name', tag.name];
  return `<meta ${key}="${attribute(value)}" content="${attribute(tag.content)}">`;
}

function text(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function attribute(value: string): string {
  return text(value).replaceAll('"', '&quot;');
}
