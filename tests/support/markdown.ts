import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from '../../src/plugins/index.ts';

const processor = createMarkdownProcessor({
  gfm: false,
  smartypants: false,
  syntaxHighlight: false,
  remarkPlugins,
  rehypePlugins,
});

/** Renders a Markdown file exactly as the site's content loader does. */
export async function renderMarkdownFile(file: string): Promise<string> {
  const { content, frontmatter } = parseFrontmatter(await readFile(file, 'utf8'));
  const { code } = await (await processor).render(content, { fileURL: pathToFileURL(file), frontmatter });
  return code;
}
