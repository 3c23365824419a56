import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Place } from '../lib/essay-error.ts';

/**
 * The Markdown source behind a node, and places in it. The file's value is
 * the whole `index.md` with its frontmatter blanked, so offsets, lines and
 * columns are the file's own.
 */

const lineStarts = new WeakMap<VFile, number[]>();

/** The text of the file being rendered. */
export function sourceText(file: VFile): string {
  return String(file.value ?? '');
}

/** The source a node was parsed from ('' when it has no position). */
export function sourceOf(file: VFile, node: Node): string {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return '';
  return sourceText(file).slice(start.offset, end.offset);
}

/** The 1-based line and column of an offset in the file. */
export function placeAt(file: VFile, offset: number): Place {
  let starts = lineStarts.get(file);
  if (!starts) {
    starts = [0];
    const text = sourceText(file);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(file, starts);
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { file: file.path, line: low + 1, column: offset - starts[low]! + 1 };
}

/** Where a node starts. */
export function placeOf(file: VFile, node: Node): Place {
  const start = node.position?.start;
  return { file: file.path, line: start?.line, column: start?.column };
}
