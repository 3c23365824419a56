import { parentPort, workerData } from 'node:worker_threads';
import { type EssayError, EssayErrors } from '../lib/essay-error.ts';
import { type ReadEssay, type RenderedEssay, renderEssay } from './render.ts';
import { type ImageOptions, markdownRenderer } from './renderer.ts';

/**
 * A worker thread of src/loader/render-pool.ts: renders the essays it is
 * sent, one at a time, with the site's Markdown pipeline. Problems and
 * warnings travel as plain data (place and problem); the pool makes them
 * EssayErrors again.
 */
export type Problem = Pick<EssayError, 'place' | 'problem'>;
export type Request = { id: number; read: ReadEssay };
export type Reply =
  | { id: number; rendered: Omit<RenderedEssay, 'warnings'>; warnings: Problem[] }
  | { id: number; problems: Problem[] }
  | { id: number; failure: string };

const plain = ({ place, problem }: EssayError): Problem => ({ place, problem });
const renderer = markdownRenderer(workerData as ImageOptions);

parentPort?.on('message', async ({ id, read }: Request) => {
  let reply: Reply;
  try {
    const { warnings, ...rendered } = await renderEssay(await renderer, read);
    reply = { id, rendered, warnings: warnings.map(plain) };
  } catch (error) {
    if (error instanceof EssayErrors) reply = { id, problems: error.errors.map(plain) };
    else reply = { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
