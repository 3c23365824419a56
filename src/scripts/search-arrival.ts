/**
 * Arriving from a search result (`?highlight=words#section`): marks the words
 * in the essay with Pagefind's highlighter (loaded only then), scrolls to the
 * first mark in the target section, offers to clear the marks, and takes the
 * parameter out of the address bar so that a link copied afterwards is clean.
 */
const PARAM = 'highlight';
const CLASS = 'search-highlight';

const url = new URL(location.href);
if (url.searchParams.has(PARAM)) void arrive(url);

async function arrive(url: URL) {
  const path = '/pagefind/pagefind-highlight.js';
  const { default: PagefindHighlight } = await import(/* @vite-ignore */ path);
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
  const first = section ? (marks.find((m) => section.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) ?? marks[0]) : marks[0];
  // After the browser's own jump to the #fragment, which happens at load.
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  requestAnimationFrame(() => first?.scrollIntoView({ block: 'center' }));
  offerToClear(marks);
}

function offerToClear(marks: HTMLElement[]) {
  const bar = document.createElement('div');
  bar.className = 'search-highlight-bar';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = `${marks.length} search match${marks.length === 1 ? '' : 'es'} marked.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Clear marks';
  button.addEventListener('click', () => {
    for (const mark of document.querySelectorAll(`mark.${CLASS}`)) mark.replaceWith(...mark.childNodes);
    document.querySelector('main')?.normalize();
    bar.remove();
  });
  bar.append(text, ' ', button);
  (document.querySelector('main') ?? document.body).append(bar);
}
