/**
 * Note previews load when a reader first points at, focuses or touches a note
 * reference, as citation previews do (citation-preview.ts), and share their
 * popover (citation-popover.ts). Only pages with notes load this. Until then,
 * and without JavaScript, a reference is a link to its note.
 */
const SELECTOR = 'a[data-footnote-ref]';

if (document.querySelector(SELECTOR) && 'showPopover' in HTMLElement.prototype) {
  type Preview = (link: HTMLAnchorElement, tapped?: boolean) => void;
  let ready: Promise<Preview> | undefined;
  let loaded = false;
  const load = () =>
    (ready ??= import('./citation-popover.ts').then(({ setUpNotes }) => {
      loaded = true;
      return setUpNotes();
    }));
  const reference = (event: Event) => (event.target as Element | null)?.closest?.<HTMLAnchorElement>(SELECTOR) ?? null;
  const wake = (event: Event) => {
    const link = reference(event);
    // Focus that lands with a backlink's jump to the reference is arriving, not asking for a preview.
    if (!link || (event.type === 'focusin' && location.hash === `#${link.id}`)) return;
    void load().then((preview) => event.type !== 'touchstart' && preview(link));
  };
  for (const type of ['pointerover', 'focusin', 'touchstart']) document.addEventListener(type, wake, { passive: true });
  // A tap before the previews have loaded previews too (unless the note stands beside it: then it goes there).
  let touched = false;
  document.addEventListener('pointerdown', (event) => (touched = event.pointerType !== 'mouse'));
  document.addEventListener('click', (event) => {
    const link = reference(event);
    if (!link || loaded || !touched) return;
    const note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (link.hasAttribute('data-sidenote-beside') && note?.classList.contains('sidenote-margin') && note.getClientRects().length > 0)
      return;
    event.preventDefault();
    void load().then((preview) => preview(link, true));
  });
}

export {};
