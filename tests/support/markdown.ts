import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { essayFolders } from '../../src/loader/files.ts';
import { prepareEssay, type RenderedEssay, renderEssay } from '../../src/loader/render.ts';
import { rehypePlugins, remarkPlugins, remarkRehype } from '../../src/plugins/index.ts';
import { root } from './paths.ts';

/** The site's Markdown processor, as astro.config.mjs sets it up, without a build. */
const processor = createMarkdownProcessor({
  gfm: false,
  smartypants: false,
  syntaxHighlight: false,
  remarkPlugins,
  rehypePlugins,
  remarkRehype,
});

/**
 * Renders an essay file as the content loader does (src/loader/render.ts):
 * its folder is the essay's, the folder above it stands for content/, and the
 * site's public/ is public/.
 */
export async function renderEssayFile(file: string): Promise<RenderedEssay> {
  const dir = path.dirname(path.resolve(file));
  const id = path.basename(dir).toLowerCase();
  const folders = essayFolders(dir, path.dirname(dir), path.join(root, 'public'));
  const prepared = await prepareEssay({ id, file: path.resolve(file), folders, path: `/essays/${id}/` });
  return renderEssay(await processor, prepared);
}

/** The HTML of an essay file, rendered as the content loader does. */
export async function renderMarkdownFile(file: string): Promise<string> {
  return (await renderEssayFile(file)).html;
}
