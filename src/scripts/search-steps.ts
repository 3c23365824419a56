/**
 * Arriving from a search result (`?highlight=words#section`; loaded by
 * search-arrival.ts only then): marks the words
 * in the essay with Pagefind's highlighter (loaded only then), brings the
 * section's heading into view with its first match, and offers a bar to step
 * through the matches ("3 of 8", previous, next) and to clear them (its
 * button, or Escape). The parameter is taken out of the address bar
 * so that a link copied afterwards is clean.
 */
import stepsStyle from '../styles/search-steps.css?url';
import type { ClientStrings } from '../lib/ui-strings.ts';
import { loadStyle } from './load-style.ts';

const PARAM = 'highlight';
const CLASS = 'search-highlight';
const CURRENT = 'search-highlight-current';
// The page's words, in its language (the JSON named by <html data-ui-strings>).
const WORDS = ((await (await fetch(document.documentElement.dataset.uiStrings!)).json()) as ClientStrings).steps;

export async function arrive(url: URL): Promise<void> {
  const path = `${document.documentElement.dataset.pagefind}pagefind-highlight.js`;
  const [{ default: PagefindHighlight }] = await Promise.all([import(/* @vite-ignore */ path), loadStyle(stepsStyle)]);
  // Pagefind's own styles are injected inline, which the CSP forbids; ours are in the stylesheet.
  new PagefindHighlight({
    highlightParam: PARAM,
    addStyles: false,
    markOptions: { className: CLASS, exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
  });
  url.searchParams.delete(PARAM);
  history.replaceState(history.state, '', url);
  const marks = [...document.querySelectorAll<HTMLElement>(`mark.${CLASS}`)];
  if (marks.length === 0) return;
  const section = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
  const first = section
    ? Math.max(
        0,
        marks.findIndex((m) => section.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING),
      )
    : 0;
  // After the browser's own jump to the #fragment, which happens at load.
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  const stepper = offerSteps(marks);
  requestAnimationFrame(() => stepper.go(first, section));
}

/** The bar: where the reader is among the matches, and the way through them. */
function offerSteps(marks: HTMLElement[]) {
  let at = 0;
  const bar = document.createElement('div');
  bar.className = 'search-highlight-bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', WORDS.label);
  const count = document.createElement('span');
  count.setAttribute('role', 'status');
  const button = (text: string, label: string, action: () => void, keys?: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    if (keys) b.setAttribute('aria-keyshortcuts', keys);
    b.addEventListener('click', action);
    return b;
  };
  const previous = button('↑', WORDS.previous, () => go(at - 1));
  const next = button('↓', WORDS.next, () => go(at + 1));
  const clear = button(WORDS.clear, WORDS.clear, () => clearAll(), 'Escape');
  bar.append(count, previous, next, clear);
  (document.querySelector('main') ?? document.body).append(bar);

  /** Marks match `i` as current; on arrival, shows its section's heading too when both fit on screen. */
  function go(i: number, heading?: HTMLElement | null) {
    at = (i + marks.length) % marks.length;
    marks.forEach((m, n) => m.classList.toggle(CURRENT, n === at));
    count.textContent = WORDS.count.replace('{n}', String(at + 1)).replace('{of}', String(marks.length));
    const mark = marks[at]!;
    const top = heading?.getBoundingClientRect().top;
    const bottom = mark.getBoundingClientRect().bottom;
    const room = innerHeight - bar.offsetHeight - 32;
    if (heading && top !== undefined && bottom - top < room) {
      heading.scrollIntoView({ block: 'start' });
    } else {
      mark.scrollIntoView({ block: 'center' });
    }
  }

  function clearAll() {
    for (const mark of document.querySelectorAll(`mark.${CLASS}`)) mark.replaceWith(...mark.childNodes);
    document.querySelector('main')?.normalize();
    bar.remove();
    document.removeEventListener('keydown', onKey);
  }

  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') clearAll();
  }
  document.addEventListener('keydown', onKey);
  return { go };
}
