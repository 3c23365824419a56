import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { markdownPipeline } from '../plugins/index.ts';

/** Astro's `image` options that Markdown rendering reads (which remote images are allowed). */
export interface ImageOptions {
  domains?: string[];
  remotePatterns?: unknown[];
}

/**
 * The site's Markdown processor: Astro's, made from the pipeline that
 * astro.config.mjs configures (src/plugins/index.ts), with no code
 * highlighting (Shiki's inline styles would need 'unsafe-inline' under the
 * CSP). The loader, its worker threads and the unit tests all render with it.
 */
export function markdownRenderer(image: ImageOptions = {}): Promise<MarkdownRenderer> {
  return createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false, image } as Parameters<typeof createMarkdownProcessor>[0]);
}
