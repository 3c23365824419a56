import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { renderCard } from '../build/cards/index.ts';
import { sharePageHtml } from '../build/share-page.ts';
import { titleWithoutShortEnds } from '../lib/prose.ts';
import { cardPath, sharePath } from '../lib/share.ts';
import { SITE } from '../lib/site.ts';
import { uiStrings } from '../lib/ui-strings.ts';
import { readSharingManifest, type SharedEssay, type SharingManifest } from '../loader/sharing-manifest.ts';
import type { CardText } from '../build/cards/index.ts';

/** A file the sharing integration makes, by its path under the site (with the base). */
interface Made {
  path: string;
  body: () => Promise<Uint8Array | string>;
}

/**
 * Gives the site, every essay and every section a link-preview card, and
 * every section its share page (`/essays/<essay>/s/<section>/`, see
 * src/build/share-page.ts), from the sections the Markdown pipeline found
 * (src/loader/sharing-manifest.ts). These are thousands of small files on a
 * large site: made here from a template and a card drawer, not rendered as
 * Astro pages one by one. Cards start drawing (in worker threads) as the
 * build starts, while Astro renders the pages, and are written out when it
 * is done; `astro dev` serves both on request.
 */
export default function sharing(): AstroIntegration {
  let config: AstroConfig;
  let made: Made[] | undefined;
  let cards: Promise<unknown> | undefined;
  return {
    name: 'essay-publisher:sharing',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': async () => {
        made = files(await readSharingManifest(config.cacheDir), config);
        // Started now, awaited when the pages are done: the drawing overlaps Astro's rendering.
        cards = Promise.all(made.filter((f) => f.path.endsWith('.png')).map((f) => f.body()));
        cards.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        await cards;
        const out = fileURLToPath(dir);
        const base = trimmedBase(config);
        const all = made ?? [];
        // A few at a time: thousands of writes at once would hold thousands of file handles.
        for (let i = 0; i < all.length; i += 64) {
          await Promise.all(
            all.slice(i, i + 64).map(async (file) => {
              // Paths are URLs (`s/%D0%B8…/`); a static host serves the file named by the decoded path.
              const target = path.join(out, decodeURIComponent(file.path.slice(base.length)), file.path.endsWith('/') ? 'index.html' : '');
              await mkdir(path.dirname(target), { recursive: true });
              await writeFile(target, await file.body());
            }),
          );
        }
        const pages = all.filter((f) => f.path.endsWith('/')).length;
        logger.info(`Wrote ${pages} share pages and ${all.length - pages} link-preview cards.`);
      },
      'astro:server:setup': ({ server }) => {
        // `astro dev`: the same files, made when asked for.
        server.middlewares.use(async (request, response, next) => {
          const wanted = new URL(request.url ?? '/', 'http://dev').pathname;
          if (!wanted.endsWith('/card.png') && !/\/s\/[^/]+\/$/.test(wanted)) return next();
          const file = files(await readSharingManifest(config.cacheDir).catch(() => ({ essays: [] })), config).find(
            (f) => f.path === wanted,
          );
          if (!file) return next();
          response.setHeader('Content-Type', wanted.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8');
          response.end(await file.body());
        });
      },
    },
  };
}

/** Every card and share page of the site: the site's card, and each essay's and each of its sections'. */
function files(manifest: SharingManifest, config: AstroConfig): Made[] {
  const site = new URL(config.site ?? 'https://site.invalid/');
  const base = trimmedBase(config);
  const footer = `${SITE.name} · ${site.host}`;
  const card = (text: CardText, where: string) => {
    let drawn: Promise<Uint8Array> | undefined;
    return () => (drawn ??= renderCard(text, where));
  };
  const out: Made[] = [{ path: cardPath(`${base}/`), body: card({ title: SITE.description, footer, lang: SITE.lang }, 'the site card') }];
  for (const essay of manifest.essays) {
    // A one- or two-letter word is kept with the next, so that no line ends on "A".
    const title = titleWithoutShortEnds(essay.title);
    out.push({ path: cardPath(essay.path), body: card({ title, footer, lang: essay.lang }, `the essay "${essay.id}"`) });
    for (const section of essay.sections) {
      const page = sharePath(essay.path, section.id);
      out.push(
        { path: page, body: async () => shareHtml(essay, section, page, site, base) },
        {
          path: cardPath(page),
          body: card(
            { title: section.title, context: essay.title, footer, lang: essay.lang },
            `the essay "${essay.id}", section "${section.title}"`,
          ),
        },
      );
    }
  }
  return out;
}

function shareHtml(essay: SharedEssay, section: SharedEssay['sections'][number], page: string, site: URL, base: string): string {
  const strings = uiStrings(essay.lang);
  return sharePageHtml({
    section: section.title,
    essay: essay.title,
    description: section.opening || strings.sectionDescription(section.title, essay.title),
    lang: essay.lang,
    target: `${essay.path}#${encodeURIComponent(section.id)}`,
    path: page,
    image: cardPath(page),
    article: { published: essay.published, author: essay.author, tags: essay.tags, section: section.title },
    siteName: SITE.name,
    site,
    favicon: `${base}/favicon.svg`,
    strings,
  });
}

/** The site's base path without its trailing slash ('' at the root). */
function trimmedBase(config: AstroConfig): string {
  return config.base.replace(/\/$/, '');
}
