import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { runOf, siteBase } from './contracts.ts';

/**
 * Paths written from the site's root (`/essays/the-july-days/#aftermath`,
 * `/images/map.png`, `/files/handout.pdf`) are put under the site's base, so
 * that an essay written for a site at the root of its domain reads the same
 * under `/essays-site/` (GitHub Pages): the author writes where a page is in
 * the site, not where the site is on its host. Every such path: under the base
 * `/essays/`, `/essays/the-july-days/` is that essay, at
 * `/essays/essays/the-july-days/`, so a path cannot be taken as already under
 * the base because it starts with it.
 */
export default function rehypeSitePaths() {
  return (tree: Root, file: VFile) => {
    const base = siteBase(runOf(file).input);
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      const name = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
      const value = name && node.properties[name];
      if (typeof value === 'string') node.properties[name!] = underBase(value, base);
    });
  };
}

/** `/images/map.png` under the base `/essays-site/`: `/essays-site/images/map.png`; any other address as it is. */
export function underBase(href: string, base: string): string {
  if (!href.startsWith('/') || href.startsWith('//') || base === '/') return href;
  return `${base}${href.slice(1)}`;
}
