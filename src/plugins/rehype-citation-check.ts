import type { Element, Root, Text } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { findMarkers } from '../lib/citation-markers.ts';
import { EssayError, formatPlace, placeInFile } from '../lib/essay-error.ts';
import { didYouMean } from '../lib/suggest.ts';

/** Elements whose text is code or not prose: markers there are meant literally. */
const LITERAL = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * Refuses to publish a citation that was not formatted. rehype-citation leaves
 * an unknown key as literal `[@key]` text and skips markers inside emphasis,
 * headings and links without a word; this plugin runs after it and turns every
 * marker still in the text into an error naming the file, the line and the key.
 *
 * Bracketed markers are always citations; a bare `@word` only when `word` is a
 * key of the essay's bibliography (so an "@handle" in prose is left alone).
 */
export default function rehypeCitationCheck() {
  return (tree: Root, file: VFile) => {
    const bibliography = file.data.citations?.bibliography;
    const known = new Set(bibliography?.keys ?? []);
    const problems: { line: number | undefined; message: string }[] = [];

    visitParents(tree, 'text', (node: Text, ancestors) => {
      if (ancestors.some((a) => a.type === 'element' && LITERAL.has((a as Element).tagName))) return;
      for (const marker of findMarkers(node.value)) {
        if (!marker.bracketed && !marker.keys.every((k) => known.has(k))) continue;
        const before = node.value.slice(0, marker.index);
        const start = node.position?.start;
        const line = start ? start.line + (before.match(/\n/g)?.length ?? 0) : undefined;
        const unknown = marker.keys.filter((k) => !known.has(k));
        if (bibliography === undefined) {
          problems.push({
            line,
            message: `citation ${marker.text} but the essay names no bibliography; add "bibliography: references.bib" to its frontmatter.`,
          });
        } else if (unknown.length > 0) {
          for (const key of unknown) {
            problems.push({
              line,
              message: `unknown citation key @${key}${didYouMean(key, known, '@')} (not in ${formatPlace({ file: bibliography.file })})`,
            });
          }
        } else {
          const parent = ancestors.at(-1);
          const where = parent?.type === 'element' ? `<${(parent as Element).tagName}>` : 'this place';
          problems.push({
            line,
            message: `citation ${marker.text} inside ${where} was not formatted; citations are formatted in paragraphs, list items and table cells, so move it out of the ${where}.`,
          });
        }
      }
    });

    const [first] = problems;
    if (first === undefined) return;
    if (problems.length === 1) throw new EssayError(placeInFile(file, first.line), first.message);
    const list = problems.map((p) => `${formatPlace(placeInFile(file, p.line))}: ${p.message}`);
    throw new EssayError({ file: file.path }, `${problems.length} citations cannot be published:\n  ${list.join('\n  ')}`);
  };
}
