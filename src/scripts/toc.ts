/**
 * Marks the section being read in the table of contents (`aria-current`).
 *
 * It follows the scroll position, not IntersectionObserver: near the end of
 * the page the last sections can never reach a line at the top of the
 * viewport, so which one is being read depends on how far the page can
 * scroll, which observers do not report. The work per scroll is a few
 * rectangles, once per frame.
 */
export {};

const links = new Map<string, HTMLAnchorElement>();
for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')) {
  links.set(decodeURIComponent(link.hash.slice(1)), link);
}
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);

/** A section is being read once its heading passes this far down the viewport. */
const READING_LINE = 1 / 3;

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
  return headings.findLast((h) => h.getBoundingClientRect().top <= line);
}

let marked: HTMLAnchorElement | undefined;
let frame = 0;

function update(): void {
  frame = 0;
  const heading = current();
  const link = heading ? links.get(heading.id) : undefined;
  if (link === marked) return;
  marked?.removeAttribute('aria-current');
  link?.setAttribute('aria-current', 'true');
  marked = link;
}

function schedule(): void {
  frame ||= requestAnimationFrame(update);
}

if (headings.length > 0) {
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  addEventListener('hashchange', schedule);
  addEventListener('load', schedule);
  update();
}
