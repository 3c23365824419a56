import { copyFileSync, cpSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.ts';

/**
 * A throwaway copy of the site whose essays are the given fixture folders:
 * the real config, src/ and public/ (linked), its own content/ (copied, symlinks
 * followed) and caches.
 * It lives under tests/.tmp so that node_modules resolves to the project's.
 */
export function makeFixtureSite(name: string, essays: Record<string, string>, { copySource = false } = {}): string {
  const site = path.join(root, 'tests/.tmp', name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(path.join(site, 'content/essays'), { recursive: true });
  linkProject(site, { copySource });
  // Fixtures share one bibliography by a symlink (tests/fixtures/sites/references.bib):
  // the site gets the file itself, as an author's folder would hold it.
  for (const [slug, from] of Object.entries(essays)) copyFollowingLinks(from, path.join(site, 'content/essays', slug));
  return site;
}

/** Copies a fixture folder, each symlink in it as the file it points to (cpSync's `dereference` keeps links below the top). */
export function copyFollowingLinks(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyFollowingLinks(source, path.join(to, entry.name));
    else copyFileSync(realpathSync(source), path.join(to, entry.name));
  }
}

/**
 * Makes a folder with its own content/ a copy of the site: the real config,
 * src/ and public/, linked. With `copySource`, src/ is copied instead: through
 * a linked src/ the build leaves out the layout's stylesheet (Vite sees the
 * pages outside the site's root), which a test of what a reader sees needs.
 */
export function linkProject(site: string, { copySource = false } = {}): void {
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (entry === 'src' && copySource) cpSync(path.join(root, entry), path.join(site, entry), { recursive: true });
    else symlinkSync(path.join(root, entry), path.join(site, entry));
  }
}
