import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readPage } from './html.ts';
import { dist } from './paths.ts';

/** The first-load budget of any page (HTML, CSS and JS fetched before any interaction), gzip. */
export const FIRST_LOAD_BUDGET = 20 * 1024;

/** A built file for a site path: `/x/` is `/x/index.html`. */
export function file(sitePath: string): string {
  const { pathname } = new URL(sitePath, 'https://site.invalid');
  return path.join(dist, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
}

const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length;

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

/** The fonts budget of any page, counted apart from the first load (the files are WOFF2, compressed already). */
export const FONT_BUDGET = 60 * 1024;

/** Whether a character falls in a CSS unicode-range (`U+0-FF, U+131, U+2000-206F`). */
function inRange(range: string, code: number): boolean {
  return range.split(',').some((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    if (from!.includes('?')) return code >= parseInt(from!.replace(/\?/g, '0'), 16) && code <= parseInt(from!.replace(/\?/g, 'F'), 16);
    return code >= parseInt(from!, 16) && code <= parseInt(to!, 16);
  });
}

/**
 * The font files a page makes the browser fetch, as the browser decides: a
 * face of its stylesheets downloads only when the page has text in that
 * style (italic where it has <em>, <i> or <cite>; 600 where <strong> or <b>)
 * with a character in the face's unicode-range.
 */
export function fontLoad(sitePath: string): Map<string, number> {
  const doc = readPage(file(sitePath));
  const css = [...doc.querySelectorAll('link[rel~="stylesheet"]')]
    .map((l) => readFileSync(file(l.getAttribute('href')!), 'utf8'))
    .join('\n');
  const text = doc.body.textContent ?? '';
  const codes = new Set([...text].map((c) => c.codePointAt(0)!));
  const italic = doc.querySelector('em, i, cite') !== null;
  const bold = doc.querySelector('strong, b') !== null;
  const sizes = new Map<string, number>();
  for (const [face] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const src = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(face)?.[1];
    if (!src) continue;
    const style = /font-style:\s*(\w+)/.exec(face)?.[1] ?? 'normal';
    const weight = Number(/font-weight:\s*(\d+)/.exec(face)?.[1] ?? 400);
    const range = /unicode-range:\s*([^;}]+)/.exec(face)?.[1];
    if ((style === 'italic' && !italic) || (weight >= 600 && !bold)) continue;
    if (range && ![...codes].some((code) => inRange(range, code))) continue;
    sizes.set(src, readFileSync(file(src)).length);
  }
  return sizes;
}
