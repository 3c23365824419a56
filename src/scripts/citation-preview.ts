/**
 * Citation previews load when a reader first points at, focuses or touches a
 * citation (citation-popover.ts), not with the page: most readers of a page
 * never hover one. Until then, and without JavaScript, a citation is simply a
 * link to its entry.
 */
const SELECTOR = '.citation a[href^="#bib-"]';
const links = [...document.querySelectorAll<HTMLAnchorElement>(SELECTOR)];

if (links.length > 0 && 'showPopover' in HTMLElement.prototype) {
  let ready: Promise<(link: HTMLAnchorElement, tapped?: boolean) => void> | undefined;
  let loaded = false;
  const load = () =>
    (ready ??= import('./citation-popover.ts').then(({ setUp }) => {
      loaded = true;
      return setUp();
    }));
  const citation = (event: Event) => (event.target as Element | null)?.closest?.<HTMLAnchorElement>(SELECTOR) ?? null;
  const wake = (event: Event) => {
    const link = citation(event);
    // Focus that lands with a backlink's jump to the citation is arriving, not asking for a preview.
    if (!link || (event.type === 'focusin' && location.hash === `#${link.id}`)) return;
    void load().then((preview) => event.type !== 'touchstart' && preview(link));
  };
  for (const type of ['pointerover', 'focusin', 'touchstart']) document.addEventListener(type, wake, { passive: true });
  // A tap that comes before the previews have loaded previews too, as every later first tap does.
  let touched = false;
  document.addEventListener('pointerdown', (event) => (touched = event.pointerType !== 'mouse'));
  document.addEventListener('click', (event) => {
    const link = citation(event);
    if (!link || loaded || !touched) return;
    event.preventDefault();
    void load().then((preview) => preview(link, true));
  });
}

// A module, so that its names stay its own.
export {};
