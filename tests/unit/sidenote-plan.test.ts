import { describe, expect, it } from 'vitest';
import { type Added, type NotesLayout, planNotes, plannedLayout, sameLayout } from '../../src/lib/sidenote-plan.ts';

/** Lines of 30 px: a note may move down 90 px from its reference (three lines) when its paragraph ends sooner. */
const LINE = 30;

/**
 * Three paragraphs, each with a note: the second's note is too tall to end
 * before the heading at 400, so it is set in the text, moving down by 100 px
 * (its height and margin) the third paragraph, its reference, the heading
 * and the end of the text.
 */
const layout: NotesLayout = {
  refs: [10, 300, 500],
  blocks: [60, 330, 560],
  heights: [40, 200, 40],
  headings: [400],
  obstacles: [{ top: 620, bottom: 700 }],
  fixed: [],
  end: 1000,
};
const added: Added = { each: [50, 100, 50], first: [0, 0, 0] };

describe('planning sidenotes from one measurement', () => {
  it('sets in the text a note that would run past the next heading, and moves down what follows it by the height it adds', () => {
    const tops = planNotes(layout, added, LINE);
    expect(tops).toEqual([10, null, 600]);
    // Without the shift, the third note would stand at 500, level with where its reference was before the second moved it.
    expect(plannedLayout(layout, added, tops)).toMatchObject({
      refs: [10, 300, 600],
      blocks: [60, 330, 660],
      headings: [500],
      obstacles: [{ top: 720, bottom: 800 }],
      end: 1100,
    });
  });

  it('moves a note below an obstacle that the notes set in the text above it moved down', () => {
    const crowded = { ...layout, refs: [10, 300, 580], blocks: [60, 330, 840] };
    // The obstacle stands at 720 to 800 once the second note is in the text, and the third note's reference at 680:
    // the note goes below it, a half line clear.
    expect(planNotes(crowded, added, LINE)).toEqual([10, null, 815]);
  });

  it('counts once the space a paragraph’s notes change, however many of them are set in the text', () => {
    const two = { ...layout, refs: [10, 300, 310], blocks: [60, 330, 330], heights: [40, 200, 200] };
    const tops = planNotes(two, { each: [50, 100, 100], first: [0, 7, 7] }, LINE);
    expect(tops).toEqual([10, null, null]);
    expect(plannedLayout(two, { each: [50, 100, 100], first: [0, 7, 7] }, tops).headings).toEqual([607]);
  });

  it('keeps the places given, as placing step by step decided them', () => {
    // The first note set in the text (it would stand at 10) moves the others down by 50 px.
    expect(planNotes(layout, added, LINE, [null])).toEqual([null, null, 650]);
  });

  it('tells a page that agrees with the plan to within a pixel from one that does not', () => {
    const planned = plannedLayout(layout, added, [10, null, 600]);
    expect(sameLayout({ ...planned, end: planned.end + 0.8 }, planned)).toBe(true);
    expect(sameLayout({ ...planned, headings: [planned.headings[0]! + 2] }, planned)).toBe(false);
  });
});
