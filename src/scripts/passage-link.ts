/**
 * Offers "Copy link to this passage" beside a selection in the essay: a link
 * to its section with a text directive, which Chromium-based browsers and
 * Safari follow to the passage and mark (src/lib/text-fragment.ts).
 */
import { passageUrl } from '../lib/text-fragment.ts';
import { announce } from './announce.ts';

const body = document.querySelector<HTMLElement>('.essay-body');
const BLOCK = 'p, li, blockquote, dd, dt, figcaption, td, th, pre, h1, h2, h3, h4, h5, h6, .csl-entry';

const button = document.createElement('button');
button.type = 'button';
button.className = 'passage-link';
button.textContent = 'Copy link to this passage';
button.hidden = true;

let link = '';
let pending: number | undefined;

/** The text of a stretch of the page, from one boundary point to another. */
function textBetween(startNode: Node, startOffset: number, endNode: Node, endOffset: number): string {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range.toString();
}

function blockOf(node: Node): Element {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(BLOCK) ?? body!;
}

/** The id of the section a node is in: the last heading before it. */
function sectionOf(node: Node): string | undefined {
  let id: string | undefined;
  for (const heading of body!.querySelectorAll('h2[id]')) {
    if (heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING || heading.contains(node)) id = heading.id;
  }
  return id;
}

function hide(): void {
  button.hidden = true;
}

function update(): void {
  const selection = getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  // Selection.toString() gives the text as rendered, a line per block.
  const selected = selection?.toString() ?? '';
  if (
    !body ||
    !range ||
    range.collapsed ||
    !selected.trim() ||
    !body.contains(range.startContainer) ||
    !body.contains(range.endContainer)
  ) {
    hide();
    return;
  }
  const first = blockOf(range.startContainer);
  const last = blockOf(range.endContainer);
  link = passageUrl(location.href, sectionOf(range.startContainer), {
    before: textBetween(first, 0, range.startContainer, range.startOffset),
    selected: selected.trim(),
    after: textBetween(range.endContainer, range.endOffset, last, last.childNodes.length),
  });
  // After the passage's last block, so that Tab from the selection reaches it.
  const anchor = last === body ? range.endContainer : last;
  if (button.previousSibling !== anchor) anchor.parentNode?.insertBefore(button, anchor.nextSibling);
  button.hidden = false;
  place(range);
}

/** Below the end of the selection, inside the viewport's width. */
function place(range: Range): void {
  const rects = range.getClientRects();
  const end = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const origin = (button.offsetParent ?? document.body).getBoundingClientRect();
  const left = Math.max(8, Math.min(end.right - button.offsetWidth / 2, document.documentElement.clientWidth - button.offsetWidth - 8));
  button.style.top = `${end.bottom - origin.top + 8}px`;
  button.style.left = `${left - origin.left}px`;
}

if (body) {
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 150);
  });
  // Keep the selection when the button is pressed.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link);
      announce('Link to the passage copied.');
    } catch {
      announce(`Copy this link: ${link}`);
    }
  });
  document.addEventListener('keydown', (event) => event.key === 'Escape' && hide());
}
