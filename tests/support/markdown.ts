import path from 'node:path';
import { essayFolders } from '../../src/loader/files.ts';
import { readEssay, type RenderedEssay, renderEssay } from '../../src/loader/render.ts';
import { markdownRenderer } from '../../src/loader/renderer.ts';
import { root } from './paths.ts';

/** The site's Markdown processor, made as the content loader makes it, without a build. */
const renderer = markdownRenderer();

/**
 * Renders an essay file as the content loader does (src/loader/render.ts):
 * its folder is the essay's, the folder above it stands for content/, and the
 * site's public/ is public/.
 */
export async function renderEssayFile(file: string): Promise<RenderedEssay> {
  const dir = path.dirname(path.resolve(file));
  const id = path.basename(dir).toLowerCase();
  const folders = essayFolders(dir, path.dirname(dir), path.join(root, 'public'));
  const read = await readEssay({
    id,
    file: path.resolve(file),
    folders,
    path: `/essays/${id}/`,
    url: `https://essays.example.org/essays/${id}/`,
  });
  return renderEssay(await renderer, read);
}

/** The HTML of an essay file, rendered as the content loader does. */
export async function renderMarkdownFile(file: string): Promise<string> {
  return (await renderEssayFile(file)).html;
}
