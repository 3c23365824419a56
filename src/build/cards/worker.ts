import { parentPort } from 'node:worker_threads';
import { cardFile, keepCard } from './cache.ts';
import { type CardText, drawCard } from './draw.ts';

/**
 * The thread that draws a build's missing cards (src/build/cards/batch.ts):
 * each is drawn and kept in the card cache, and the reply names its cache
 * file, or carries the PNG itself when the cache cannot be written. A card
 * is sent here when the cache holds none the build can trust: one found in
 * the cache file is not used.
 */
export type CardJob = { id: number; card: CardText };
export type CardDone = { id: number; file?: string; png?: Uint8Array; missing: string[] } | { id: number; failure: string };

parentPort?.on('message', async (jobs: CardJob[]) => {
  for (const { id, card } of jobs) {
    try {
      const drawing = await drawCard(card);
      const kept = await keepCard(card, drawing);
      const reply: CardDone = kept
        ? { id, file: cardFile(card), missing: drawing.missing }
        : { id, png: drawing.png, missing: drawing.missing };
      parentPort!.postMessage(reply, reply.png ? [reply.png.buffer as ArrayBuffer] : []);
    } catch (error) {
      parentPort!.postMessage({ id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CardDone);
    }
  }
});
