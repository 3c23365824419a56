/**
 * Sidenotes: where the contents stand beside the text (64em and wider, on
 * screen), each note stands in that right-hand column, level with its
 * reference, as in Tufte CSS and on gwern.net.
 *
 * Copies, not moves. GFM's notes section stays where it is, untouched: it is
 * the source of truth, and what a narrow screen, print, a reader mode and a
 * browser without this script show. This script puts a copy of each note
 * right after the block that holds its reference (so that the keyboard
 * reaches the note in reading order, after the rest of its paragraph), and
 * CSS alone decides which of the two is shown (src/styles/sidenotes.css): the
 * copies on a wide screen, the section otherwise. So neither resizing, zoom
 * nor print needs the script to move anything back (print emulation fires no
 * event at all), and the hidden one is `display: none`, neither a focus stop
 * nor read twice. The ids follow what is shown: on a wide screen the copy
 * carries the note's id and its citations' ids, so the reference, the
 * bibliography's backlinks and a shared `#user-content-fn-…` link land on
 * what can be seen; on a narrow one they are back in the section.
 *
 * Placing, with the traps those sites' readers report in mind: a note starts
 * level with its reference, or just below the note before it, and clears the
 * contents where they stand at the top and anything wider than the text
 * column. The contents stay sticky below that, and step aside (fade out)
 * while a note passes beside them, as Quarto's do, unless the keyboard is in
 * them: so one note does not cost the reader the contents for the whole essay. It may move down no further
 * than the end of its paragraph (or three lines, where the paragraph ends
 * sooner), and it stays beside its own section: it must end before the next
 * heading, the next obstacle and the end of the text. A note that cannot is
 * set at the bottom of its paragraph instead, in the text column. It is placed again
 * whenever the text's size changes (fonts arriving, images, a resize).
 */
import { type Added, type Box, type NotesLayout, planNotes, plannedLayout, sameLayout } from '../lib/sidenote-plan.ts';

const body = document.querySelector<HTMLElement>('.essay-body');
const section = body?.querySelector<HTMLElement>('section[data-footnotes]');
const WIDE = matchMedia('screen and (min-width: 64em)');
/** Marks the reference a note stands beside (not a second reference to it): note previews skip it. */
const BESIDE = 'data-sidenote-beside';
/** Marks the contents while a note is beside them (src/styles/sidenotes.css hides them). */
const COVERED = 'is-covered';
const toc = document.querySelector<HTMLElement>('.essay > .toc');

interface Note {
  ref: HTMLElement;
  block: HTMLElement;
  copy: HTMLElement;
  /** The ids the note holds (its own, its citations'), each on the original or the copy. */
  ids: { id: string; original: Element; copy: Element }[];
}

const notes = body && section ? makeCopies(body, section) : [];

if (body && notes.length > 0) {
  document.documentElement.classList.add('has-sidenotes');
  let frame = 0;
  // The contents step aside from the notes where they are now placed.
  const uncover = toc ? stepAside(toc, notes) : () => {};
  const placeSoon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      place(body, notes);
      uncover();
    });
  };
  const follow = () => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    setIds(notes, WIDE.matches);
    place(body, notes);
    uncover();
    // A link to a note lands on the one that is shown: going to the fragment again makes it the :target too.
    const now = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (now && now !== target) location.replace(location.hash);
  };
  follow();
  // Pointing at a reference marks its note, and the other way round, as on gwern.net.
  for (const { ref, copy } of notes) {
    for (const [from, to] of [
      [ref, copy],
      [copy, ref],
    ] as const) {
      from.addEventListener('pointerenter', () => to.classList.add('is-pointed'));
      from.addEventListener('pointerleave', () => to.classList.remove('is-pointed'));
    }
  }
  WIDE.addEventListener('change', follow);
  // Print shows the notes section: its notes carry the ids while printing, so a PDF's links land on them.
  addEventListener('beforeprint', () => setIds(notes, false));
  addEventListener('afterprint', () => setIds(notes, WIDE.matches));
  new ResizeObserver(placeSoon).observe(body);
  void document.fonts.ready.then(placeSoon);
}

/**
 * Marks the sticky contents while a note in the margin is beside them, which CSS hides unless the keyboard is in
 * them, as the reader scrolls; the check it returns is run again each time the notes are placed (on a wider or
 * narrower screen too).
 */
function stepAside(toc: HTMLElement, notes: Note[]): () => void {
  let frame = 0;
  const check = () => {
    frame = 0;
    const box = toc.getBoundingClientRect();
    const covered =
      WIDE.matches &&
      notes.some(({ copy }) => {
        if (!copy.classList.contains('sidenote-margin')) return false;
        const note = copy.getBoundingClientRect();
        return note.top < box.bottom && box.top < note.bottom;
      });
    toc.classList.toggle(COVERED, covered);
  };
  const soon = () => {
    frame ||= requestAnimationFrame(check);
  };
  addEventListener('scroll', soon, { passive: true });
  addEventListener('resize', soon, { passive: true });
  return check;
}

function makeCopies(body: HTMLElement, section: HTMLElement): Note[] {
  const made: Note[] = [];
  const seen = new Set<string>();
  const lastAfter = new Map<HTMLElement, HTMLElement>();
  for (const ref of body.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
    if (section.contains(ref)) continue;
    const id = decodeURIComponent(ref.hash.slice(1));
    const item = document.getElementById(id);
    // A note referred to twice stands beside its first reference.
    if (!item || seen.has(id) || !section.contains(item)) continue;
    seen.add(id);
    let block: HTMLElement = ref;
    while (block.parentElement && block.parentElement !== body) block = block.parentElement;

    const originals = [...item.querySelectorAll('[id]')];
    const clone = item.cloneNode(true) as HTMLElement;
    const copies = [...clone.querySelectorAll('[id]')];
    copies.forEach((el) => el.removeAttribute('id'));
    const copy = document.createElement('div');
    copy.className = 'sidenote sidenote-margin';
    copy.setAttribute('role', 'note');
    const number = document.createElement('span');
    number.className = 'sidenote-number';
    number.textContent = `${ref.textContent ?? ''} `;
    copy.append(...clone.childNodes);
    // The number opens the note's first paragraph, as it would on paper.
    const first = copy.firstElementChild;
    (first?.tagName === 'P' ? first : copy).prepend(number);

    (lastAfter.get(block) ?? block).after(copy);
    lastAfter.set(block, copy);
    made.push({
      ref,
      block,
      copy,
      ids: [{ id, original: item, copy }, ...originals.map((original, i) => ({ id: original.id, original, copy: copies[i]! }))],
    });
  }
  return made;
}

/** Puts each note's ids on the copy (wide screens) or back on the section's note. */
function setIds(notes: Note[], onCopies: boolean) {
  for (const { ids } of notes) {
    for (const { id, original, copy } of ids) {
      (onCopies ? original : copy).removeAttribute('id');
      (onCopies ? copy : original).id = id;
    }
  }
}

/** The page as placing reads it, and for each note the top of what follows its paragraph and its notes (or the text's end). */
type Measured = NotesLayout & { afters: number[] };

/**
 * Places the notes from one measurement of the page with every note in the
 * margin and one with every note in the text (the height each adds there),
 * planned without a layout between notes (src/lib/sidenote-plan.ts), then
 * measures once more to check the plan against the page. Should the page
 * differ (notes set in the text one after another, whose margins collapse
 * together), the notes are placed again step by step, measuring the page
 * after each note set in the text. `data-sidenotes` on the text says which.
 */
function place(body: HTMLElement, notes: Note[]) {
  if (!WIDE.matches) return;
  const line = parseFloat(getComputedStyle(body).lineHeight) || 30;
  const rtl = getComputedStyle(body).direction === 'rtl';
  // Measured once: the contents stand beside the top of the text, which no note set in the text moves, and
  // measuring them unstuck lays the page out again.
  const contents = contentsBox(body, rtl);
  const read = () => measure(body, notes, rtl, contents);
  setPlaces(notes, []);
  const margin = read();
  setPlaces(
    notes,
    notes.map(() => null),
  );
  const added = addedHeights(notes, margin, read());
  const tops = planNotes(margin, added, line);
  setPlaces(notes, tops);
  const planned = sameLayout(read(), plannedLayout(margin, added, tops));
  if (!planned) placeStepByStep(notes, line, read);
  body.dataset.sidenotes = planned ? 'planned' : 'step-by-step';
}

/** The old way, and the sure one: each note set in the text moves what follows it, so the page is measured again from there. */
function placeStepByStep(notes: Note[], line: number, read: () => Measured) {
  const none = { each: notes.map(() => 0), first: notes.map(() => 0) };
  let given: (number | null)[] = [];
  for (;;) {
    setPlaces(notes, given);
    const tops = planNotes(read(), none, line, given);
    const next = tops.indexOf(null, given.length);
    if (next < 0) return setPlaces(notes, tops);
    given = tops.slice(0, next + 1);
  }
}

/** Puts each note in the margin at its top, or in the text (null); notes past the tops given in the margin at 0. */
function setPlaces(notes: Note[], tops: readonly (number | null)[]) {
  notes.forEach(({ copy, ref }, k) => {
    const top = k < tops.length ? tops[k]! : 0;
    copy.classList.toggle('sidenote-margin', top !== null);
    copy.classList.toggle('sidenote-inline', top === null);
    copy.style.top = top === null ? '' : `${top}px`;
    ref.toggleAttribute(BESIDE, top !== null);
  });
}

function measure(body: HTMLElement, notes: Note[], rtl: boolean, contents: Box | undefined): Measured {
  const origin = body.getBoundingClientRect();
  const relative = (rect: DOMRect): Box => ({ top: rect.top - origin.top, bottom: rect.bottom - origin.top });
  const after = (block: Element) => {
    // What is laid out next: not a note, nor what is hidden (the notes section, on a wide screen).
    let next = block.nextElementSibling;
    while (next && (next.classList.contains('sidenote') || next.getClientRects().length === 0)) next = next.nextElementSibling;
    return next ? relative(next.getBoundingClientRect()).top : origin.height;
  };
  return {
    refs: notes.map((note) => relative(note.ref.getBoundingClientRect()).top),
    blocks: notes.map((note) => relative(note.block.getBoundingClientRect()).bottom),
    heights: notes.map((note) => note.copy.getBoundingClientRect().height),
    headings: [...body.querySelectorAll(':scope > .section-heading, :scope > h2, :scope > h3')].map(
      (heading) => relative(heading.getBoundingClientRect()).top,
    ),
    obstacles: wideBlocks(body, origin, rtl).map(relative),
    fixed: contents ? [contents] : [],
    end: origin.height,
    afters: notes.map((note) => after(note.block)),
  };
}

/**
 * The height each note adds to the text when set in it, from the page with
 * every note in the margin and the page with every note in the text: its own
 * height and its margin, and for the first of a paragraph's notes the change
 * in the space between the paragraph and what follows (margins collapsing).
 */
function addedHeights(notes: Note[], margin: Measured, inText: Measured): Added {
  const each = notes.map(({ copy }, k) => inText.heights[k]! + (parseFloat(getComputedStyle(copy).marginBottom) || 0));
  const ofBlock = new Map<HTMLElement, number>();
  notes.forEach(({ block }, k) => ofBlock.set(block, (ofBlock.get(block) ?? 0) + each[k]!));
  const space = (m: Measured, k: number) => m.afters[k]! - m.blocks[k]!;
  return { each, first: notes.map(({ block }, k) => space(inText, k) - space(margin, k) - ofBlock.get(block)!) };
}

/**
 * What a note in the margin column must not overlap: the contents ({@link contentsBox}), and anything wider than the
 * text. The column is at the text's end: on the right, or on the left in a language written right to left.
 */
function wideBlocks(body: HTMLElement, origin: DOMRect, rtl: boolean): DOMRect[] {
  const found: DOMRect[] = [];
  for (const child of body.children) {
    if (child.classList.contains('sidenote')) continue;
    const rect = child.getBoundingClientRect();
    if (rect.height > 0 && (rtl ? rect.left < origin.left - 1 : rect.right > origin.right + 1)) found.push(rect);
  }
  return found;
}

/** Where the contents stand in the margin column before they stick (at the top of the essay), whatever the scroll. */
function contentsBox(body: HTMLElement, rtl: boolean): Box | undefined {
  if (!toc || toc.getClientRects().length === 0) return undefined;
  const origin = body.getBoundingClientRect();
  toc.style.position = 'static';
  const rect = toc.getBoundingClientRect();
  toc.style.position = '';
  const inMargin = rtl ? rect.right <= origin.left + 1 : rect.left >= origin.right - 1;
  return inMargin ? { top: rect.top - origin.top, bottom: rect.bottom - origin.top } : undefined;
}
