import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { CARD } from './share.ts';

/** What a link-preview card says, largest first. */
export interface CardText {
  /** The largest line: a section's title, or an essay's. */
  title: string;
  /** A line above it: the essay that a section belongs to. */
  context?: string | undefined;
  /** The foot of the card: the site's name and address. */
  footer: string;
  /** Language of the text, for line breaking. */
  lang: string;
}

/** The site's light theme (src/styles/global.css), which reads best in every app's preview. */
const COLOURS = { background: '#fdfcf8', text: '#1f1c18', muted: '#5c554c', accent: '#8a2f1c', rule: '#dcd5ca' };

const WEIGHTS = [400, 700] as const;

interface Subset {
  /** The subset's own family name: satori keeps only the first of several fonts with one name. */
  family: string;
  ranges: [number, number][];
  fonts: Font[];
}

let subsets: Subset[] | undefined;

/**
 * Source Serif 4, from its Fontsource package: it ships WOFF files, which
 * satori reads (it cannot read WOFF2), so cards need no network and no system
 * font, and look the same on every machine. Every script subset it has
 * (Latin, Cyrillic, Greek, Vietnamese), with the characters each covers.
 */
function loadSubsets(): Subset[] {
  const require = createRequire(import.meta.url);
  const unicode = JSON.parse(readFileSync(require.resolve('@fontsource/source-serif-4/unicode.json'), 'utf8')) as Record<string, string>;
  // Latin first: it is the fallback for anything no subset claims.
  const names = Object.keys(unicode).sort((a, b) => Number(b === 'latin') - Number(a === 'latin'));
  return names.map((name) => ({
    family: `Source Serif 4 ${name}`,
    ranges: unicode[name]!.split(',').map((range) => {
      const [start, end = start] = range.replace(/U\+/g, '').split('-') as [string, string?];
      return [parseInt(start, 16), parseInt(end, 16)];
    }),
    fonts: WEIGHTS.map((weight) => ({
      name: `Source Serif 4 ${name}`,
      weight,
      style: 'normal' as const,
      data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${name}-${weight}-normal.woff`)),
    })),
  }));
}

/** One array per choice of subsets: satori parses a list of fonts once, keyed by the array. */
const fontLists = new Map<string, Font[]>();

/** Only the subsets that the text needs, since satori slows with every font it is given. */
function fontsFor(text: string): { family: string; fonts: Font[] } {
  subsets ??= loadSubsets();
  const codes = [...new Set([...text].map((char) => char.codePointAt(0)!))];
  const chosen = subsets.filter((subset, i) => i === 0 || codes.some((code) => subset.ranges.some(([start, end]) => code >= start && code <= end)));
  const family = chosen.map((subset) => `'${subset.family}'`).join(', ');
  if (!fontLists.has(family)) fontLists.set(family, chosen.flatMap((subset) => subset.fonts));
  return { family, fonts: fontLists.get(family)! };
}

/** Bigger type for shorter titles, so that each fills the card and stays legible as a thumbnail. */
function titleSize(title: string): number {
  if (title.length <= 24) return 96;
  if (title.length <= 48) return 80;
  if (title.length <= 90) return 64;
  return 54;
}

type Node = { type: string; props: Record<string, unknown> };

function box(style: Record<string, unknown>, children: (Node | string)[] | string): Node {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/** A card drawn, with the characters that no font had. */
interface Drawing {
  png: Uint8Array<ArrayBuffer>;
  missing: string[];
}

type Reply = { drawing: Drawing } | { error: unknown };

/** Marks the workers this module starts, so that it serves only in those. */
const WORKER = 'essay-publisher:cards';

/**
 * Draws cards off the main thread, one worker per core, so that cards are
 * drawn side by side (each costs 40–50 ms of satori and resvg; see
 * bench/RESULTS.md). The worker is this very module, by its own URL: that
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
      worker.on('error', (error: Error) => this.#break(worker, new Error(`A card-drawing worker failed: ${error.message}`, { cause: error })));
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
    // Cards are generated first, then the other pages, the link check and Pagefind: end the
    // workers rather than keep their memory (~100 MB each) through the build's peak at its end.
    if (this.#busy.size === 0) {
      clearTimeout(this.#retire);
      this.#retire = setTimeout(() => {
        this.#onRetire();
        for (const idle of this.#idle) void idle.terminate();
      }, IDLE_MS).unref();
    }
  }
}

/**
 * A card needs a few MB of heap. Left to its defaults, each worker's heap grows
 * to ~100 MB before V8 collects; held this small, the two workers take 280 MB
 * less for 300 cards, and draw slightly faster.
 */
const HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** How long the pool waits for another card before ending its workers. */
const IDLE_MS = 1000;

let pool: Pool | undefined;

/**
 * Cards being drawn, by what they say: a page that asks for a card already
 * on its way shares the drawing. Settled drawings are dropped, so that memory
 * does not grow with the number of cards.
 */
const inFlight = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * Draws a 1200×630 PNG card with satori (text laid out and drawn as paths)
 * and resvg. `where` names the page the card is for, in warnings.
 */
export function renderCard(card: CardText, where: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = JSON.stringify([card.title, card.context, card.footer, card.lang]);
  let png = inFlight.get(key);
  if (!png) {
    png = drawOrRecall(card).then(({ png, missing }) => {
      if (missing.length > 0) {
        console.warn(`${where}: the card font has no glyph for “${missing.join('')}”; the link-preview card will lack it.`);
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
 * Where cards drawn by earlier builds are kept, named by a hash of what they
 * say and of the code and fonts that draw them, so that a rebuild draws only
 * the cards whose text changed (as Astro's content layer keeps rendered
 * essays). `rm -rf node_modules/.cache` forgets them.
 */
export function cardCacheDir(): string {
  return path.join(process.cwd(), 'node_modules/.cache/essay-publisher/cards');
}

let drawer: string | undefined;

/** What draws a card: this module's own code (bundled or not) and the font package's version. */
function drawerHash(): string {
  if (!drawer) {
    const require = createRequire(import.meta.url);
    const fonts = readFileSync(require.resolve('@fontsource/source-serif-4/package.json'), 'utf8');
    drawer = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(fonts).digest('hex');
  }
  return drawer;
}

/** A card from the cache, or drawn by the pool and then kept; a cache that fails only costs time. */
async function drawOrRecall(card: CardText): Promise<Drawing> {
  const key = createHash('sha256').update(drawerHash()).update(JSON.stringify([card.title, card.context, card.footer, card.lang]));
  const file = path.join(cardCacheDir(), `${key.digest('hex').slice(0, 40)}.png`);
  try {
    const [png, missing] = await Promise.all([readFile(file), readFile(`${file}.missing.json`, 'utf8').catch(() => '[]')]);
    return { png: new Uint8Array(png), missing: JSON.parse(missing) as string[] };
  } catch {
    // Not drawn before.
  }
  pool ??= new Pool(availableParallelism(), () => (pool = undefined));
  const drawing = await pool.draw(card);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    // The warning about missing glyphs first, and the PNG last and whole, so that a card found is complete.
    if (drawing.missing.length > 0) await writeFile(`${file}.missing.json`, JSON.stringify(drawing.missing));
    await writeFile(`${file}.${process.pid}.tmp`, drawing.png);
    await rename(`${file}.${process.pid}.tmp`, file);
  } catch {
    // Unwritable (a read-only checkout, say): the next build draws it again.
  }
  return drawing;
}

async function draw(card: CardText): Promise<Drawing> {
  const { family, fonts } = fontsFor(`${card.title}${card.context ?? ''}${card.footer}`);
  const missing = new Set<string>();
  const tree = box(
    {
      width: '100%',
      height: '100%',
      // satori sizes boxes by their content otherwise, which would push the foot off the card.
      boxSizing: 'border-box',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 80px 56px',
      backgroundColor: COLOURS.background,
      borderTop: `16px solid ${COLOURS.accent}`,
      fontFamily: family,
      color: COLOURS.text,
    },
    [
      box({ flexDirection: 'column', gap: 28 }, [
        ...(card.context ? [box({ fontSize: 40, color: COLOURS.muted, lineClamp: 2, display: 'block' }, card.context)] : []),
        box({ fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.12, lineClamp: 4, display: 'block' }, card.title),
      ]),
      box({ borderTop: `2px solid ${COLOURS.rule}`, paddingTop: 24, fontSize: 36, fontWeight: 700, color: COLOURS.accent }, card.footer),
    ],
  );
  const svg = await satori(tree as never, {
    ...CARD,
    fonts,
    loadAdditionalAsset: async (_language, segment) => {
      missing.add(segment);
      return [];
    },
  });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: CARD.width }, font: { loadSystemFonts: false } }).render().asPng();
  // A copy in a plain ArrayBuffer, which a Response body accepts (a Node Buffer's type is wider)
  // and which can be handed to the main thread without another copy.
  return { png: new Uint8Array(png), missing: [...missing] };
}

if (!isMainThread && workerData === WORKER) {
  parentPort!.on('message', (card: CardText) => {
    draw(card).then(
      (drawing) => parentPort!.postMessage({ drawing } satisfies Reply, [drawing.png.buffer]),
      (error: unknown) => parentPort!.postMessage({ error } satisfies Reply),
    );
  });
}
