import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { EssayError, placeInFile } from '../lib/essay-error.ts';
import { headingText } from '../lib/heading-text.ts';
import { RESERVED_IDS } from '../lib/reserved-ids.ts';

const HEADING = /^h[1-6]$/;

/**
 * Gives every heading the id Astro would (github-slugger over its text), but
 * first, and refuses a heading whose id something else on the page already
 * has. Section ids are public share links: they must be unique and must not
 * change, so a collision is the author's to resolve by renaming, never ours
 * to paper over with a suffix.
 */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const taken = new Map(RESERVED_IDS);
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string' && !taken.has(id)) taken.set(id, `a <${node.tagName}> of the essay`);
    });

    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || typeof node.properties.id === 'string') return;
      const text = headingText(node);
      const id = slugger.slug(text);
      const owner = taken.get(id);
      if (owner !== undefined) {
        throw new EssayError(
          placeInFile(file, node.position?.start.line),
          `the heading "${text}" would get the id "${id}", which ${owner} already uses; rename the heading.`,
        );
      }
      node.properties.id = id;
      taken.set(id, `the heading "${text}"`);
    });
  };
}
