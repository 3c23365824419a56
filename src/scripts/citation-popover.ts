/**
 * Citation previews: hovering, focusing or tapping an in-text citation shows
 * its full entry, taken from the rendered bibliography (never formatted twice),
 * in one shared popover. It is the links' description for screen readers, it
 * closes with Escape or a tap elsewhere (Popover API light dismiss), it never
 * takes focus, and it stays on screen down to 320 px. Without JavaScript a
 * citation is simply a link to its entry.
 */
const HIDE_DELAY = 250;
import type { ClientStrings } from '../lib/ui-strings.ts';

// The page's words, in its language (the JSON named by <html data-ui-strings>).
const WORDS = ((await (await fetch(document.documentElement.dataset.uiStrings!)).json()) as ClientStrings).preview;

/**
 * Sets the previews up (loaded by citation-preview.ts when a reader first
 * points at or focuses a citation); returns the way to preview a link at once,
 * for the one that brought it.
 */
export function setUp(links: HTMLAnchorElement[]): (link: HTMLAnchorElement, tapped?: boolean) => void {
  const preview = document.createElement('div');
  preview.id = 'citation-preview';
  preview.className = 'citation-preview';
  preview.setAttribute('popover', 'auto');
  preview.setAttribute('role', 'tooltip');
  // Inside <main>, so that it belongs to a landmark like the rest of the page.
  (document.querySelector('main') ?? document.body).append(preview);

  let current: HTMLAnchorElement | undefined;
  let hideTimer: number | undefined;
  let touched = false;
  // A backlink lands on its citation (and may focus it): that is arriving, not asking for a preview.
  let arrived = 0;
  addEventListener('hashchange', () => (arrived = performance.now()));
  document.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('a.backlink')) arrived = performance.now();
  });
  const justArrivedAt = (link: HTMLAnchorElement) => performance.now() - arrived < 1000 && location.hash === `#${link.id}`;

  const show = (link: HTMLAnchorElement) => {
    window.clearTimeout(hideTimer);
    const entry = document.getElementById(link.hash.slice(1));
    if (!entry) return;
    if (current !== link) {
      preview.replaceChildren(...entryContent(entry), goToEntry(link.hash));
      current?.removeAttribute('aria-describedby');
      current = link;
    }
    link.setAttribute('aria-describedby', preview.id);
    if (!preview.matches(':popover-open')) preview.showPopover();
    place(preview, link);
  };
  const hide = () => {
    window.clearTimeout(hideTimer);
    if (preview.matches(':popover-open')) preview.hidePopover();
  };
  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };

  for (const link of links) {
    link.addEventListener('mouseenter', () => show(link));
    link.addEventListener('mouseleave', hideSoon);
    link.addEventListener('focus', () => {
      // The keyboard's focus only (a click previews on hover already), and not on arriving from a backlink.
      if (link.matches(':focus-visible') && !justArrivedAt(link)) show(link);
    });
    link.addEventListener('blur', (event) => {
      if (!preview.contains(event.relatedTarget as Node | null)) hideSoon();
    });
    link.addEventListener('pointerdown', (event) => {
      touched = event.pointerType === 'touch' || event.pointerType === 'pen';
    });
    link.addEventListener('click', (event) => {
      // A first tap previews; the preview's own link goes to the entry.
      if (touched && !(current === link && preview.matches(':popover-open'))) {
        event.preventDefault();
        show(link);
      }
      touched = false;
    });
  }
  preview.addEventListener('mouseenter', () => window.clearTimeout(hideTimer));
  preview.addEventListener('mouseleave', hideSoon);
  preview.addEventListener('focusout', (event) => {
    if (event.relatedTarget !== current && !preview.contains(event.relatedTarget as Node | null)) hideSoon();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && preview.matches(':popover-open')) hide();
  });
  preview.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'closed') current?.removeAttribute('aria-describedby');
  });
  window.addEventListener('resize', hide);
  return (link, tapped = false) => {
    if (tapped || link.matches(':hover') || (link.matches(':focus-visible') && !justArrivedAt(link))) show(link);
  };
}

/** The entry's formatted text, without its backlinks or ids (they would be duplicated). */
function entryContent(entry: HTMLElement): Node[] {
  const copy = entry.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.backlinks').forEach((node) => node.remove());
  copy.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
  const text = document.createElement('p');
  text.className = 'citation-preview-entry';
  text.append(...copy.childNodes);
  return [text];
}

function goToEntry(hash: string): HTMLElement {
  const link = document.createElement('a');
  link.href = hash;
  link.className = 'citation-preview-go';
  link.textContent = WORDS.goToEntry;
  return link;
}

/** Below the link when there is room, else above; never past the viewport's edges. */
function place(preview: HTMLElement, link: HTMLElement) {
  const margin = 8;
  const target = link.getBoundingClientRect();
  const width = Math.min(448, window.innerWidth - 2 * margin);
  preview.style.width = `${width}px`;
  const height = preview.offsetHeight;
  const below = target.bottom + margin;
  const top = below + height <= window.innerHeight - margin ? below : Math.max(margin, target.top - margin - height);
  const left = Math.min(Math.max(margin, target.left), window.innerWidth - width - margin);
  preview.style.top = `${top}px`;
  preview.style.left = `${left}px`;
}
