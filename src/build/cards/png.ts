import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';

/** This module, whose code is part of what a cached card was drawn by (cache.ts). */
export const PNG_MODULE = import.meta.url;

/** An opaque RGBA image to be placed on a canvas at (x, y). */
export interface Layer {
  rgba: Uint8Array;
  width: number;
  height: number;
  x: number;
  y: number;
}

/** Steps between the background and each ink: 1 + 4 × 63 = 253 colours, within PNG's 256. */
const STEPS = 63;

/** How far (per channel, out of 255) a pixel may move to take a palette colour: invisible. */
const TOLERANCE = 4;

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** A layer of one colour, such as a rule across the card. */
export function solidLayer(colour: string, width: number, height: number, x: number, y: number): Layer {
  const [r, g, b] = rgb(colour);
  const rgba = new Uint8Array(width * height * 4);
  for (let at = 0; at < rgba.length; at += 4) rgba.set([r, g, b, 255], at);
  return { rgba, width, height, x, y };
}

/**
 * The colours a card can hold: its background, and each ink blended into the
 * background in 63 steps, as anti-aliased text and rules are. A card drawn
 * in these colours is stored as an 8-bit indexed PNG: a third of the bytes of
 * the RGBA one, in a fraction of the time to compress.
 */
export class InkPalette {
  /** The PLTE chunk's data: index 0 is the background. */
  readonly colours: Uint8Array;
  readonly background: Rgb;
  readonly #inks: { delta: Rgb; length2: number }[];
  /** Pixel colour (0xRRGGBB) to its index, or -1 where no palette colour is near enough. */
  readonly #nearest = new Map<number, number>();

  constructor(background: string, inks: string[]) {
    this.background = rgb(background);
    const [br, bg, bb] = this.background;
    this.#inks = inks.map((ink) => {
      const [r, g, b] = rgb(ink);
      const delta: Rgb = [r - br, g - bg, b - bb];
      return { delta, length2: delta[0] ** 2 + delta[1] ** 2 + delta[2] ** 2 };
    });
    this.colours = new Uint8Array(3 * (1 + inks.length * STEPS));
    this.colours.set(this.background);
    this.#inks.forEach(({ delta }, ink) => {
      for (let step = 1; step <= STEPS; step++) {
        const at = 3 * (1 + ink * STEPS + step - 1);
        for (let c = 0; c < 3; c++) this.colours[at + c] = Math.round(this.background[c]! + (delta[c]! * step) / STEPS);
      }
    });
  }

  /** The index of the palette colour nearest to a pixel, or -1 if none is within the tolerance. */
  index(r: number, g: number, b: number): number {
    const key = (r << 16) | (g << 8) | b;
    let found = this.#nearest.get(key);
    if (found === undefined) {
      found = -1;
      let best = TOLERANCE + 1;
      const [br, bg, bb] = this.background;
      this.#inks.forEach(({ delta, length2 }, ink) => {
        // How far along the line from the background to this ink the pixel lies.
        const along = ((r - br) * delta[0] + (g - bg) * delta[1] + (b - bb) * delta[2]) / length2;
        const step = Math.round(Math.min(1, Math.max(0, along)) * STEPS);
        const index = step === 0 ? 0 : 1 + ink * STEPS + step - 1;
        const at = 3 * index;
        const error = Math.max(Math.abs(r - this.colours[at]!), Math.abs(g - this.colours[at + 1]!), Math.abs(b - this.colours[at + 2]!));
        if (error < best) [best, found] = [error, index];
      });
      this.#nearest.set(key, found);
    }
    return found;
  }
}

/**
 * A `width`×`height` PNG of the layers over the palette's background: indexed
 * when every pixel is near a palette colour, 24-bit RGB otherwise, so that
 * nothing drawn is ever lost. Each row is stored unfiltered: the background
 * repeats, which deflate compresses best as it is.
 */
export function encodePng(width: number, height: number, palette: InkPalette, layers: Layer[]): Uint8Array<ArrayBuffer> {
  const indexed = indexedRows(width, height, palette, layers);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per sample
  header[9] = indexed ? 3 : 2; // indexed colour, or RGB
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(indexed ? [chunk('PLTE', palette.colours)] : []),
    chunk('IDAT', deflateSync(indexed ?? rgbRows(width, height, palette, layers))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The part of a layer that falls on the canvas: rows and columns from its top left. */
function visible(layer: Layer, width: number, height: number) {
  return {
    columns: Math.max(0, Math.min(layer.width, width - layer.x)),
    rows: Math.max(0, Math.min(layer.height, height - layer.y)),
  };
}

/** Rows of palette indices, each after its filter byte (0: none); undefined if a pixel is off the palette. */
function indexedRows(width: number, height: number, palette: InkPalette, layers: Layer[]): Uint8Array | undefined {
  const stride = width + 1;
  // All zeros: no filter, and the background.
  const rows = new Uint8Array(stride * height);
  const [br, bg, bb] = palette.background;
  for (const layer of layers) {
    const { columns, rows: count } = visible(layer, width, height);
    const { rgba } = layer;
    for (let y = 0; y < count; y++) {
      let out = (layer.y + y) * stride + 1 + layer.x;
      let at = y * layer.width * 4;
      for (let x = 0; x < columns; x++, at += 4, out++) {
        const r = rgba[at]!;
        const g = rgba[at + 1]!;
        const b = rgba[at + 2]!;
        if (r === br && g === bg && b === bb) {
          rows[out] = 0;
          continue;
        }
        const index = palette.index(r, g, b);
        if (index < 0) return undefined;
        rows[out] = index;
      }
    }
  }
  return rows;
}

/** Rows of RGB pixels, each after its filter byte (0: none). */
function rgbRows(width: number, height: number, palette: InkPalette, layers: Layer[]): Uint8Array {
  const stride = 1 + width * 3;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(palette.background, y * stride + 1 + x * 3);
  }
  for (const layer of layers) {
    const { columns, rows: count } = visible(layer, width, height);
    for (let y = 0; y < count; y++) {
      let out = (layer.y + y) * stride + 1 + layer.x * 3;
      let at = y * layer.width * 4;
      for (let x = 0; x < columns; x++, at += 4) {
        rows[out++] = layer.rgba[at]!;
        rows[out++] = layer.rgba[at + 1]!;
        rows[out++] = layer.rgba[at + 2]!;
      }
    }
  }
  return rows;
}

/**
 * Scanlines of an indexed image (each row its filter byte, 0, then one palette
 * index a pixel), deflated on their own: a run of rows that many cards share
 * (the accent rule, an essay's title above its sections, the site's foot) is
 * compressed once and its bytes reused, so that each card deflates only the
 * rows of its own title. Each run ends on a sync flush (byte-aligned, no final
 * block), which lets runs be joined into one zlib stream.
 */
export class DeflatedRows {
  /** Uncompressed length: rows × (1 + width). */
  readonly length: number;
  readonly deflated: Uint8Array;
  /** The Adler-32 checksum of the uncompressed rows, which the zlib stream ends with. */
  readonly adler: number;

  /** `adler`, if given, is the rows' checksum, which whoever wrote them may know for less (`sparseAdler32`). */
  constructor(scanlines: Uint8Array, level: number, adler = adler32(scanlines)) {
    this.length = scanlines.length;
    this.deflated = deflateRawSync(scanlines, { level, finishFlush: constants.Z_SYNC_FLUSH });
    this.adler = adler;
  }
}

/** An 8-bit indexed PNG of `width`×`height` from runs of rows, top to bottom, that fill it. */
export function encodeIndexedPng(width: number, height: number, palette: InkPalette, runs: DeflatedRows[]): Uint8Array<ArrayBuffer> {
  const length = runs.reduce((sum, run) => sum + run.length, 0);
  if (length !== height * (1 + width)) throw new Error(`Rows of ${length} bytes do not make a ${width}×${height} image.`);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8;
  header[9] = 3;
  let adler = 1;
  for (const run of runs) adler = adler32Combine(adler, run.adler, run.length);
  const trailer = new Uint8Array(6);
  // An empty final block (fixed Huffman codes), then the checksum.
  trailer[0] = 0x03;
  new DataView(trailer.buffer).setUint32(2, adler);
  const zlib = concat([new Uint8Array([0x78, 0xda]), ...runs.map((run) => run.deflated), trailer]);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette.colours),
    chunk('IDAT', zlib),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * The Adler-32 checksum of `length` bytes, most of them 0, from the others
 * alone: `sum` is Σ b_i and `weighted` Σ (length − i) b_i over the bytes b_i
 * at offsets i (a = 1 + Σ b_i, b = length + Σ (length − i) b_i, modulo 65521).
 */
export function sparseAdler32(length: number, sum: number, weighted: number): number {
  const a = (1 + sum) % ADLER_BASE;
  const b = (length + (weighted % ADLER_BASE)) % ADLER_BASE;
  return ((b << 16) | a) >>> 0;
}

const ADLER_BASE = 65521;
/** The most bytes summed before the sums must be reduced, as zlib's NMAX. */
const ADLER_NMAX = 5552;

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let at = 0; at < bytes.length;) {
    const end = Math.min(bytes.length, at + ADLER_NMAX);
    for (; at < end; at++) {
      a += bytes[at]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The checksum of two runs of bytes joined, from each one's and the second's length (zlib's adler32_combine). */
function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let a = first & 0xffff;
  let b = (rem * a) % ADLER_BASE;
  a += (second & 0xffff) + ADLER_BASE - 1;
  b += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
  if (a >= ADLER_BASE) a -= ADLER_BASE;
  if (a >= ADLER_BASE) a -= ADLER_BASE;
  if (b >= ADLER_BASE * 2) b -= ADLER_BASE * 2;
  if (b >= ADLER_BASE) b -= ADLER_BASE;
  return ((b << 16) | a) >>> 0;
}

/** A PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes.subarray(4, 8 + data.length)));
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
