import { textDirection, type TextDirection } from '../../lib/direction.ts';
import { CARD } from '../../lib/share.ts';
import { LIGHT } from '../../lib/theme.ts';
import { type FontChoice, fontsFor } from './fonts.ts';
import { BLEED, FOOT_RULE, INNER, type TextBlock, layOutContext, layOutFoot, layOutTitle, titleTop } from './layout.ts';
import { DeflatedRows, InkPalette, type Layer, encodeIndexedPng, encodePng, solidLayer, sparseAdler32 } from './png.ts';
import { type Mask, blend, emptyMask, fillPath } from './raster.ts';

/** This module, whose code is part of what a cached card was drawn by (cache.ts). */
export const DRAW_MODULE = import.meta.url;

/** What a link-preview card says, largest first. */
export interface CardText {
  /** The largest line: a section's title, or an essay's. */
  title: string;
  /** A line above it: the essay that a section belongs to. */
  context?: string | undefined;
  /** The foot of the card: the site's name and address. */
  footer: string;
  /** Language of the text; part of what names a cached card. */
  lang: string;
}

/** A card drawn, with the characters that no font had. */
export interface Drawing {
  png: Uint8Array<ArrayBuffer>;
  missing: string[];
}

const { width: WIDTH, height: HEIGHT } = CARD;
/** Bytes of one scanline: its filter byte (0, none), then a palette index per pixel. */
const STRIDE = WIDTH + 1;

/** Every colour a card is drawn in, and its blends with the background (see png.ts). */
const PALETTE = new InkPalette(LIGHT.bg, [LIGHT.text, LIGHT.muted, LIGHT.accent, LIGHT.rule]);

/**
 * For an ink, the palette index of each coverage (0–255) of it over the
 * background, blended as resvg blended text: the colours old cards had, so
 * each maps to the palette colour it mapped to then. -1 where none is near.
 */
function shadesOf(ink: string): Int16Array {
  const [br, bg, bb] = PALETTE.background;
  const [r, g, b] = hexRgb(ink);
  return Int16Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : PALETTE.index(blend(br, r, c), blend(bg, g, c), blend(bb, b, c))));
}

function hexRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}

const shadeTables = new Map<string, Int16Array>();
function shadesFor(colour: string): Int16Array {
  let shades = shadeTables.get(colour);
  if (!shades) shadeTables.set(colour, (shades = shadesOf(colour)));
  return shades;
}

/** Text filled into a band: its coverage, colour and the band rows it touched. */
interface Ink {
  mask: Mask;
  colour: string;
  top: number;
  bottom: number;
}

/** Fills a block's glyphs into `mask`, a band as wide as the inner box. */
function ink(block: TextBlock, colour: string, mask: Mask): Ink {
  return { mask, colour, ...fillPath(block.path, mask) };
}

/** A band for one card's title, reused card after card: cleared where the last one drew. */
let scratch: Mask | undefined;
let scratchUsed = { top: 0, bottom: 0 };

function scratchMask(height: number): Mask {
  if (!scratch || scratch.height < height) {
    scratch = emptyMask(INNER.width, Math.max(height, CARD.height));
  } else {
    scratch.coverage.fill(0, scratchUsed.top * INNER.width, scratchUsed.bottom * INNER.width);
    for (let y = scratchUsed.top; y < scratchUsed.bottom; y++) {
      scratch.spans[y * 2] = INNER.width;
      scratch.spans[y * 2 + 1] = 0;
    }
  }
  return { ...scratch, height };
}

/** Where the head's band is laid on the card: at the inner box, less its bleed. */
const HEAD_Y = INNER.y - BLEED;

/**
 * Scanlines of card rows `from` to `to` holding one ink of a band whose top
 * is at card row `bandY`, at the inner box's left, with their checksum;
 * undefined if a pixel falls off the palette, which only the general encoder
 * can store.
 */
function scanlines(
  from: number,
  to: number,
  bandY: number,
  { mask, colour, top, bottom }: Ink,
): { rows: Uint8Array; adler: number } | undefined {
  // Deflated before anything else runs: one buffer serves every card.
  const length = (to - from) * STRIDE;
  if (rowBuffer.length < length) rowBuffer = new Uint8Array(length);
  const rows = rowBuffer.subarray(0, length);
  rows.fill(0);
  // The checksum's sums over the bytes that are not 0: exact in doubles for a card's rows.
  let sum = 0;
  let weighted = 0;
  const shades = shadesFor(colour);
  const { coverage, width, spans } = mask;
  const last = Math.min(bottom, to - bandY);
  for (let y = Math.max(top, from - bandY); y < last; y++) {
    const start = spans[y * 2]!;
    const end = spans[y * 2 + 1]!;
    const row = (bandY + y - from) * STRIDE + 1 + INNER.x;
    for (let x = start, at = y * width + start; x < end; x++, at++) {
      const c = coverage[at]!;
      if (c === 0) continue;
      const shade = shades[c]!;
      if (shade < 0) return undefined;
      rows[row + x] = shade;
      sum += shade;
      weighted += (length - row - x) * shade;
    }
  }
  return { rows, adler: sparseAdler32(length, sum, weighted) };
}

let rowBuffer = new Uint8Array(HEIGHT * STRIDE);

/** Rows that many cards share, deflated once (png.ts), by what they hold. */
const shared = new Map<string, DeflatedRows>();

/**
 * zlib's effort (level) for rows by how many cards share them: the most for
 * a site's (its foot), less for an essay's (its title above each section's),
 * and 5 for a card's own title. On the corpus's section cards level 6 took
 * 1.7 times as long as 5; on the cards of tests/fixtures/cards/ it saved 2%
 * of the bytes, and level 4 left some of them up to 3% larger than the cards
 * drawn before (bench/RESULTS.md).
 */
const LEVEL = { site: 9, essay: 6, card: 5 } as const;

function sharedRows(key: string, draw: () => Uint8Array): DeflatedRows {
  let rows = shared.get(key);
  if (!rows) shared.set(key, (rows = new DeflatedRows(draw(), LEVEL.site)));
  return rows;
}

/** Blank runs are made of at most two shared pieces: whole blocks of this many rows, and the rest. */
const BLANK_BLOCK = 64;

/** `count` rows of background, from pieces deflated once. */
function blankRows(count: number): DeflatedRows[] {
  const piece = (rows: number) => sharedRows(`blank ${rows}`, () => new Uint8Array(rows * STRIDE));
  const rest = count % BLANK_BLOCK;
  return [...(count > rest ? [piece(count - rest)] : []), ...(rest ? [piece(rest)] : [])];
}

/** The accent rule across the top of every card. */
const TOP_RULE = 16;

function topRule(): DeflatedRows {
  const accent = shadesFor(LIGHT.accent)[255]!;
  return sharedRows('top rule', () => {
    const rows = new Uint8Array(TOP_RULE * STRIDE);
    for (let y = 0; y < TOP_RULE; y++) rows.fill(accent, y * STRIDE + 1, (y + 1) * STRIDE);
    return rows;
  });
}

/** The foot of the card, a rule and the site's name: the same on every card of a site. */
interface Foot {
  block: TextBlock;
  /** Card row of the band's top: its text ends at the inner box's bottom. */
  y: number;
  ink: Ink;
  /** Its rows from the first with ink, the rule's, to the card's bottom. */
  rows: DeflatedRows;
}

const feet = new Map<string, Promise<Foot>>();

function foot(text: string): Promise<Foot> {
  let drawn = feet.get(text);
  if (!drawn) {
    drawn = layOutFoot(text).then((block) => {
      const y = INNER.bottom - (block.height - BLEED);
      const name = ink(block, LIGHT.accent, emptyMask(INNER.width, block.height));
      const lines = scanlines(y + BLEED, HEIGHT, y, name);
      if (!lines) throw new Error('The card foot has a colour off the palette.');
      const rule = shadesFor(LIGHT.rule)[255]!;
      for (let r = 0; r < FOOT_RULE; r++) lines.rows.fill(rule, r * STRIDE + 1 + INNER.x, r * STRIDE + 1 + INNER.x + INNER.width);
      return { block, y, ink: name, rows: new DeflatedRows(lines.rows, LEVEL.site) };
    });
    feet.set(text, drawn);
  }
  return drawn;
}

/** An essay's title as a section card's context: the same on every section card of the essay. */
interface Context {
  block: TextBlock;
  /** Its glyphs filled in a band of its own: any taller band fills the same, as long as they stay inside it. */
  ink: Ink | undefined;
  rows: DeflatedRows | undefined;
}

const contexts = new Map<string, Promise<Context>>();

/** Essays whose context is kept: a build draws an essay's cards together. */
const CONTEXTS_KEPT = 16;

function context(text: string, fonts: FontChoice, direction: TextDirection): Promise<Context> {
  const key = `${fonts.family}\n${direction}\n${text}`;
  let drawn = contexts.get(key);
  if (!drawn) {
    drawn = layOutContext(text, fonts, direction).then((block) => {
      if (block.path.bounds().bottom > block.height) return { block, ink: undefined, rows: undefined };
      const muted = ink(block, LIGHT.muted, emptyMask(INNER.width, block.height));
      const lines = scanlines(HEAD_Y + muted.top, HEAD_Y + muted.bottom, HEAD_Y, muted);
      return { block, ink: muted, rows: lines && new DeflatedRows(lines.rows, LEVEL.essay, lines.adler) };
    });
    contexts.set(key, drawn);
    if (contexts.size > CONTEXTS_KEPT) contexts.delete(contexts.keys().next().value!);
  }
  return drawn;
}

/** Forgets the essays drawn so far, so that the next card of any essay draws its context again (for bench/cards.ts). */
export function forgetEssays(): void {
  contexts.clear();
}

/**
 * Draws a 1200×630 card: the accent rule, the head (context and title) and
 * the foot, stored in the card's own palette (png.ts). Only the title is
 * filled and deflated for each card; the rest is shared between cards.
 */
export async function drawCard(card: CardText): Promise<Drawing> {
  const fonts = fontsFor(`${card.title}${card.context ?? ''}`);
  const direction = textDirection(card.lang);
  const [above, below] = await Promise.all([card.context ? context(card.context, fonts, direction) : undefined, foot(card.footer)]);
  const title = await layOutTitle(card.title, fonts, titleTop(above?.block), direction);
  const missing = [...new Set([...(above?.block.missing ?? []), ...title.missing, ...below.block.missing])];
  // From here on nothing waits, so the scratch band is this card's alone.
  const headHeight = title.height;
  const mask = scratchMask(headHeight);
  const titleInk = ink(title, LIGHT.text, mask);
  scratchUsed = { top: titleInk.top, bottom: titleInk.bottom };
  const png =
    drawShared(headHeight, titleInk, above, below) ??
    drawWhole(headHeight, [above && (above.ink ?? ink(above.block, LIGHT.muted, emptyMask(INNER.width, headHeight))), titleInk], below);
  return { png, missing };
}

/**
 * The card from shared rows and the title's own; undefined where the title
 * meets the context's rows or falls off the palette, which `drawWhole` blends.
 */
function drawShared(headHeight: number, title: Ink, above: Context | undefined, below: Foot): Uint8Array<ArrayBuffer> | undefined {
  // The foot is laid last: a head too long for the card stops where the foot's band begins.
  const headEnd = Math.min(HEAD_Y + headHeight, below.y);
  const clip = (row: number) => Math.min(Math.max(row, HEAD_Y), headEnd);
  const runs = [topRule()];
  let row = TOP_RULE;
  const blankTo = (to: number) => {
    if (to > row) runs.push(...blankRows(to - row));
    row = Math.max(row, to);
  };
  if (above) {
    const { ink, rows } = above;
    if (!ink || !rows || HEAD_Y + ink.bottom > clip(HEAD_Y + title.top)) return undefined;
    blankTo(HEAD_Y + ink.top);
    runs.push(rows);
    row = HEAD_Y + ink.bottom;
  }
  const from = clip(HEAD_Y + title.top);
  const to = clip(HEAD_Y + title.bottom);
  blankTo(from);
  if (to > from) {
    const own = scanlines(from, to, HEAD_Y, title);
    if (!own) return undefined;
    runs.push(new DeflatedRows(own.rows, LEVEL.card, own.adler));
    row = to;
  }
  blankTo(below.y + BLEED);
  runs.push(below.rows);
  return encodeIndexedPng(WIDTH, HEIGHT, PALETTE, runs);
}

/** The card as whole layers, in the general encoder, which blends inks that meet and stores any colour. */
function drawWhole(headHeight: number, head: (Ink | undefined)[], below: Foot): Uint8Array<ArrayBuffer> {
  const band = (inks: Ink[], height: number, y: number): Layer => {
    const rgba = new Uint8Array(INNER.width * height * 4);
    const [br, bg, bb] = PALETTE.background;
    for (let at = 0; at < rgba.length; at += 4) rgba.set([br, bg, bb, 255], at);
    for (const { mask, colour } of inks) {
      const [r, g, b] = hexRgb(colour);
      // A context's band is its own, as tall as its text: it starts where the head's does.
      for (let i = 0; i < INNER.width * Math.min(mask.height, height); i++) {
        const c = mask.coverage[i]!;
        if (c === 0) continue;
        rgba[i * 4] = blend(rgba[i * 4]!, r, c);
        rgba[i * 4 + 1] = blend(rgba[i * 4 + 1]!, g, c);
        rgba[i * 4 + 2] = blend(rgba[i * 4 + 2]!, b, c);
      }
    }
    return { rgba, width: INNER.width, height, x: INNER.x, y };
  };
  return encodePng(WIDTH, HEIGHT, PALETTE, [
    solidLayer(LIGHT.accent, WIDTH, TOP_RULE, 0, 0),
    band(
      head.filter((layer) => layer !== undefined),
      headHeight,
      HEAD_Y,
    ),
    band([below.ink], below.block.height, below.y),
    solidLayer(LIGHT.rule, INNER.width, FOOT_RULE, INNER.x, below.y + BLEED),
  ]);
}
