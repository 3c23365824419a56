import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Font as Outlines, PathCommand } from '@shuding/opentype.js';
import type { HarfBuzz, HbFont } from 'harfbuzzjs';
import type { Font } from 'satori';

/** This module, whose code is part of what a cached card was drawn by (cache.ts). */
export const FONTS_MODULE = import.meta.url;

/** The weights cards use: 400 for the context line, 700 for titles and the foot. */
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

/** One script subset of a card font (Source Serif 4's Latin, Cyrillic, Greek…; Hebrew; Arabic), with the characters it covers. */
export interface Subset {
  /** The subset's own family name: satori keeps only the first of several fonts with one name. */
  family: string;
  ranges: [number, number][];
  /** The subset's WOFF file at each weight, as satori takes fonts. */
  fonts: Font[];
  /** The subset at each weight, parsed for the card layout (`faceOf`). */
  faces: Map<Weight, Face>;
}

/**
 * A font as satori's text engine sees it: opentype.js for outlines, metrics
 * and the character map, HarfBuzz for advances, both the very versions that
 * satori depends on, so that the card layout places glyphs where satori did.
 */
export interface Face {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  /** Whether the font has a glyph for the character (its first code point). */
  has(char: string): boolean;
  /**
   * The text's glyphs, shaped by HarfBuzz with its default features: `GLYPH`
   * numbers a glyph (its id, then its x advance and x and y offsets in font units),
   * left to right on the card. The direction is HarfBuzz's guess from the
   * script unless given (a bidi run's, layout.ts); right to left, brackets are mirrored.
   */
  shape(text: string, direction?: 'ltr' | 'rtl'): Int32Array;
  /** A glyph's outline in font units, and the units per em it is scaled by. */
  outline(glyph: number): { commands: PathCommand[]; unitsPerEm: number } | undefined;
}

const require = createRequire(import.meta.url);

/**
 * The card fonts, each a Fontsource package (WOFF files, which satori reads:
 * it cannot read WOFF2), so that cards need no network and no system font and
 * look the same on every machine. Source Serif 4 first, every script subset
 * it has (Latin, Cyrillic, Greek, Vietnamese); then, for the scripts it lacks,
 * the Noto serif of Hebrew and the Noto Naskh of Arabic, only their own
 * script's subset, so that a Latin title never reaches them.
 */
export const CARD_FONTS = [
  { package: '@fontsource/source-serif-4', family: 'Source Serif 4', file: 'source-serif-4', only: undefined },
  { package: '@fontsource/noto-serif-hebrew', family: 'Noto Serif Hebrew', file: 'noto-serif-hebrew', only: 'hebrew' },
  { package: '@fontsource/noto-naskh-arabic', family: 'Noto Naskh Arabic', file: 'noto-naskh-arabic', only: 'arabic' },
] as const;

// Both are CommonJS: required, since a default import of harfbuzzjs is its promise in Node but not under Vitest.
const opentype = require('@shuding/opentype.js') as typeof import('@shuding/opentype.js').default;
const harfbuzzReady = require('harfbuzzjs') as Promise<HarfBuzz>;

let subsets: Subset[] | undefined;

/** Each card font's subsets, by name, with the characters each covers: @fontsource's unicode.json, read once. */
let ranges: { font: (typeof CARD_FONTS)[number]; name: string; ranges: [number, number][] }[] | undefined;

function subsetRanges(): NonNullable<typeof ranges> {
  if (ranges) return ranges;
  ranges = [];
  for (const font of CARD_FONTS) {
    const unicode = JSON.parse(readFileSync(require.resolve(`${font.package}/unicode.json`), 'utf8')) as Record<string, string>;
    const names = font.only ? [font.only] : Object.keys(unicode).sort((a, b) => Number(b === 'latin') - Number(a === 'latin'));
    for (const name of names) {
      const own = unicode[name]!.split(',').map((range): [number, number] => {
        const [start, end = start] = range.replace(/U\+/g, '').split('-') as [string, string?];
        return [parseInt(start, 16), parseInt(end, 16)];
      });
      const earlier = ranges.flatMap((subset) => subset.ranges);
      ranges.push({
        font,
        name,
        ranges: font.only ? own.filter(([start, end]) => !earlier.some(([s, e]) => start <= e && end >= s)) : own,
      });
    }
  }
  return ranges;
}

/**
 * Every card font's subsets, with the characters each covers; Source Serif's
 * Latin first, as the fallback for anything no subset claims. A character
 * an earlier subset covers is left out of a later one's ranges (the Hebrew
 * subset lists the punctuation of U+2000–206F too).
 */
export function loadSubsets(): Subset[] {
  subsets ??= subsetRanges().map(({ font, name, ranges }) => ({
    family: `${font.family} ${name}`,
    ranges,
    fonts: WEIGHTS.map((weight) => ({
      name: `${font.family} ${name}`,
      weight,
      style: 'normal' as const,
      data: readFileSync(require.resolve(`${font.package}/files/${font.file}-${name}-${weight}-normal.woff`)),
    })),
    faces: new Map(),
  }));
  return subsets;
}

/** Whether a card font has each character looked up so far (any non-letter counts as had). */
const letterFound = new Map<string, boolean>();

/**
 * The letters of `text` that no card font has ("明治" in a Japanese title: no
 * CJK face is among them), each once; cheap, without loading a font. Digits,
 * punctuation and symbols are not counted.
 */
export function lettersNoCardFontHas(text: string): string[] {
  // Every card of a large site asks: ASCII is Source Serif's, and each other letter is looked up once.
  if (/^[ -~]*$/.test(text)) return [];
  const lacking = new Set<string>();
  for (const char of text) {
    let has = letterFound.get(char);
    if (has === undefined) {
      const code = char.codePointAt(0)!;
      has = !/\p{L}/u.test(char) || subsetRanges().some((subset) => subset.ranges.some(([start, end]) => code >= start && code <= end));
      letterFound.set(char, has);
    }
    if (!has) lacking.add(char);
  }
  return [...lacking];
}

/**
 * Whether a card saying `text` is drawn as the site's card instead, whose
 * title is `siteTitle`: `text` has letters no card font has, and the site's
 * card can itself be drawn (a tagline in the same script cannot: then each
 * card is drawn as it is, boxes and all). The sharing plan (which draws the
 * cards) and the pages (whose image description must say what the card shows)
 * both ask this.
 */
export function drawnAsSiteCard(text: string, siteTitle: string): boolean {
  return lettersNoCardFontHas(text).length > 0 && lettersNoCardFontHas(siteTitle).length === 0;
}

let harfbuzz: HarfBuzz | undefined;

/** Starts HarfBuzz (WebAssembly), which `faceOf` needs: once a process. */
export async function startShaping(): Promise<void> {
  harfbuzz ??= await harfbuzzReady;
}

/** Numbers a shaped glyph takes in `Face.shape`'s array: id, x advance, x offset, y offset. */
export const GLYPH = 4;

/** Shaped text kept per face: titles share their words. */
const SHAPED_LIMIT = 20_000;

/** The subset at `weight`, parsed as satori parses fonts; `startShaping` first. */
export function faceOf(subset: Subset, weight: Weight): Face {
  let face = subset.faces.get(weight);
  if (face) return face;
  if (!harfbuzz) throw new Error('Card fonts: startShaping() before laying text out.');
  const woff = subset.fonts[WEIGHTS.indexOf(weight)]!.data as Buffer;
  const data = woff.buffer.slice(woff.byteOffset, woff.byteOffset + woff.byteLength) as ArrayBuffer;
  const outlines: Outlines = opentype.parse(data, { lowMemory: true });
  const blob = harfbuzz.createBlob(new Uint8Array(woffToSfnt(data)));
  const hbFace = harfbuzz.createFace(blob, 0);
  const hbFont: HbFont = harfbuzz.createFont(hbFace);
  hbFace.destroy();
  blob.destroy();
  hbFont.setScale(outlines.unitsPerEm, outlines.unitsPerEm);
  const hb = harfbuzz;
  const shaped = new Map<string, Int32Array>();
  face = {
    unitsPerEm: outlines.unitsPerEm,
    ascender: outlines.ascender,
    descender: outlines.descender,
    has: (char) => outlines.charToGlyphIndex(char) !== 0,
    shape(text, direction) {
      const key = direction ? `${direction}\0${text}` : text;
      let glyphs = shaped.get(key);
      if (!glyphs) {
        const buffer = hb.createBuffer();
        try {
          buffer.addText(text);
          if (direction) buffer.setDirection(direction);
          buffer.guessSegmentProperties();
          hb.shape(hbFont, buffer);
          // What satori reads from the buffer's JSON, read from the buffer itself.
          const infos = buffer.getGlyphInfos();
          const positions = buffer.getGlyphPositions();
          glyphs = new Int32Array(infos.length * GLYPH);
          for (let i = 0; i < infos.length; i++) {
            glyphs[i * GLYPH] = infos[i]!.codepoint;
            glyphs[i * GLYPH + 1] = positions[i]!.x_advance;
            glyphs[i * GLYPH + 2] = positions[i]!.x_offset;
            glyphs[i * GLYPH + 3] = positions[i]!.y_offset;
          }
        } finally {
          buffer.destroy();
        }
        if (shaped.size >= SHAPED_LIMIT) shaped.clear();
        shaped.set(key, glyphs);
      }
      return glyphs;
    },
    outline(glyph) {
      const path = outlines.glyphs.get(glyph)?.path;
      return path && { commands: path.commands, unitsPerEm: path.unitsPerEm || 1000 };
    },
  };
  subset.faces.set(weight, face);
  return face;
}

/** A WOFF font as the plain TrueType font HarfBuzz reads, as satori converts it (its `woffToSfnt`). */
function woffToSfnt(woff: ArrayBuffer): ArrayBuffer {
  const view = new DataView(woff);
  const count = view.getUint16(12);
  const sfnt = new ArrayBuffer(view.getUint32(16));
  const out = new DataView(sfnt);
  const bytes = new Uint8Array(sfnt);
  out.setUint32(0, view.getUint32(4));
  out.setUint16(4, count);
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = (1 << entrySelector) * 16;
  out.setUint16(6, searchRange);
  out.setUint16(8, entrySelector);
  out.setUint16(10, count * 16 - searchRange);
  let tableOffset = 12 + count * 16;
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const offset = view.getUint32(entry + 4);
    const compressed = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const record = 12 + i * 16;
    out.setUint32(record, view.getUint32(entry));
    out.setUint32(record + 4, view.getUint32(entry + 16));
    out.setUint32(record + 8, tableOffset);
    out.setUint32(record + 12, length);
    // Tables smaller compressed are zlib streams; satori inflates the raw deflate data after the 2-byte header.
    bytes.set(
      compressed < length ? inflateSync(new Uint8Array(woff, offset, compressed)) : new Uint8Array(woff, offset, length),
      tableOffset,
    );
    tableOffset += (length + 3) & ~3;
  }
  return sfnt;
}

/** The fonts a text is drawn in: the subsets it needs, as a CSS family list and satori's fonts. */
export interface FontChoice {
  /** The CSS `font-family` list, also the key of the choice. */
  family: string;
  subsets: Subset[];
  /** One array per choice: satori parses a list of fonts once, keyed by the array. */
  fonts: Font[];
}

const choices = new Map<string, FontChoice>();

/** Only the subsets that the text needs, Latin always first: satori slows with every font it is given. */
export function fontsFor(text: string): FontChoice {
  const all = loadSubsets();
  const codes = [...new Set([...text].map((char) => char.codePointAt(0)!))];
  const chosen = all.filter(
    (subset, i) => i === 0 || codes.some((code) => subset.ranges.some(([start, end]) => code >= start && code <= end)),
  );
  const family = chosen.map((subset) => `'${subset.family}'`).join(', ');
  let choice = choices.get(family);
  if (!choice) {
    choice = { family, subsets: chosen, fonts: chosen.flatMap((subset) => subset.fonts) };
    choices.set(family, choice);
  }
  return choice;
}
