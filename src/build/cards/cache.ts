import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIGHT } from '../../lib/theme.ts';
import { stamp, stampSync, writeWhole } from '../cache-files.ts';
import { type CardText, DRAW_MODULE, type Drawing } from './draw.ts';
import { CARD_FONTS, FONTS_MODULE } from './fonts.ts';
import { LAYOUT_MODULE } from './layout.ts';
import { PNG_MODULE } from './png.ts';
import { RASTER_MODULE } from './raster.ts';
import { SATORI_LAYOUT_MODULE } from './satori-layout.ts';

/** Names the directory cards are kept in, instead of the project's own cache (tests point it at a temporary one). */
export const CACHE_VARIABLE = 'ESSAY_CARD_CACHE';

/**
 * Where cards drawn by earlier builds are kept: `$ESSAY_CARD_CACHE` if set,
 * else `node_modules/.cache/essay-publisher/cards` in the project being
 * built. `rm -rf node_modules/.cache` forgets them.
 */
export function cardCacheDir(): string {
  return process.env[CACHE_VARIABLE] || path.join(process.cwd(), 'node_modules/.cache/essay-publisher/cards');
}

const require = createRequire(import.meta.url);

/** Packages whose versions decide how a card looks: the fonts, and what lays text out as satori does and in bidi order. */
const PACKAGES = [...CARD_FONTS.map((font) => font.package), 'satori', 'harfbuzzjs', '@shuding/opentype.js', 'linebreak', 'bidi-js'];

let drawer: string | undefined;

/**
 * What draws a card: the code of the modules that draw (bundled or not, each
 * file read once), the colours, and the versions of the font and layout
 * packages. A change to any of them draws every card again.
 */
function drawerHash(): string {
  if (!drawer) {
    const hash = createHash('sha256');
    const files = new Set(
      [DRAW_MODULE, FONTS_MODULE, LAYOUT_MODULE, PNG_MODULE, RASTER_MODULE, SATORI_LAYOUT_MODULE].map((url) => fileURLToPath(url)),
    );
    for (const file of files) hash.update(readFileSync(file));
    hash.update(JSON.stringify(LIGHT));
    for (const name of PACKAGES) hash.update(`${name}@${packageVersion(name)}`);
    drawer = hash.digest('hex');
  }
  return drawer;
}

/** A package's version, from the package.json above its entry point (not every package exports its package.json). */
function packageVersion(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (json.name === name) return json.version ?? '';
  }
  throw new Error(`Card cache: no package.json found for ${name}.`);
}

/** What a card says, as one string: two cards with the same key are the same card. */
export function cardKey(card: CardText): string {
  return JSON.stringify([card.title, card.context, card.footer, card.lang]);
}

/** The cache file of a card: a hash of what it says and of what draws it. */
export function cardFile(card: CardText): string {
  const key = createHash('sha256').update(drawerHash()).update(cardKey(card)).digest('hex');
  return path.join(cardCacheDir(), `${key.slice(0, 40)}.png`);
}

/** A card drawn by an earlier build, with its warning about missing glyphs; undefined if there is none. */
export async function recallCard(card: CardText): Promise<Drawing | undefined> {
  const file = cardFile(card);
  try {
    const [png, missing] = await Promise.all([readFile(file), readFile(`${file}.missing.json`, 'utf8').catch(() => '[]')]);
    return { png: new Uint8Array(png), missing: JSON.parse(missing) as string[] };
  } catch {
    return undefined;
  }
}

/**
 * Keeps a card for later builds: the warning about missing glyphs first and
 * the PNG last and whole (written aside, then renamed), so that a card found
 * is complete. A cache that cannot be written (a read-only checkout) only
 * costs the next build the drawing: false then.
 */
export async function keepCard(card: CardText, drawing: Drawing): Promise<boolean> {
  const file = cardFile(card);
  try {
    if (drawing.missing.length > 0) await writeWhole(`${file}.missing.json`, JSON.stringify(drawing.missing));
    await writeWhole(file, drawing.png);
    return true;
  } catch {
    // The next build draws it again.
    return false;
  }
}

/**
 * The cards builds have published, by cache file: each file's stamp() as the
 * build that linked it into its site left it (`published.json` in the cache).
 * A card is linked, not copied, into the site, so a tool that rewrites the
 * site's images in place writes into the cache too: a build uses a kept card
 * only if it is as a build left it, and draws it again otherwise.
 */
export class PublishedCards {
  readonly #record = path.join(cardCacheDir(), 'published.json');
  readonly #stamps: Record<string, string>;

  constructor() {
    let stamps: unknown;
    try {
      stamps = JSON.parse(readFileSync(this.#record, 'utf8'));
    } catch {
      stamps = undefined;
    }
    this.#stamps = stamps && typeof stamps === 'object' && !Array.isArray(stamps) ? (stamps as Record<string, string>) : {};
  }

  /** Whether the card's cache file is there, as a build left it. */
  holds(card: CardText): boolean {
    const file = cardFile(card);
    const known = this.#stamps[path.basename(file)];
    return known !== undefined && known === stampSync(file);
  }

  /**
   * Once a build has linked its cards: records their files (with those of
   * other builds sharing the cache). A cache that cannot be written only
   * costs the next build the drawing.
   */
  async publish(cards: CardText[]): Promise<void> {
    const files = [...new Set(cards.map(cardFile))];
    const stamps = await Promise.all(files.map((file) => stamp(file)));
    files.forEach((file, i) => {
      const name = path.basename(file);
      if (stamps[i] === undefined) delete this.#stamps[name];
      else this.#stamps[name] = stamps[i];
    });
    await writeWhole(this.#record, JSON.stringify(this.#stamps)).catch(() => {});
  }
}
