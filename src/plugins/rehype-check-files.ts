import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { EssayError, type Place } from '../lib/essay-error.ts';
import { resolveEssayFile } from '../loader/files.ts';
import { runOf, siteBase } from './contracts.ts';

/**
 * Checks every image an essay shows, where it is written: it must be a file
 * in the essay's folder, the site's content/ or public/ (never a file
 * elsewhere on the build machine: essays may come from other people), and
 * never load from another site (the pages load nothing from elsewhere).
 * Images beside the essay written in raw HTML are handed to Astro's image
 * pipeline like Markdown ones, so that they are published.
 */
export default function rehypeCheckFiles() {
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    const files = new Set<string>();
    const local = (file.data.astro ??= {}).localImagePaths ?? [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = node.properties.src;
      const start = node.position?.start;
      const place: Place = { file: file.path, line: start?.line, column: start?.column };
      if (src.startsWith('data:')) return;
      if (/^(?:https?:)?\/\//i.test(src)) {
        run.problems.push(
          new EssayError(
            place,
            `image "${src}" would load from another site, and the site's pages load nothing from elsewhere; save the image beside the essay and write its file name.`,
          ),
        );
        return;
      }
      try {
        const resolved = resolveEssayFile(src, 'image', run.input.folders, place, siteBase(run.input));
        files.add(resolved);
        // Where it is, for rehype-responsive-images.
        node.data = { ...node.data, file: resolved } as Element['data'];
      } catch (error) {
        if (!(error instanceof EssayError)) throw error;
        run.problems.push(error);
        return;
      }
      const written = decodeURI(src);
      if (!written.startsWith('/') && !local.includes(written)) local.push(written);
    });
    file.data.astro.localImagePaths = local;
    run.output.files = [...files];
  };
}
