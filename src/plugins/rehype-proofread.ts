import type { Element, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { alsoOnLines, EssayError, type Place } from '../lib/essay-error.ts';
import { LITERAL_ELEMENTS, runOf } from './contracts.ts';
import { proseBlocks } from './hast.ts';

/** Doubles that English grammar allows ("that that is", "had had"): not worth the author's eye. */
const MEANT = new Set(['had', 'that']);

/** What code or a formula stands as between words: something, so that "`ls` and `cd` and `pwd`" has no "and and". */
const LITERAL: Text = { type: 'text', value: '\ufffc' };
const isLiteral = (element: Element) => LITERAL_ELEMENTS.has(element.tagName);

/**
 * A proofreading report: a word written twice in a row ("the the"), the slip
 * an eye skims over most easily, is a warning with its line (the build goes
 * on; the loader logs it). Across emphasis or a line break too, since the
 * words are joined as the reader sees them; never in code, nor across it.
 * The same words twice ("the the") at several places are one warning, at the
 * first, naming the other lines.
 */
export default function rehypeProofread() {
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    // Each slip ("the the", whatever its case) with the places it is made, in the order first made.
    const slips = new Map<string, { problem: string; places: Place[] }>();
    for (const texts of proseBlocks(tree, isLiteral, LITERAL)) {
      // The block's text as read, with where each piece starts in the source.
      let joined = '';
      const pieces: { from: number; line?: number | undefined; column?: number | undefined; value: string }[] = [];
      for (const node of texts) {
        pieces.push({ from: joined.length, line: node.position?.start.line, column: node.position?.start.column, value: node.value });
        joined += node.value;
      }
      for (const match of joined.matchAll(/(?<![\p{L}\p{N}’'-])(\p{L}+)\s+(\1)(?![\p{L}\p{N}’'-])/giu)) {
        const [, first, second] = match;
        if (first!.toLowerCase() !== second!.toLowerCase() || MEANT.has(first!.toLowerCase())) continue;
        const piece = pieces.findLast((p) => p.from <= match.index) ?? pieces[0]!;
        const within = piece.value.slice(0, match.index - piece.from);
        const lines = within.split('\n');
        const line = piece.line === undefined ? undefined : piece.line + lines.length - 1;
        const column = piece.column === undefined ? undefined : lines.length > 1 ? lines.at(-1)!.length + 1 : piece.column + within.length;
        const key = first!.toLowerCase();
        const slip = slips.get(key) ?? { problem: `the word "${first}" twice in a row ("${match[0].replace(/\s+/g, ' ')}")`, places: [] };
        slip.places.push({ file: file.path, line, column });
        slips.set(key, slip);
      }
    }
    for (const { problem, places } of slips.values()) {
      run.warnings.push(new EssayError(places[0]!, `${problem}${alsoOnLines(places)}: delete one, unless it is meant (the build goes on)`));
    }
  };
}
