import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { EssayError } from '../lib/essay-error.ts';
import { GENERATED_ID_PREFIXES, RESERVED_IDS, runOf } from './contracts.ts';

/**
 * Refuses an id written in an essay's raw HTML that the page or the plugins
 * use, before they add theirs: a duplicate id breaks links to both. Runs
 * right after the raw HTML is parsed, when the only ids are the author's and
 * GFM's own note ids.
 */
export default function rehypeCheckAuthorIds() {
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id !== 'string' || isGfmFootnote(node)) return;
      const owner = RESERVED_IDS.get(id) ?? (GENERATED_ID_PREFIXES.some((p) => id.startsWith(p)) ? 'the citations and notes' : undefined);
      if (owner === undefined) return;
      const start = node.position?.start;
      run.problems.push(
        new EssayError(
          { file: file.path, line: start?.line, column: start?.column },
          `the id "${id}" in the essay's HTML is already used by ${owner}; choose another.`,
        ),
      );
    });
  };
}

/** GFM's own footnote elements (notes, references, the notes heading) carry these ids legitimately. */
function isGfmFootnote(node: Element): boolean {
  if (node.tagName === 'h2') return node.properties.id === 'footnote-label';
  return (
    node.tagName === 'li' || (node.tagName === 'a' && ('dataFootnoteRef' in node.properties || 'dataFootnoteBackref' in node.properties))
  );
}
