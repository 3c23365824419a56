/**
 * Offers "Copy link to this passage" beside a selection in the essay (loaded
 * by passage-link.ts at the first selection there): a link
 * to its section with a text directive, which Chromium-based browsers and
 * Safari follow to the passage and mark (src/lib/text-fragment.ts).
 */
import { passageUrl } from '../lib/text-fragment.ts';
import type { ClientStrings } from '../lib/ui-strings.ts';
import { announce } from './announce.ts';

const body = document.querySelector<HTMLElement>('.essay-body');
const WORDS = ((await (await fetch(document.documentElement.dataset.uiStrings!)).json()) as ClientStrings).copy;
const BLOCK = 'p, li, blockquote, dd, dt, figcaption, td, th, pre, h1, h2, h3, h4, h5, h6, .csl-entry';

const button = document.createElement('button');
button.type = 'button';
button.className = 'button button-solid passage-link';
button.textContent = WORDS.passageOffer;
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

/** The gap between the offer and the selection, and the least distance from the viewport's edges. */
const GAP = 8;

/**
 * Above the selection's first line, or below its last when there is no room
 * above: never over any of its words. Centred on that line, inside the
 * viewport's width.
 */
function place(range: Range): void {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const all = rects.length > 0 ? rects : [range.getBoundingClientRect()];
  const top = Math.min(...all.map((r) => r.top));
  const bottom = Math.max(...all.map((r) => r.bottom));
  const height = button.offsetHeight;
  const width = button.offsetWidth;
  const above = top - GAP - height >= GAP;
  const line = above ? all.find((r) => r.top === top)! : all.findLast((r) => r.bottom === bottom)!;
  const y = above ? top - GAP - height : bottom + GAP;
  const centre = line.left + line.width / 2;
  const x = Math.max(GAP, Math.min(centre - width / 2, document.documentElement.clientWidth - width - GAP));
  const origin = (button.offsetParent ?? document.body).getBoundingClientRect();
  button.style.top = `${y - origin.top}px`;
  button.style.left = `${x - origin.left}px`;
}

if (body) {
  update();
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 150);
  });
  // Keep the selection when the button is pressed.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link);
      void announce((words) => words.copy.passageCopied);
    } catch {
      void announce((words) => words.copy.copyByHand, { url: link });
    }
  });
  document.addEventListener('keydown', (event) => event.key === 'Escape' && hide());
}
