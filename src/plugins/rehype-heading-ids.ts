import GithubSlugger, { slug } from 'github-slugger';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { EssayError } from '../lib/essay-error.ts';
import { RESERVED_IDS, runOf } from './contracts.ts';
import { headingText } from './hast.ts';

const HEADING = /^h[1-6]$/;

/** Variation selectors, the zero-width joiner and emoji tags: invisible, and left behind when github-slugger drops an emoji. */
const INVISIBLE = /\uFE0F|\uFE0E|[\uFE00-\uFE0D]|\u200D|[\u{E0020}-\u{E007F}]/gu;

/**
 * The words a heading's id is made of: its text without the invisible parts
 * of emoji (`🌧️ Rain` is `-rain`, as GitHub names it, not U+FE0F and `-rain`), or `section`, as
 * Pandoc names it, for a heading with no letter or digit to name it by (`🎉`,
 * `???`): its id is then `section`, `section-1`…, never empty.
 */
function sluggable(title: string): string {
  const text = title.replace(INVISIBLE, '');
  return /^[-_]*$/.test(slug(text)) ? 'section' : text;
}

/**
 * Gives every heading the id Astro would (github-slugger over its text), but
 * first, and refuses a heading whose id something else on the page already
 * has. Section ids are public share links: they must be unique and must not
 * change, so a collision is the author's to resolve by renaming, never ours
 * to paper over with a suffix.
 */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    const taken = new Map(RESERVED_IDS);
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string' && !taken.has(id)) taken.set(id, `a <${node.tagName}> of the essay`);
    });

    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || typeof node.properties.id === 'string') return;
      const title = headingText(node);
      const id = slugger.slug(sluggable(title));
      const owner = taken.get(id);
      if (owner !== undefined) {
        const start = node.position?.start;
        run.problems.push(
          new EssayError(
            { file: file.path, line: start?.line, column: start?.column },
            `the heading "${title}" would get the id "${id}", which ${owner} already uses; rename the heading.`,
          ),
        );
        return;
      }
      node.properties.id = id;
      taken.set(id, `the heading "${title}"`);
    });
  };
}
