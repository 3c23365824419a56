import { cardKey, keepCard, recallCard } from './cache.ts';
import { type CardText, type Drawing, drawCard } from './draw.ts';

export type { CardText } from './draw.ts';
export { CACHE_VARIABLE, cardCacheDir } from './cache.ts';

/**
 * Cards being drawn, by what they say: a page that asks for a card already
 * on its way shares the drawing. Settled drawings are dropped, so that memory
 * does not grow with the number of cards.
 */
const inFlight = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * A 1200×630 PNG link-preview card (draw.ts): kept from an earlier build if
 * one drew it (cache.ts), drawn otherwise. `page` names the page the card is
 * for, in the warning about characters the font lacks.
 */
export function renderCard(card: CardText, page: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = cardKey(card);
  let png = inFlight.get(key);
  if (!png) {
    png = recallOrDraw(card).then(({ png, missing }) => {
      if (missing.length > 0) {
        console.warn(`${page}: the card font has no glyph for “${missing.join('')}”; the link-preview card will lack it.`);
      }
      return png;
    });
    inFlight.set(key, png);
    const done = () => inFlight.delete(key);
    png.then(done, done);
  }
  return png;
}

/**
 * The card from the cache, or drawn and then kept. Cards are drawn on the
 * build's own thread: at 2–3 ms a card, worker threads no longer pay for
 * themselves (bench/RESULTS.md, "Cards").
 */
async function recallOrDraw(card: CardText): Promise<Drawing> {
  const kept = await recallCard(card);
  if (kept) return kept;
  const drawing = await drawCard(card);
  await keepCard(card, drawing);
  return drawing;
}
