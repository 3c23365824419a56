import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { startThread } from '../threads.ts';
import { cardFile, cardKey, PublishedCards } from './cache.ts';
import type { CardText } from './draw.ts';
import type { CardDone, CardJob } from './worker.ts';

/** A card of the build, drawn or found: its cache file, or its bytes when the cache could not keep it. */
export type DrawnCard = { file: string } | { png: Uint8Array };

export interface CardBatch {
  /** The card asked for as the `i`-th, once drawn. */
  card(i: number): Promise<DrawnCard>;
  /** Once every card is linked into the site: records their cache files as published (cache.ts). */
  published(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How many cards to draw make another worker thread pay: each loads the
 * fonts, starts HarfBuzz and lays the site's foot out (about 200 ms), and
 * draws each essay's title line again for the essays it is given. At N = 100
 * (763 cards, about 2 s of drawing) one worker finishes while Astro renders
 * the pages, and a second one did not pay; at N = 1,000 (7,577 cards) the
 * build waited for the one worker long after the pages were done.
 */
const CARDS_PER_WORKER = 1500;

/**
 * A card worker's young generation, in MB: V8 sizes it by the machine's
 * memory (128 MB of new space on the bench's 24 GB), and a card worker
 * fills it with short-lived objects while Pagefind builds its index, the
 * build's peak. At N = 1,000 the build's process held 1,344 MB then, 1,261 MB
 * with 16 (1,226 with 8), and built in the same time (57–60 s).
 */
const YOUNG_GENERATION_MB = 16;

/**
 * Draws every card a build needs while Astro builds its pages: the cards
 * the cache lacks are drawn in worker threads (one, or one a core when there
 * are thousands), the rest are already files in the cache, as the build
 * that published them left them (PublishedCards). Each worker takes
 * a run of the cards in the site's order (an essay's, then its sections'), so
 * that each essay's title line is laid out by one worker. `page(i)` names the
 * page the i-th card is for, in the warning about characters the card font
 * lacks.
 */
export function drawCards(cards: CardText[], page: (i: number) => string, warn: (message: string, i: number) => void): CardBatch {
  const kept = new PublishedCards();
  // A card asked for twice (the site's card, standing in for pages it cannot draw) is drawn once:
  // two workers writing one cache file would race.
  const first = new Map<string, number>();
  const missing: number[] = [];
  const copies: [number, number][] = [];
  cards.forEach((card, i) => {
    if (kept.holds(card)) return;
    const key = cardKey(card);
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, i);
      missing.push(i);
    } else copies.push([i, at]);
  });
  const settles = new Map<number, { resolve: (card: DrawnCard) => void; reject: (error: Error) => void }>();
  const drawn = new Map<number, Promise<DrawnCard>>();
  for (const i of missing) drawn.set(i, new Promise((resolve, reject) => settles.set(i, { resolve, reject })));
  for (const [i, at] of copies) drawn.set(i, drawn.get(at)!);
  const threads = Math.min(availableParallelism(), Math.ceil(missing.length / CARDS_PER_WORKER));
  const workers = Array.from({ length: threads }, (_, t) => {
    const worker = startThread(new URL('./worker.ts', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('message', (done: CardDone) => {
      const settle = settles.get(done.id)!;
      if ('failure' in done) return settle.reject(new Error(`A link-preview card could not be drawn (${page(done.id)}):\n${done.failure}`));
      if (done.missing.length > 0)
        warn(`${page(done.id)}: the card font has no glyph for “${done.missing.join('')}”; the link-preview card will lack it.`, done.id);
      settle.resolve(done.file ? { file: done.file } : { png: done.png! });
    });
    worker.on('error', (error: Error) => {
      for (const settle of settles.values()) settle.reject(error);
    });
    const run = missing.slice(Math.floor((t * missing.length) / threads), Math.floor(((t + 1) * missing.length) / threads));
    worker.postMessage(run.map((id): CardJob => ({ id, card: cards[id]! })));
    return worker;
  });
  return {
    card: (i) => drawn.get(i) ?? recalled(cards[i]!, page(i), (message) => warn(message, i)),
    published: () => kept.publish(cards),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** A card an earlier build drew: its cache file, and the warning kept beside it. */
async function recalled(card: CardText, page: string, warn: (message: string) => void): Promise<DrawnCard> {
  const file = cardFile(card);
  const missing = JSON.parse(await readFile(`${file}.missing.json`, 'utf8').catch(() => '[]')) as string[];
  if (missing.length > 0) warn(`${page}: the card font has no glyph for “${missing.join('')}”; the link-preview card will lack it.`);
  return { file };
}
