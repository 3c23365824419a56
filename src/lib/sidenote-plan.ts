/**
 * Where each sidenote goes (src/scripts/sidenotes.ts), worked out from one
 * measurement of the page with every note in the margin, and the height each
 * note adds to the text where it is set in it instead: no layout between
 * notes. A note set in the text moves down everything after its paragraph by
 * that height, so the positions of what follows are shifted here, not
 * measured again (on a 31,000-word essay with 620 notes, measuring again
 * after each note set in the text took seconds).
 */

/** A vertical extent, in pixels from the top of the text. */
export interface Box {
  top: number;
  bottom: number;
}

/** The page as placing reads it, every note in the margin: pixels from the top of the text. */
export interface NotesLayout {
  /** Each note's reference's top. */
  refs: number[];
  /** The bottom of the block (paragraph, list) each note's reference is in: where the note goes when set in the text. */
  blocks: number[];
  /** Each note's height in the margin. */
  heights: number[];
  /** The tops of the section headings. */
  headings: number[];
  /** Blocks wider than the text, which reach into the margin. */
  obstacles: Box[];
  /** What stands in the margin outside the text's flow (the contents), which no note set in the text moves. */
  fixed: Box[];
  /** The text's height. */
  end: number;
}

/**
 * The height a note adds to the text when set in it, after its paragraph:
 * `each`, its own height and margin; and `first`, what the first of a
 * paragraph's notes set in the text adds besides (the space between the
 * paragraph and what follows it changes once, however many notes stand
 * there). Both are the same for every note of a paragraph.
 */
export interface Added {
  each: number[];
  first: number[];
}

/** What note k adds, set in the text after the notes set there before it (`last`: where the last of them stands). */
function addedBy(added: Added, layout: NotesLayout, k: number, last: number | undefined): number {
  return added.each[k]! + (last === layout.blocks[k] ? 0 : added.first[k]!);
}

/** How far a note may move down from its reference, at least, when its paragraph ends sooner: lines of text. */
export const REACH_LINES = 3;

/**
 * Each note's top in the margin, or null for a note set in the text: a note
 * starts level with its reference, or just below the note before it, and
 * clears the obstacles; it may move down no further than the end of its
 * paragraph (or three lines), and must end before the next heading, the next
 * obstacle and the end of the text. `added` says how much a note set in
 * the text moves down what follows it. The first notes' places may be `given`, as
 * decided before (placing step by step, measuring after each note set in
 * the text).
 */
export function planNotes(layout: NotesLayout, added: Added, line: number, given: readonly (number | null)[] = []): (number | null)[] {
  const gap = line / 2;
  const inText = new NotesInText(layout, added);
  const { shiftTop, shiftBottom } = inText;
  const tops: (number | null)[] = [];
  let bottom = -Infinity;
  layout.refs.forEach((measuredRef, k) => {
    if (k < given.length) {
      const top = given[k]!;
      tops.push(top);
      if (top === null) inText.add(k);
      else bottom = top + layout.heights[k]!;
      return;
    }
    const ref = measuredRef + shiftTop(measuredRef);
    const block = layout.blocks[k]! + shiftBottom(layout.blocks[k]!);
    const height = layout.heights[k]!;
    const obstacles = [
      ...layout.fixed,
      ...layout.obstacles.map((o) => {
        const shift = shiftTop(o.top);
        return { top: o.top + shift, bottom: o.bottom + shift };
      }),
    ].sort((a, b) => a.top - b.top);
    let top = Math.max(ref, bottom + gap);
    for (const o of obstacles) if (top < o.bottom + gap && top + height > o.top - gap) top = o.bottom + gap;
    const end = layout.end + inText.total;
    const headings = layout.headings.map((h) => h + shiftTop(h)).filter((h) => h > ref);
    // A note stays beside its own section: it ends before the next heading, obstacle or the end of the text.
    const limit = Math.min(end, ...headings, ...obstacles.filter((o) => o.top >= top).map((o) => o.top - gap));
    const reach = Math.max(block, ref + REACH_LINES * line);
    if (top > reach || top + height > limit) {
      tops.push(null);
      inText.add(k);
      return;
    }
    tops.push(top);
    bottom = top + height;
  });
  return tops;
}

/**
 * The layout `planNotes` expects once its plan is carried out: what follows
 * each note set in the text moved down by the height it adds. Placing
 * measures the page again and compares, to know that the heights it assumed
 * were the heights the page gave.
 */
export function plannedLayout(layout: NotesLayout, added: Added, tops: (number | null)[]): NotesLayout {
  const inText = new NotesInText(layout, added);
  tops.forEach((top, k) => top === null && inText.add(k));
  const top = (y: number) => y + inText.shiftTop(y);
  return {
    refs: layout.refs.map(top),
    blocks: layout.blocks.map((y) => y + inText.shiftBottom(y)),
    heights: layout.heights,
    headings: layout.headings.map(top),
    obstacles: layout.obstacles.map((o) => ({ top: top(o.top), bottom: o.bottom + inText.shiftTop(o.top) })),
    fixed: layout.fixed,
    end: layout.end + inText.total,
  };
}

/**
 * The notes set in the text, in the text's order, each with where it goes
 * and the height added up to it; and how far they move down what is below.
 */
class NotesInText {
  readonly #layout: NotesLayout;
  readonly #added: Added;
  readonly #notes: { at: number; total: number }[] = [];

  constructor(layout: NotesLayout, added: Added) {
    this.#layout = layout;
    this.#added = added;
  }

  /** Sets note k in the text, after those set there before it. */
  add(k: number): void {
    const last = this.#notes.at(-1);
    this.#notes.push({ at: this.#layout.blocks[k]!, total: (last?.total ?? 0) + addedBy(this.#added, this.#layout, k, last?.at) });
  }

  /** The height they add to the text. */
  get total(): number {
    return this.#notes.at(-1)?.total ?? 0;
  }

  // What starts at y is below a note set at `at` from `at` on; a bottom at y is below it only past it.
  readonly shiftTop = (y: number): number => this.#above((at) => at <= y + 0.5);
  readonly shiftBottom = (y: number): number => this.#above((at) => at < y - 0.5);

  /** The height added by the notes whose place `after` holds: those places come first (the notes are in order). */
  #above(after: (at: number) => boolean): number {
    let [low, high] = [0, this.#notes.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (after(this.#notes[middle]!.at)) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? 0 : this.#notes[low - 1]!.total;
  }
}

/** Whether two layouts agree to within a pixel at every point placing reads. */
export function sameLayout(a: NotesLayout, b: NotesLayout): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) <= 1;
  const all = (xs: number[], ys: number[]) => xs.length === ys.length && xs.every((x, i) => near(x, ys[i]!));
  return (
    all(a.refs, b.refs) &&
    all(a.blocks, b.blocks) &&
    all(a.headings, b.headings) &&
    all(
      a.obstacles.flatMap((o) => [o.top, o.bottom]),
      b.obstacles.flatMap((o) => [o.top, o.bottom]),
    ) &&
    near(a.end, b.end)
  );
}
