import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { EssayError, placeInFile } from '../lib/essay-error.ts';
import { RESERVED_IDS } from '../lib/reserved-ids.ts';

/** Id prefixes the citation plugins generate. */
const GENERATED = [/^bib-/, /^cite-/, /^citation--/, /^user-content-fn/];

/**
 * Refuses an id written in an essay's raw HTML that the page or the citation
 * plugins use, before they add theirs: a duplicate id breaks links to both.
 */
export default function rehypeAuthorIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      const owner = RESERVED_IDS.get(id) ?? (GENERATED.some((p) => p.test(id)) ? 'the citations and notes' : undefined);
      if (owner === undefined || isGfmFootnote(node)) return;
      throw new EssayError(
        placeInFile(file, node.position?.start.line),
        `the id "${id}" in the essay's HTML is already used by ${owner}; choose another.`,
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
