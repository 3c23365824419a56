import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type CardText, type Drawing, drawCard } from './draw.ts';

type Reply = { drawing: Drawing } | { error: unknown };

/** Marks the workers this module starts, so that it serves only in those. */
const WORKER = 'essay-publisher:cards';

/**
 * A card needs a few MB of heap. Left to its defaults, each worker's heap grows
 * to ~100 MB before V8 collects; held this small, the workers take less memory.
 */
const HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** How long the pool waits for another card before ending its workers. */
const IDLE_MS = 1000;

/**
 * Draws cards off the main thread, one worker per core, so that cards are
 * drawn side by side. The worker is this very module, by its own URL: that
 * stays right after Astro bundles src/ into chunks, which would leave a
 * separate worker file behind.
 */
class Pool {
  readonly #idle: Worker[] = [];
  readonly #queue: { card: CardText; settle: (reply: Reply) => void }[] = [];
  /** What each busy worker is drawing: one card at a time. */
  readonly #busy = new Map<Worker, (reply: Reply) => void>();
  /** Why a worker died (it could not load, say): every card after it fails with the same. */
  #broken: { error: unknown } | undefined;
  /** Ends the workers once none has drawn for a while; `onRetire` lets the next card start a pool. */
  readonly #onRetire: () => void;
  #retire: NodeJS.Timeout | undefined;

  constructor(size: number, onRetire: () => void) {
    this.#onRetire = onRetire;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL(import.meta.url), { workerData: WORKER, resourceLimits: HEAP });
      worker.on('message', (reply: Reply) => this.#settle(worker, reply));
      worker.on('error', (error: Error) =>
        this.#break(worker, new Error(`A card-drawing worker failed: ${error.message}`, { cause: error })),
      );
      this.#free(worker);
    }
  }

  draw(card: CardText): Promise<Drawing> {
    if (this.#broken) return Promise.reject(this.#broken.error);
    clearTimeout(this.#retire);
    return new Promise((resolve, reject) => {
      this.#queue.push({ card, settle: (reply) => ('drawing' in reply ? resolve(reply.drawing) : reject(reply.error)) });
      const worker = this.#idle.pop();
      if (worker) this.#dispatch(worker);
    });
  }

  #settle(worker: Worker, reply: Reply): void {
    this.#busy.get(worker)?.(reply);
    this.#busy.delete(worker);
    this.#dispatch(worker);
  }

  #break(worker: Worker, error: Error): void {
    this.#broken = { error };
    this.#busy.get(worker)?.({ error });
    this.#busy.delete(worker);
    for (const job of this.#queue.splice(0)) job.settle({ error });
  }

  #dispatch(worker: Worker): void {
    const job = this.#queue.shift();
    if (!job) return this.#free(worker);
    // A busy worker keeps the process alive until its card is back.
    worker.ref();
    this.#busy.set(worker, job.settle);
    worker.postMessage(job.card);
  }

  #free(worker: Worker): void {
    // An idle one must not, so that the build can end before the pool retires.
    worker.unref();
    this.#idle.push(worker);
    // End the workers rather than keep their memory through the rest of the build.
    if (this.#busy.size === 0) {
      clearTimeout(this.#retire);
      this.#retire = setTimeout(() => {
        this.#onRetire();
        for (const idle of this.#idle) void idle.terminate();
      }, IDLE_MS).unref();
    }
  }
}

let pool: Pool | undefined;

/** Draws a card in the pool, started for the first card and again after it retires. */
export function drawInWorker(card: CardText): Promise<Drawing> {
  pool ??= new Pool(availableParallelism(), () => (pool = undefined));
  return pool.draw(card);
}

if (!isMainThread && workerData === WORKER) {
  parentPort!.on('message', (card: CardText) => {
    drawCard(card).then(
      (drawing) => parentPort!.postMessage({ drawing } satisfies Reply, [drawing.png.buffer]),
      (error: unknown) => parentPort!.postMessage({ error } satisfies Reply),
    );
  });
}
