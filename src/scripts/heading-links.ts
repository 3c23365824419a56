/**
 * Each section heading's link (written by src/plugins/rehype-heading-links.ts)
 * goes to the section's share page. Where scripts run, a click hands that
 * same address out instead: the share sheet on touch screens that have one,
 * the clipboard elsewhere. The link's name says which (its data-*-label).
 */
import { announce } from './announce.ts';

const links = document.querySelectorAll<HTMLAnchorElement>('.section-heading a.heading-link');
// A share sheet is the way to pass a link on where there is one and no mouse (phones, tablets).
const shares = typeof navigator.share === 'function' && matchMedia('(pointer: coarse)').matches;

for (const link of links) {
  const label = shares ? link.dataset.shareLabel : link.dataset.copyLabel;
  if (label) link.setAttribute('aria-label', label);
  link.addEventListener('click', (event) => {
    // A new tab or window, as with any link.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void (shares ? share(link) : copy(link));
  });
}

function sectionOf(link: HTMLAnchorElement): { url: string; title: string } {
  const heading = link.closest('.section-heading')?.querySelector('h2')?.textContent?.trim() ?? '';
  const essay = document.querySelector('h1')?.textContent?.trim() ?? document.title;
  return { url: link.href, title: `${heading} — ${essay}` };
}

async function copy(link: HTMLAnchorElement): Promise<void> {
  const { url } = sectionOf(link);
  try {
    await navigator.clipboard.writeText(url);
    void announce((words) => words.copy.sectionCopied);
  } catch {
    // No clipboard (an insecure page, or permission refused): show the link to copy by hand.
    void announce((words) => words.copy.copyByHand, { url });
  }
}

async function share(link: HTMLAnchorElement): Promise<void> {
  const { url, title } = sectionOf(link);
  try {
    await navigator.share({ title, url });
  } catch (error) {
    // Closing the share sheet is not a failure.
    if (error instanceof DOMException && error.name === 'AbortError') return;
    void announce((words) => words.copy.notShared, { url });
  }
}
