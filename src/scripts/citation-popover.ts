/**
 * Previews in one shared popover: hovering, focusing or tapping an in-text
 * citation shows its full entry, taken from the rendered bibliography (never
 * formatted twice), and a note reference shows its note, unless the note
 * stands beside it already as a sidenote. The popover is the link's
 * description for screen readers, it closes with Escape or a tap elsewhere
 * (Popover API light dismiss), it never takes focus, and it stays on screen
 * down to 320 px. Without JavaScript a citation or a note reference is simply
 * a link to what it names.
 *
 * The links are found by delegation from the document, not one listener per
 * link, so that links added after the page loaded (the citations inside
 * sidenotes, src/scripts/sidenotes.ts) preview too.
 */
const HIDE_DELAY = 250;
import type { ClientStrings } from '../lib/ui-strings.ts';

// The page's words, in its language (the JSON named by <html data-ui-strings>).
const WORDS = ((await (await fetch(document.documentElement.dataset.uiStrings!)).json()) as ClientStrings).preview;

/** One kind of link the popover previews. */
interface Kind {
  selector: string;
  /** What the preview shows for a link, or nothing when there is nothing to show. */
  content(link: HTMLAnchorElement): Node[] | undefined;
  /** The words of the preview's own link to what it shows. */
  go(link: HTMLAnchorElement): string;
}

const CITATIONS: Kind = {
  selector: '.citation a[href^="#bib-"]',
  content: (link) => {
    const entry = targetOf(link);
    return entry ? [paragraph(entry, 'p')] : undefined;
  },
  go: () => WORDS.goToEntry,
};

const NOTES: Kind = {
  selector: 'a[data-footnote-ref]',
  content: (link) => {
    const note = targetOf(link);
    // Where the note stands beside this reference (src/scripts/sidenotes.ts), it is read there.
    if (!note || besideIt(link, note)) return undefined;
    return [paragraph(note, 'div')];
  },
  go: () => WORDS.goToNote,
};

type Preview = (link: HTMLAnchorElement, tapped?: boolean) => void;
let popover: { kinds: Kind[]; preview: Preview } | undefined;

/**
 * Sets the citation previews up (loaded by citation-preview.ts when a reader
 * first points at or focuses a citation); returns the way to preview a link
 * at once, for the one that brought it.
 */
export function setUp(): Preview {
  return enable(CITATIONS);
}

/** Sets the note previews up (from Sidenotes.astro, with the page), sharing the citations' popover. */
export function setUpNotes(): Preview {
  return enable(NOTES);
}

function enable(kind: Kind): Preview {
  popover ??= create();
  if (!popover.kinds.includes(kind)) popover.kinds.push(kind);
  return popover.preview;
}

function create(): { kinds: Kind[]; preview: Preview } {
  const kinds: Kind[] = [];
  const preview = document.createElement('div');
  preview.id = 'citation-preview';
  preview.className = 'citation-preview';
  preview.setAttribute('popover', 'auto');
  preview.setAttribute('role', 'tooltip');
  // Inside <main>, so that it belongs to a landmark like the rest of the page.
  (document.querySelector('main') ?? document.body).append(preview);

  let current: HTMLAnchorElement | undefined;
  // What the current link was described by before (a note reference: GFM's "Notes" heading).
  let describedBy: string | null = null;
  let hideTimer: number | undefined;
  let touched = false;
  // A backlink lands on its citation (and may focus it): that is arriving, not asking for a preview.
  let arrived = 0;
  addEventListener('hashchange', () => (arrived = performance.now()));
  document.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('a.backlink, a[data-footnote-backref]')) arrived = performance.now();
  });
  const justArrivedAt = (link: HTMLAnchorElement) => performance.now() - arrived < 1000 && location.hash === `#${link.id}`;

  const match = (target: EventTarget | null): { link: HTMLAnchorElement; kind: Kind } | undefined => {
    for (const kind of kinds) {
      const link = (target as Element | null)?.closest?.<HTMLAnchorElement>(kind.selector);
      if (link && !preview.contains(link)) return { link, kind };
    }
    return undefined;
  };

  const release = () => {
    if (!current) return;
    if (describedBy === null) current.removeAttribute('aria-describedby');
    else current.setAttribute('aria-describedby', describedBy);
  };
  const show = (link: HTMLAnchorElement, kind: Kind) => {
    const content = kind.content(link);
    // Nothing to preview here (the note is beside its reference): any other preview is done with too.
    if (!content) return hide();
    window.clearTimeout(hideTimer);
    if (current !== link) {
      release();
      preview.replaceChildren(...content, goTo(link.hash, kind.go(link)));
      current = link;
      describedBy = link.getAttribute('aria-describedby');
    }
    link.setAttribute('aria-describedby', preview.id);
    if (!preview.matches(':popover-open')) preview.showPopover();
    place(preview, link);
  };
  const hide = () => {
    window.clearTimeout(hideTimer);
    if (!preview.matches(':popover-open')) return;
    preview.hidePopover();
    // At once: the toggle event (which a light dismiss also sends) comes a task later.
    release();
  };
  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };

  // A mouse's hover; a touch's pointer events would open the preview just before its tap's click, which then followed the link.
  document.addEventListener('pointerover', (event) => {
    const found = match(event.target);
    if (event.pointerType === 'mouse' && found && !found.link.contains(event.relatedTarget as Node | null)) show(found.link, found.kind);
  });
  document.addEventListener('pointerout', (event) => {
    const found = match(event.target);
    if (event.pointerType === 'mouse' && found && !found.link.contains(event.relatedTarget as Node | null)) hideSoon();
  });
  document.addEventListener('focusin', (event) => {
    const found = match(event.target);
    // The keyboard's focus only (a click previews on hover already), and not on arriving from a backlink.
    if (found?.link.matches(':focus-visible') && !justArrivedAt(found.link)) show(found.link, found.kind);
  });
  // Focus that moves on closes the preview at once (the delay is for a pointer on its way to the preview):
  // a reader holding Tab would otherwise reach the still-open preview at the end of <main>, and be sent
  // back when it closed.
  const focusLeft = (to: EventTarget | null) => {
    if (to !== current && !preview.contains(to as Node | null) && !preview.matches(':hover')) hide();
  };
  document.addEventListener('focusout', (event) => {
    if (match(event.target)) focusLeft(event.relatedTarget);
  });
  document.addEventListener('pointerdown', (event) => {
    if (match(event.target)) touched = event.pointerType === 'touch' || event.pointerType === 'pen';
  });
  document.addEventListener('click', (event) => {
    const found = match(event.target);
    if (!found) return;
    // A first tap previews; the preview's own link goes to the entry or note.
    if (touched && !(current === found.link && preview.matches(':popover-open')) && found.kind.content(found.link)) {
      event.preventDefault();
      show(found.link, found.kind);
    }
    touched = false;
  });
  preview.addEventListener('mouseenter', () => window.clearTimeout(hideTimer));
  preview.addEventListener('mouseleave', hideSoon);
  preview.addEventListener('focusout', (event) => focusLeft(event.relatedTarget));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && preview.matches(':popover-open')) hide();
  });
  preview.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'closed') release();
  });
  window.addEventListener('resize', hide);
  return {
    kinds,
    preview: (link, tapped = false) => {
      const found = match(link);
      if (!found) return;
      if (tapped || link.matches(':hover') || (link.matches(':focus-visible') && !justArrivedAt(link))) show(link, found.kind);
    },
  };
}

/** Whether a note is shown in the margin beside this reference (a second reference to it is elsewhere). */
function besideIt(link: HTMLAnchorElement, note: HTMLElement): boolean {
  return link.hasAttribute('data-sidenote-beside') && note.classList.contains('sidenote-margin') && note.getClientRects().length > 0;
}

/** The element a link names (an entry, or a note wherever it stands now). */
function targetOf(link: HTMLAnchorElement): HTMLElement | null {
  return document.getElementById(decodeURIComponent(link.hash.slice(1)));
}

/** An entry's or a note's text, without its links back or ids (they would be duplicated). */
function paragraph(source: HTMLElement, tag: 'p' | 'div'): HTMLElement {
  const copy = source.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.backlinks, [data-footnote-backref], .sidenote-number').forEach((node) => node.remove());
  copy.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
  const text = document.createElement(tag);
  text.className = 'citation-preview-entry';
  // The preview sits in the page's direction; an entry sets its own (`dir="auto"` on an Arabic or Hebrew
  // page, src/plugins/rehype-citations.ts), so that an English work keeps its full stop on the right there too.
  if (source.dir) text.dir = source.dir;
  text.append(...copy.childNodes);
  return text;
}

function goTo(hash: string, words: string): HTMLElement {
  const link = document.createElement('a');
  link.href = hash;
  link.className = 'citation-preview-go';
  link.textContent = words;
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
