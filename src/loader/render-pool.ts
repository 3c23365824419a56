import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { startThread } from '../build/threads.ts';
import { EssayError, EssayErrors } from '../lib/essay-error.ts';
import { type ReadEssay, type RenderedEssay, renderEssay } from './render.ts';
import type { Problem, Reply, Request } from './render-worker.ts';
import { type ImageOptions, markdownRenderer } from './renderer.ts';

/** Below this many essays to render, starting workers (each loads the pipeline and citeproc) costs more than it saves. */
const WORKERS_PAY_FROM = 12;

export interface EssayRenderer {
  /** How many threads render: 1 is this one. */
  readonly threads: number;
  render(read: ReadEssay): Promise<RenderedEssay>;
  close(): Promise<void>;
}

/**
 * Renders essays: in this thread when there are few, else in one worker
 * thread per core. Rendering is mostly citeproc and BibTeX parsing, pure
 * CPU, and Astro's content sync would otherwise run it on one core. Each
 * worker keeps its own citeproc engines and parsed bibliographies; the files
 * are read once, here, and handed over.
 */
export async function essayRenderer(count: number, image: ImageOptions): Promise<EssayRenderer> {
  const threads = Math.min(availableParallelism(), Math.ceil(count / WORKERS_PAY_FROM));
  if (threads <= 1) {
    const renderer: Promise<MarkdownRenderer> = markdownRenderer(image);
    return { threads: 1, render: async (read) => renderEssay(await renderer, read), close: async () => {} };
  }
  return new Pool(threads, image);
}

class Pool implements EssayRenderer {
  readonly #workers: Worker[];
  readonly #idle: Worker[] = [];
  readonly #queue: { request: Request; settle: (reply: Reply) => void }[] = [];
  readonly #pending = new Map<number, (reply: Reply) => void>();
  #next = 0;
  readonly threads: number;

  constructor(threads: number, image: ImageOptions) {
    this.threads = threads;
    this.#workers = Array.from({ length: threads }, () => {
      const worker = startThread(new URL('./render-worker.ts', import.meta.url), { workerData: image });
      worker.on('message', (reply: Reply) => {
        this.#pending.get(reply.id)?.(reply);
        this.#pending.delete(reply.id);
        this.#dispatch(worker);
      });
      worker.on('error', (error: Error) => {
        for (const [id, settle] of this.#pending) settle({ id, failure: error.stack ?? error.message });
        this.#pending.clear();
      });
      return worker;
    });
    this.#idle.push(...this.#workers);
  }

  render(read: ReadEssay): Promise<RenderedEssay> {
    const request: Request = { id: this.#next++, read };
    return new Promise<Reply>((settle) => {
      this.#queue.push({ request, settle });
      const worker = this.#idle.pop();
      if (worker) this.#dispatch(worker);
    }).then(unpack);
  }

  #dispatch(worker: Worker): void {
    const job = this.#queue.shift();
    if (!job) {
      if (!this.#idle.includes(worker)) this.#idle.push(worker);
      return;
    }
    this.#pending.set(job.request.id, job.settle);
    worker.postMessage(job.request);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

const essayError = ({ place, problem }: Problem) => new EssayError(place, problem);

function unpack(reply: Reply): RenderedEssay {
  if ('rendered' in reply) return { ...reply.rendered, warnings: reply.warnings.map(essayError) };
  if ('problems' in reply) throw new EssayErrors(reply.problems.map(essayError));
  throw new Error(`An essay could not be rendered in a worker thread:\n${reply.failure}`);
}
