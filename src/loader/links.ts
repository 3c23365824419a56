import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { EssayError } from '../lib/essay-error.ts';
import { didYouMean } from '../lib/suggest.ts';
import type { StoredEssayOutput } from '../plugins/contracts.ts';

/** Files the site publishes for every essay, beside its page (see src/pages/essays/[slug]/). */
const ESSAY_FILES = new Set(['cite.bib', 'cite.ris', 'cite.json', 'references.bib', 'references.json', 'card.png']);
/** Pages of the site that are not essays. */
const SITE_PAGES = new Set(['', 'search/', 'rss.xml', '404.html', 'robots.txt', 'card.png', 'sitemap-index.xml']);

/**
 * Checks the internal links written in essays where they are written, so
 * that a broken one names `index.md:line` rather than a built page: a
 * `#fragment` of the essay itself, another essay and its sections, the
 * site's own pages and the files under public/. (The build's final link
 * check, over the built pages, still catches anything else.)
 */
export function checkLinks(
  outputs: ReadonlyMap<string, StoredEssayOutput>,
  sources: readonly { id: string; file: string }[],
  basePath: string,
  publicDir: string,
): EssayError[] {
  const problems: EssayError[] = [];
  const files = new Map(sources.map((s) => [s.id, s.file]));
  for (const [id, output] of outputs) {
    const file = files.get(id)!;
    const here = new URL(`${basePath}essays/${id}/`, 'https://site.invalid');
    for (const { href, line, column } of output.links) {
      const place = { file, line, column };
      let url: URL;
      try {
        url = new URL(href, here);
      } catch {
        problems.push(new EssayError(place, `the link "${href}" is not a valid address.`));
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!url.pathname.startsWith(basePath)) {
        // Most likely a link from the root, written before the site moved under a base.
        const fix = href.startsWith('/')
          ? `; write it relative to the essay (such as "../other-essay/") or under the base ("${basePath}${href.slice(1)}")`
          : '';
        problems.push(new EssayError(place, `the link "${href}" leads outside the site (${url.pathname} is not under ${basePath})${fix}.`));
        continue;
      }
      const sitePath = decodeURIComponent(url.pathname.slice(basePath.length));
      const essay = sitePath.match(/^essays\/([^/]+)\/(.*)$/);
      if (essay) {
        const [, target, rest] = essay as unknown as [string, string, string];
        const other = outputs.get(target);
        if (other === undefined) {
          problems.push(
            new EssayError(
              place,
              `the link "${href}" leads to no essay: there is no essay "${target}"${didYouMean(target, outputs.keys())}`,
            ),
          );
        } else if (rest !== '' && !ESSAY_FILES.has(rest) && !/^s\/[^/]+\/$/.test(rest)) {
          problems.push(new EssayError(place, `the link "${href}" leads to nothing the essay "${target}" publishes.`));
        } else if (fragment && !fragment.startsWith(':~:') && !other.ids.includes(fragment)) {
          problems.push(
            new EssayError(
              place,
              `the link "${href}" leads to no part of the essay "${target}": it has no id "${fragment}"${didYouMean(fragment, other.ids, '#')}`,
            ),
          );
        }
        continue;
      }
      if (SITE_PAGES.has(sitePath) || sitePath.startsWith('pagefind/')) continue;
      // `/essays/x#a`: the essay's page is its folder, `/essays/x/` (a static host answers the other with a 404 or a redirect).
      const unslashed = /^essays\/([^/]+)$/.exec(sitePath)?.[1];
      if (unslashed !== undefined && outputs.has(unslashed)) {
        // As the author wrote it: a path from the site's root went under the base (rehype-site-paths.ts).
        const written = basePath !== '/' && href.startsWith(basePath) ? `/${href.slice(basePath.length)}` : href;
        const address = written.split(/[?#]/)[0]!;
        const fix = `${address}/${written.slice(address.length)}`;
        problems.push(new EssayError(place, `the link "${written}" leaves out the slash that ends the essay's address: write "${fix}".`));
        continue;
      }
      const inPublic = path.join(publicDir, sitePath);
      if (!inPublic.startsWith(publicDir) || !existsSync(inPublic) || !statSync(inPublic).isFile()) {
        problems.push(
          new EssayError(place, `the link "${href}" leads to no page or file of the site (files to link to go under public/).`),
        );
      }
    }
  }
  return problems;
}
