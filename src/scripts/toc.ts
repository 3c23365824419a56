/**
 * Reading progress in the table of contents: the section being read is
 * marked (`aria-current`) and, in a list taller than the window, scrolled
 * into view within it, the rule beside each section fills as far as it
 * has been read (`--read`, 0 to 1), and on wide screens the <details> is
 * open (CSS shows it open already; this keeps its state true for screen
 * readers, and opens it where ::details-content is not supported).
 *
 * It follows the scroll position, not IntersectionObserver: near the end of
 * the page the last sections can never reach a line at the top of the
 * viewport, so which one is being read depends on how far the page can
 * scroll, which observers do not report. The work per scroll is a few
 * rectangles, once per frame.
 */
export {};

const toc = document.querySelector<HTMLElement>('nav.toc');
const links = new Map<string, HTMLAnchorElement>();
for (const link of toc?.querySelectorAll<HTMLAnchorElement>('a[href^="#"]') ?? []) {
  links.set(decodeURIComponent(link.hash.slice(1)), link);
}
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
const end = document.querySelector('.cite-this') ?? document.querySelector('.essay-body')?.lastElementChild;

/** A section is being read once its heading passes this far down the viewport. */
const READING_LINE = 1 / 3;
const wide = matchMedia('(min-width: 64em)');

function inView(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  return bottom > 0 && top < innerHeight;
}

/** The section a node is in: the last heading at or before it. */
function sectionOf(node: Node): HTMLElement | undefined {
  return headings.findLast((h) => h === node || h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
}

function current(): HTMLElement | undefined {
  const atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
  if (atEnd) {
    // At the end, a linked-to section (or citation) in view wins; else the last heading in view.
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && inView(target)) return sectionOf(target);
  }
  const line = atEnd ? innerHeight : innerHeight * READING_LINE;
  // Not a heading the page hides (the notes' on a wide screen, where they are in the margin).
  return headings.findLast((h) => h.offsetParent && h.getBoundingClientRect().top <= line);
}

let marked: HTMLAnchorElement | undefined;
let frame = 0;

function update(): void {
  frame = 0;
  const heading = current();
  const at = heading ? headings.indexOf(heading) : -1;
  const line = innerHeight * READING_LINE;
  headings.forEach((h, i) => {
    let read = i < at ? 1 : 0;
    if (i === at) {
      const top = h.getBoundingClientRect().top;
      const next = headings[i + 1] ?? end;
      const bottom = next ? next.getBoundingClientRect().top : top + 1;
      read = Math.min(1, Math.max(0, (line - top) / Math.max(1, bottom - top)));
    }
    links.get(h.id)?.parentElement?.style.setProperty('--read', read.toFixed(3));
  });
  const link = heading ? links.get(heading.id) : undefined;
  if (link === marked) return;
  marked?.removeAttribute('aria-current');
  link?.setAttribute('aria-current', 'true');
  marked = link;
  // On a wide screen a long contents list scrolls in its own box: the entry being read is kept in view, in the
  // middle, unless the reader is in the list (pointer or focus), scrolling it themselves.
  if (link && toc && !toc.matches(':hover,:focus-within')) {
    const box = toc.getBoundingClientRect();
    const entry = link.getBoundingClientRect();
    if (entry.top < box.top || entry.bottom > box.bottom) toc.scrollTop += entry.top - box.top - (box.height - entry.height) / 2;
  }
}

function schedule(): void {
  frame ||= requestAnimationFrame(update);
}

function openIfWide(): void {
  const details = toc?.querySelector('details');
  if (details && wide.matches) details.open = true;
}

if (headings.length > 0) {
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  addEventListener('hashchange', schedule);
  addEventListener('load', schedule);
  wide.addEventListener('change', openIfWide);
  openIfWide();
  update();
}
