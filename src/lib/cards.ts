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
import { InkPalette, PNG_MODULE, encodePng, solidLayer } from './png.ts';
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
  const chosen = subsets.filter(
    (subset, i) => i === 0 || codes.some((code) => subset.ranges.some(([start, end]) => code >= start && code <= end)),
  );
  const family = chosen.map((subset) => `'${subset.family}'`).join(', ');
  if (!fontLists.has(family))
    fontLists.set(
      family,
      chosen.flatMap((subset) => subset.fonts),
    );
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
 * drawn side by side (each costs about 24 ms of satori, resvg and encoding; see
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
 * and resvg, stored in the card's own palette (png.ts). `where` names the
 * page the card is for, in warnings.
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

/** What draws a card: this module's own code and png.ts's (bundled or not), and the font package's version. */
function drawerHash(): string {
  if (!drawer) {
    const require = createRequire(import.meta.url);
    const fonts = readFileSync(require.resolve('@fontsource/source-serif-4/package.json'), 'utf8');
    const code = [import.meta.url, PNG_MODULE].map((url) => readFileSync(fileURLToPath(url)));
    drawer = createHash('sha256').update(Buffer.concat(code)).update(fonts).digest('hex');
  }
  return drawer;
}

/** A card from the cache, or drawn by the pool and then kept; a cache that fails only costs time. */
async function drawOrRecall(card: CardText): Promise<Drawing> {
  const key = createHash('sha256')
    .update(drawerHash())
    .update(JSON.stringify([card.title, card.context, card.footer, card.lang]));
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

/** The card's frame (src/styles/global.css's accent rule over the page colour) and its inner box. */
const FRAME = { rule: 16, top: 64, side: 80, bottom: 56 } as const;
const INNER = { x: FRAME.side, y: FRAME.rule + FRAME.top, width: CARD.width - 2 * FRAME.side, bottom: CARD.height - FRAME.bottom };

/** Every colour a card is drawn in, and its blends with the background (see png.ts). */
const PALETTE = new InkPalette(COLOURS.background, [COLOURS.text, COLOURS.muted, COLOURS.accent, COLOURS.rule]);

/** The accent rule across the top of every card, as pixels. */
const TOP_RULE = solidLayer(COLOURS.accent, CARD.width, FRAME.rule, 0, 0);

/** Rows of background drawn above and below a band's text (see `band`). */
const BLEED = 32;

/** A block of the card drawn on the card's background: its pixels, and the characters no font had. */
interface Band {
  rgba: Uint8Array;
  width: number;
  height: number;
  missing: string[];
}

/**
 * Lays out a block of text as wide as the card's inner box (satori: its
 * height follows the text) and rasterises it with resvg. Only the text's own
 * band is rasterised: resvg's cost grows with the area drawn, and most of a
 * card is plain background. The band reaches `BLEED` pixels above and below
 * the text's line boxes, where accents and descenders of large type fall.
 */
async function band(text: string, children: Node[], style: Record<string, unknown>): Promise<Band> {
  const { family, fonts } = fontsFor(text);
  const missing = new Set<string>();
  const tree = box(
    {
      width: INNER.width,
      paddingTop: BLEED,
      paddingBottom: BLEED,
      backgroundColor: COLOURS.background,
      fontFamily: family,
      color: COLOURS.text,
      ...style,
    },
    children,
  );
  const svg = await satori(tree as never, {
    width: INNER.width,
    fonts,
    loadAdditionalAsset: async (_language, segment) => {
      missing.add(segment);
      return [];
    },
  });
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const { pixels } = image;
  return {
    rgba: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length),
    width: image.width,
    height: image.height,
    missing: [...missing],
  };
}

/** The foot of the card, a rule and the site's name: the same on every card of a site. */
const footers = new Map<string, Promise<Band>>();

function footer(text: string): Promise<Band> {
  let drawn = footers.get(text);
  if (!drawn) {
    drawn = band(
      text,
      [
        box(
          { borderTop: `2px solid ${COLOURS.rule}`, paddingTop: 24, fontSize: 36, fontWeight: 700, color: COLOURS.accent, flexGrow: 1 },
          text,
        ),
      ],
      {},
    );
    footers.set(text, drawn);
  }
  return drawn;
}

async function draw(card: CardText): Promise<Drawing> {
  const [head, foot] = await Promise.all([
    band(
      `${card.title}${card.context ?? ''}`,
      [
        ...(card.context ? [box({ fontSize: 40, color: COLOURS.muted, lineClamp: 2, display: 'block' }, card.context)] : []),
        box({ fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.12, lineClamp: 4, display: 'block' }, card.title),
      ],
      { flexDirection: 'column', gap: 28 },
    ),
    footer(card.footer),
  ]);
  // The head's text starts at the inner box's top and the foot's ends at its bottom; the foot
  // is laid last, so that a head too long for the card stops where the foot begins.
  const png = encodePng(CARD.width, CARD.height, PALETTE, [
    TOP_RULE,
    { ...head, x: INNER.x, y: INNER.y - BLEED },
    { ...foot, x: INNER.x, y: INNER.bottom - (foot.height - BLEED) },
  ]);
  return { png, missing: [...new Set([...head.missing, ...foot.missing])] };
}

if (!isMainThread && workerData === WORKER) {
  parentPort!.on('message', (card: CardText) => {
    draw(card).then(
      (drawing) => parentPort!.postMessage({ drawing } satisfies Reply, [drawing.png.buffer]),
      (error: unknown) => parentPort!.postMessage({ error } satisfies Reply),
    );
  });
}
