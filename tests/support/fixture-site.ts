import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.ts';

/**
 * A throwaway copy of the site whose essays are the given fixture folders:
 * the real config, src/ and public/ (linked), its own content/ and caches.
 * It lives under tests/.tmp so that node_modules resolves to the project's.
 */
export function makeFixtureSite(name: string, essays: Record<string, string>, options: ProjectOptions = {}): string {
  const site = path.join(root, 'tests/.tmp', name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.join(site, 'content/essays'), { recursive: true });
  linkProject(site, options);
  for (const [slug, from] of Object.entries(essays)) cpSync(from, path.join(site, 'content/essays', slug), { recursive: true });
  return site;
}

export interface ProjectOptions {
  /**
   * Copy src/ rather than link it. Vite leaves the layout's stylesheet out of
   * the pages when their source is a link that leads outside the site's root,
   * so a browser test that measures the layout needs a copy.
   */
  copySource?: boolean;
}

/** Makes a folder with its own content/ a copy of the site: the real config, src/ and public/, linked. */
export function linkProject(site: string, { copySource = false }: ProjectOptions = {}): void {
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (entry === 'src' && copySource) cpSync(path.join(root, entry), path.join(site, entry), { recursive: true });
    else symlinkSync(path.join(root, entry), path.join(site, entry));
  }
}
