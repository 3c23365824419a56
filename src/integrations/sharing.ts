import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { type CardBatch, drawCards } from '../build/cards/batch.ts';
import { cardFile } from '../build/cards/cache.ts';
import { drawnAsSiteCard, lettersNoCardFontHas } from '../build/cards/fonts.ts';
import { type CardText, renderCard } from '../build/cards/index.ts';
import { linkOrCopy } from '../build/cache-files.ts';
import { FileStore } from '../build/file-store.ts';
import { folderDigest, type ShareFolder, ShareFolders } from '../build/share-folders.ts';
import { sharePageHtml } from '../build/share-page.ts';
import { titleWithoutShortEnds } from '../lib/prose.ts';
import { cardPath, sharePath } from '../lib/share.ts';
import { siteCardAlt, siteConfig } from '../lib/site.ts';
import { uiStrings } from '../lib/ui-strings.ts';
import { newestFirst, tagSpellings } from '../lib/tags.ts';
import { readSharingManifest, type SharedEssay, type SharingManifest, useManifest } from '../loader/sharing-manifest.ts';

/**
 * What the sharing integration makes, by path under the site (with the base):
 * share pages, downloads and cards. A section's page and card name the share
 * folder they are in (`essays/<essay>/s`, relative to the output folder),
 * which a rebuild may carry over.
 */
interface Plan {
  /** Files written as they are: share pages and the essays' citation downloads. */
  pages: { path: string; html: () => string; type: string; folder?: string }[];
  cards: { path: string; card: CardText; page: string; folder?: string }[];
  /** For the author: the pages whose card is the site's, as no card font has their letters. */
  notes: string[];
}

/**
 * Gives the site, every essay and every section a link-preview card, every
 * section its share page (`/essays/<essay>/s/<section>/`, see
 * src/build/share-page.ts), and every essay its "Cite this essay" files
 * (`cite.ris`, `references.bib`…), from what the content loader found
 * (src/loader/sharing-manifest.ts). These are thousands of small files on a
 * large site: made here from a template and the card drawer, not rendered as
 * Astro pages one by one. The cards the cache lacks are drawn in a worker
 * thread from the moment the build starts, while Astro renders the pages on
 * the main one (src/build/cards/batch.ts), and written out when it is done.
 * An essay's share folder that would be written as the last build wrote it
 * is carried over from its output instead (src/build/share-folders.ts).
 * `astro dev` serves both on request.
 */
export default function sharing(): AstroIntegration {
  let config: AstroConfig;
  let plan: Plan | undefined;
  let batch: CardBatch | undefined;
  let folders: ShareFolders | undefined;
  let downloads: FileStore | undefined;
  let digests: ShareFolder[] = [];
  /** The folders carried over from the last build's output, and the cards left to draw or find. */
  let carried = new Set<string>();
  let cards: Plan['cards'] = [];
  const warnings = new Map<string, string[]>();
  return {
    name: 'essay-publisher:sharing',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': async ({ logger }) => {
        const manifest = await readSharingManifest(config.cacheDir);
        // The sitemap's lastmod (astro.config.mjs), written as the build ends.
        useManifest(manifest);
        plan = planOf(manifest, config);
        for (const note of plan.notes) logger.warn(note);
        // Before no-partial-builds (listed after this) moves the last build's output aside.
        folders = new ShareFolders(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir));
        downloads = new FileStore(fileURLToPath(new URL('essay-publisher/downloads/', config.cacheDir)));
        digests = digestsOf(plan);
        // Not a folder public/ also fills (Astro copies it into the output before the folders are put back).
        const publicDir = fileURLToPath(config.publicDir);
        carried = await folders.carry(digests.filter((d) => !existsSync(path.join(publicDir, d.folder))));
        cards = plan.cards.filter((c) => !carried.has(c.folder ?? ''));
        batch = drawCards(
          cards.map((c) => c.card),
          (i) => cards[i]!.page,
          (message, i) => {
            logger.warn(message);
            const folder = cards[i]!.folder ?? '';
            warnings.set(folder, [...(warnings.get(folder) ?? []), message]);
          },
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const base = trimmedBase(config);
        // Paths are URLs (`s/%D0%B8…/`); a static host serves the file named by the decoded path.
        const target = (page: string) =>
          path.join(out, decodeURIComponent(page.slice(base.length)), page.endsWith('/') ? 'index.html' : '');
        const pages = plan!.pages.filter((p) => !carried.has(p.folder ?? ''));
        // Each folder made once: a section's share page and its card share one, and thousands of sections share a few.
        const made = new Map<string, Promise<unknown>>();
        const folderFor = (file: string) => {
          const folder = path.dirname(file);
          if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
          return made.get(folder);
        };
        try {
          await inBatches([...carried], 64, async (folder) => {
            await folderFor(path.join(out, folder));
            for (const warning of await folders!.restore(folder)) logger.warn(warning);
          });
          // A few at a time: thousands of writes at once would hold thousands of file handles.
          await inBatches(pages, 64, async (page) => {
            await folderFor(target(page.path));
            // A download is the same file build after build: linked from the store (src/build/file-store.ts).
            await (page.folder ? writeFile(target(page.path), page.html()) : downloads!.put(page.html(), target(page.path)));
          });
          await inBatches([...cards.keys()], 64, async (i) => {
            const drawn = await batch!.card(i);
            const file = target(cards[i]!.path);
            await folderFor(file);
            await ('file' in drawn ? linkOrCopy(drawn.file, file) : writeFile(file, drawn.png));
          });
          await batch!.published();
        } finally {
          await batch?.close();
        }
        await folders!.record(digests.map((d) => ({ ...d, warnings: warnings.get(d.folder) ?? [] })));
        await downloads!.prune();
        const downloadCount = plan!.pages.filter((p) => !p.path.endsWith('/')).length;
        const sharePages = plan!.pages.length - downloadCount;
        logger.info(
          `Wrote ${sharePages} share pages, ${downloadCount} citation files and ${plan!.cards.length} link-preview cards` +
            (carried.size > 0
              ? ` (the share pages and cards of ${carried.size} essay${carried.size === 1 ? '' : 's'} carried over from the last build, unchanged).`
              : '.'),
        );
      },
      'astro:server:setup': ({ server }) => {
        // `astro dev`: the same files, made when asked for.
        server.middlewares.use(async (request, response, next) => {
          // Under a base, Vite hands the middleware the address without it; the plan's paths have it.
          const asked = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/';
          const wanted = decodeURIComponent(new URL(asked, 'http://dev').pathname);
          if (!wanted.startsWith(`${trimmedBase(config)}/essays/`) && !wanted.endsWith('/card.png')) return next();
          const made = planOf(await readSharingManifest(config.cacheDir).catch(() => ({ essays: [] })), config);
          const page = made.pages.find((p) => decodeURIComponent(p.path) === wanted);
          const card = made.cards.find((c) => decodeURIComponent(c.path) === wanted);
          if (!page && !card) return next();
          response.setHeader('Content-Type', card ? 'image/png' : page!.type);
          response.end(card ? await renderCard(card.card, card.page) : page!.html());
        });
      },
    },
  };
}

/** Every card and share page of the site: the site's card, and each essay's and each of its sections'. */
function planOf(manifest: SharingManifest, config: AstroConfig): Plan {
  const site = new URL(config.site ?? 'https://site.invalid/');
  const base = trimmedBase(config);
  // Read when the plan is made, not when this module is: astro.config.mjs imports it before it calls essays().
  const SITE = siteConfig();
  const footer = `${SITE.title} · ${site.host}`;
  const siteCard: CardText = { title: SITE.tagline, footer, lang: SITE.lang };
  const plan: Plan = { pages: [], cards: [{ path: cardPath(`${base}/`), card: siteCard, page: 'the site card' }], notes: [] };
  // Each tag in the one spelling the site gives it (src/lib/tags.ts), as on the essays' pages.
  const spelling = tagSpellings(
    [...manifest.essays]
      .sort((a, b) => newestFirst({ time: Date.parse(a.published), id: a.id }, { time: Date.parse(b.published), id: b.id }))
      .map((essay) => essay.tags),
  );
  for (const essay of manifest.essays.map((shared) => ({ ...shared, tags: shared.tags.map(spelling) }))) {
    const folder = shareFolder(essay.path, base);
    // A one- or two-letter word is kept with the next, so that no line ends on "A".
    const title = titleWithoutShortEnds(essay.title);
    const lacking = new Set<string>();
    let replaced = 0;
    // A card whose letters no card font has would show boxes where they go: the page gets the site's card instead.
    const drawable = (card: CardText): CardText => {
      const text = `${card.context ?? ''}${card.title}`;
      if (!drawnAsSiteCard(text, siteCard.title)) return card;
      for (const letter of lettersNoCardFontHas(text)) lacking.add(letter);
      replaced++;
      return siteCard;
    };
    plan.cards.push({ path: cardPath(essay.path), card: drawable({ title, footer, lang: essay.lang }), page: `the essay "${essay.id}"` });
    for (const download of essay.downloads) {
      plan.pages.push({ path: `${essay.path}${download.file}`, html: () => download.body, type: download.type });
    }
    for (const section of essay.sections) {
      const page = sharePath(essay.path, section.id);
      const card = drawable({ title: titleWithoutShortEnds(section.title), context: title, footer, lang: essay.lang });
      // Its image described as what it shows: the section's title, or the site's tagline on the site's card.
      const imageAlt = card === siteCard ? siteCardAlt(SITE) : undefined;
      plan.pages.push({
        path: page,
        html: () => shareHtml(essay, section, page, site, base, SITE.title, imageAlt),
        type: 'text/html; charset=utf-8',
        folder,
      });
      plan.cards.push({ folder, path: cardPath(page), card, page: `the essay "${essay.id}", section "${section.title}"` });
    }
    if (replaced > 0) {
      plan.notes.push(
        `the essay "${essay.id}": the card fonts have no letters for “${[...lacking].join('')}”, so ${replaced} of its ` +
          `${essay.sections.length + 1} link-preview cards are the site's; add a font with them to CARD_FONTS ` +
          '(src/build/cards/fonts.ts) for cards of its own.',
      );
    }
  }
  return plan;
}

function shareHtml(
  essay: SharedEssay,
  section: SharedEssay['sections'][number],
  page: string,
  site: URL,
  base: string,
  siteName: string,
  imageAlt: string | undefined,
): string {
  const strings = uiStrings(essay.lang);
  return sharePageHtml({
    section: section.title,
    essay: essay.title,
    description: section.opening || strings.sectionDescription(section.title, essay.title),
    lang: essay.lang,
    target: `${essay.path}#${encodeURIComponent(section.id)}`,
    path: page,
    image: cardPath(page),
    article: { published: essay.published, authors: essay.authors, tags: essay.tags, section: section.title },
    siteName,
    ...(imageAlt && { imageAlt }),
    site,
    favicon: `${base}/favicon.svg`,
    strings,
  });
}

/** An essay's share folder, its section pages' and cards' (src/lib/share.ts), relative to the output folder: `essays/<essay>/s`. */
function shareFolder(essayPath: string, base: string): string {
  return decodeURIComponent(sharePath(essayPath, '').slice(base.length + 1)).replace(/\/+$/, '');
}

/** Each essay's share folder with what it holds. */
function digestsOf(plan: Plan): ShareFolder[] {
  const folders = new Map<string, { pages: { path: string; html: string }[]; cards: { path: string; file: string }[] }>();
  const of = (folder: string) => folders.get(folder) ?? folders.set(folder, { pages: [], cards: [] }).get(folder)!;
  for (const page of plan.pages) if (page.folder) of(page.folder).pages.push({ path: page.path, html: page.html() });
  for (const card of plan.cards) if (card.folder) of(card.folder).cards.push({ path: card.path, file: cardFile(card.card) });
  return [...folders].map(([folder, held]) => ({ folder, digest: folderDigest(held.pages, held.cards) }));
}

/** The site's base path without its trailing slash ('' at the root). */
function trimmedBase(config: AstroConfig): string {
  return config.base.replace(/\/$/, '');
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
