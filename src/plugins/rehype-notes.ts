import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { runOf } from './contracts.ts';
import { notesOf } from './notes.ts';

/**
 * Gives the notes section (GFM footnotes, and a note style's citations) its
 * heading and back links in the essay's language: remark-rehype writes them
 * once for every essay, in English.
 */
export default function rehypeNotes() {
  return (tree: Root, file: VFile) => {
    const notes = notesOf(tree);
    if (notes.section) notes.write(tree, runOf(file).input.strings);
  };
}
