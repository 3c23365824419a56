import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins, remarkRehype } from '../../src/plugins/index.ts';

const processor = createMarkdownProcessor({
  gfm: false,
  smartypants: false,
  syntaxHighlight: false,
  remarkPlugins,
  rehypePlugins,
  remarkRehype,
});

/** Renders a Markdown file exactly as the site's content loader does. */
export async function renderMarkdownFile(file: string): Promise<string> {
  // As Astro's Markdown entry type does: frontmatter blanked, body trimmed.
  const { content, frontmatter } = parseFrontmatter(await readFile(file, 'utf8'), { frontmatter: 'empty-with-spaces' });
  const { code } = await (await processor).render(content.trim(), { fileURL: pathToFileURL(file), frontmatter });
  return code;
}
