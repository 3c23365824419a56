import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { cardCacheDir, renderCard } from '../../src/lib/cards.ts';
import { InkPalette, encodePng } from '../../src/lib/png.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47];

/** A PNG as its colour type and a function from (x, y) to the pixel's RGB; only unfiltered rows, as encodePng writes. */
function decode(png: Uint8Array): { type: number; width: number; height: number; at: (x: number, y: number) => number[] } {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 4)]).toEqual(PNG);
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), bytes.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  const header = chunks.get('IHDR')![0]!;
  const [width, height, type] = [header.readUInt32BE(0), header.readUInt32BE(4), header[9]!];
  const rows = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const channels = type === 3 ? 1 : 3;
  const stride = 1 + width * channels;
  for (let y = 0; y < height; y++) expect(rows[y * stride]).toBe(0);
  const palette = chunks.get('PLTE')?.[0];
  const at = (x: number, y: number) => {
    const i = y * stride + 1 + x * channels;
    return type === 3 ? [...palette!.subarray(3 * rows[i]!, 3 * rows[i]! + 3)] : [...rows.subarray(i, i + 3)];
  };
  return { type, width, height, at };
}

/** A solid RGBA block. */
const solid = (width: number, height: number, [r, g, b]: number[]) =>
  Uint8Array.from({ length: width * height * 4 }, (_, i) => [r, g, b, 255][i % 4]!);

describe('card PNGs', () => {
  const palette = new InkPalette('#ffffff', ['#000000', '#ff0000']);

  it('are indexed when drawn in the inks and their blends with the background, within 4/255', () => {
    const grey = solid(2, 2, [128, 128, 128]);
    const pink = solid(3, 1, [255, 100, 100]);
    const png = decode(
      encodePng(8, 4, palette, [
        { rgba: grey, width: 2, height: 2, x: 1, y: 1 },
        { rgba: pink, width: 3, height: 1, x: 6, y: 3 },
      ]),
    );
    expect(png).toMatchObject({ type: 3, width: 8, height: 4 });
    expect(png.at(0, 0)).toEqual([255, 255, 255]);
    for (const channel of png.at(2, 2)) expect(Math.abs(channel - 128)).toBeLessThanOrEqual(4);
    const [r, g, b] = png.at(6, 3);
    expect([r, Math.abs(g! - 100) <= 4, Math.abs(b! - 100) <= 4]).toEqual([255, true, true]);
    // Clipped at the canvas's edge: the third column of the pink block falls off it.
    expect(png.at(7, 3)).toEqual(png.at(6, 3));
  });

  it('keep every colour exactly, in RGB, when one pixel is off the palette', () => {
    const green = solid(1, 1, [0, 200, 0]);
    const grey = solid(1, 1, [128, 128, 128]);
    const png = decode(
      encodePng(3, 2, palette, [
        { rgba: grey, width: 1, height: 1, x: 0, y: 0 },
        { rgba: green, width: 1, height: 1, x: 2, y: 1 },
      ]),
    );
    expect(png.type).toBe(2);
    expect([png.at(0, 0), png.at(2, 1), png.at(1, 1)]).toEqual([
      [128, 128, 128],
      [0, 200, 0],
      [255, 255, 255],
    ]);
  });

  it('hold the accent rule, the title and the foot where the card’s layout puts them', async () => {
    const card = { title: `Gypsy quays ${process.pid} ${Date.now()}`, context: 'An essay', footer: 'Essays · example.org', lang: 'en' };
    const before = new Set(cached());
    const png = decode(await renderCard(card, 'a test'));
    for (const name of cached().filter((name) => !before.has(name))) rmSync(path.join(cardCacheDir(), name));
    expect(png).toMatchObject({ type: 3, width: 1200, height: 630 });
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      let dark = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (png.at(x, y)[0]! < 100) dark++;
      return dark;
    };
    expect(png.at(600, 8)).toEqual([0x8a, 0x2f, 0x1c]);
    expect(png.at(600, 400)).toEqual([0xfd, 0xfc, 0xf8]);
    // Title text below the context line; nothing left or right of the inner box.
    expect(ink(80, 150, 1120, 300)).toBeGreaterThan(1000);
    expect(ink(0, 17, 70, 630) + ink(1130, 17, 1200, 630)).toBe(0);
  });
});

/** The cache's files; none before the first card is drawn on a fresh clone. */
const cached = () => (existsSync(cardCacheDir()) ? readdirSync(cardCacheDir()) : []);

describe('link-preview cards', () => {
  it('are drawn once and then found in the cache by later builds', async () => {
    // A title no other test or build draws.
    const card = { title: `A card of ${process.pid} at ${Date.now()}`, context: 'An essay', footer: 'Essays', lang: 'en' };
    const before = new Set(cached());
    const drawn = await renderCard(card, 'a test');
    expect([...drawn.slice(0, 4)]).toEqual(PNG);
    const added = cached().filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    const file = path.join(cardCacheDir(), added[0]!);
    expect(readFileSync(file).equals(drawn)).toBe(true);
    // Replaced behind its back: what comes back is what the cache holds, so nothing was drawn.
    const marked = Buffer.from([...PNG, 1, 2, 3]);
    writeFileSync(file, marked);
    expect(Buffer.from(await renderCard(card, 'a test')).equals(marked)).toBe(true);
    rmSync(file);
  });

  it('warn of characters the font lacks, naming the page, whether drawn or found in the cache', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const card = { title: `漢字 ${process.pid} ${Date.now()}`, footer: 'Essays', lang: 'en' };
    const before = new Set(cached());
    try {
      await renderCard(card, 'essays/x/index.md');
      await renderCard(card, 'essays/y/index.md');
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/^essays\/x\/index\.md: the card font has no glyph for “漢字”/);
      expect(warnings[1]).toMatch(/^essays\/y\/index\.md: .*漢字/);
    } finally {
      warn.mockRestore();
      for (const name of cached().filter((name) => !before.has(name))) rmSync(path.join(cardCacheDir(), name));
    }
  });
});
