import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readPage } from './html.ts';
import { dist } from './paths.ts';

/** The first-load budget of any page (HTML, CSS and JS fetched before any interaction), gzip. */
export const FIRST_LOAD_BUDGET = 20 * 1024;

/**
 * The October Revolution essay's first load before figures, equations,
 * cross-references and revisions came (issue 14), in bytes gzip, with the
 * content hashes in file names written as 00000000 (any change to the code
 * renames chunks, which moves the gzip size by a few bytes): an essay that
 * uses none of them must not weigh more. Raise it only with a change meant to
 * weigh more on every essay, and say so in its commit.
 */
export const ESSAY_FIRST_LOAD_BEFORE_APPARATUS = 20_046;

/** A built file's text with the content hashes of the files it names (`Base.BjaX5t8E.css`) made alike. */
export function withoutHashes(text: string): string {
  return text.replace(/\.[\w-]{8}\.(js|css)\b/g, '.00000000.$1');
}

/** A built file for a site path: `/x/` is `/x/index.html`. */
export function file(sitePath: string): string {
  const { pathname } = new URL(sitePath, 'https://site.invalid');
  return path.join(dist, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
}

export const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length;

/**
 * What a page fetches before any interaction: its HTML, its stylesheets, its
 * module scripts and everything they import statically (not `import()`).
 */
export function firstLoad(sitePath: string): Map<string, number> {
  const html = readFileSync(file(sitePath), 'utf8');
  const doc = readPage(file(sitePath));
  const sizes = new Map([[sitePath, gzipped(html)]]);
  const scripts = [...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!);
  const styles = [...doc.querySelectorAll('link[rel~="stylesheet"], link[rel="modulepreload"]')].map((l) => l.getAttribute('href')!);
  for (const href of styles) sizes.set(href, gzipped(readFileSync(file(href))));
  const queue = [...scripts];
  while (queue.length > 0) {
    const src = queue.shift()!;
    if (sizes.has(src)) continue;
    const code = readFileSync(file(src), 'utf8');
    sizes.set(src, gzipped(code));
    for (const [, spec] of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      queue.push(new URL(spec!, new URL(src, 'https://site.invalid')).pathname);
    }
  }
  return sizes;
}
