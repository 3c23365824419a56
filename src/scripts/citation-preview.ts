/**
 * Citation previews load when a reader first points at, focuses or touches a
 * citation (citation-popover.ts), not with the page: most readers of a page
 * never hover one. Until then, and without JavaScript, a citation is simply a
 * link to its entry.
 */
const SELECTOR = '.citation a[href^="#bib-"]';
const links = [...document.querySelectorAll<HTMLAnchorElement>(SELECTOR)];

if (links.length > 0 && 'showPopover' in HTMLElement.prototype) {
  let ready: Promise<(link: HTMLAnchorElement) => void> | undefined;
  const wake = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>(SELECTOR);
    // Focus that lands with a backlink's jump to the citation is arriving, not asking for a preview.
    if (!link || (event.type === 'focusin' && location.hash === `#${link.id}`)) return;
    ready ??= import('./citation-popover.ts').then(({ setUp }) => setUp(links));
    void ready.then((preview) => preview(link));
  };
  for (const type of ['pointerover', 'focusin', 'touchstart']) document.addEventListener(type, wake, { passive: true });
}

// A module, so that its names stay its own.
export {};
