/**
 * Addresses that link previews see. Chat apps and social sites drop a URL's
 * #fragment, so a shared section needs an address of its own: a small page at
 * `/essays/<essay>/s/<section>/` that carries the section's card and forwards
 * the reader to `/essays/<essay>/#<section>`. Like the section ids they are
 * named after, these addresses are public links and must never change.
 *
 * Plain string functions: the Markdown pipeline (heading buttons), the pages
 * and the sharing integration (which writes share pages and cards) agree on
 * these addresses through them.
 */

/** Link-preview cards are 1200×630, the size Open Graph and X render largest. */
export const CARD = { width: 1200, height: 630 } as const;

/** A section's share page, under its essay's address (e.g. `/essays/x/`). */
export function sharePath(essayPath: string, sectionId: string): string {
  return `${essayPath}s/${encodeURIComponent(sectionId)}/`;
}

/** The card image of a page: the site's (`/`), an essay's or a share page's. */
export function cardPath(pagePath: string): string {
  return `${pagePath}card.png`;
}
