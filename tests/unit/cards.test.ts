import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { drawCards } from '../../src/build/cards/batch.ts';
import { cardFile } from '../../src/build/cards/cache.ts';
import { type CardText, drawCard } from '../../src/build/cards/draw.ts';
import { fontsFor, lettersNoCardFontHas, startShaping } from '../../src/build/cards/fonts.ts';
import { CACHE_VARIABLE, cardCacheDir, renderCard } from '../../src/build/cards/index.ts';
import { FOOT, FOOT_FRAME, layOutFoot, layOutText, titleSize } from '../../src/build/cards/layout.ts';
import { DeflatedRows, InkPalette, encodeIndexedPng, encodePng, sparseAdler32 } from '../../src/build/cards/png.ts';
import { Path, emptyMask, fillPath } from '../../src/build/cards/raster.ts';
import { type BlockStyle, layOutWithSatori } from '../../src/build/cards/satori-layout.ts';
import { LIGHT } from '../../src/lib/theme.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47];
const FIXTURES = new URL('../fixtures/cards/', import.meta.url);

/** A PNG as its colour type, its pixels' RGB and a function from (x, y) to one; only unfiltered rows, as the encoders write. */
function decode(png: Uint8Array): { type: number; width: number; height: number; rgb: Uint8Array; at: (x: number, y: number) => number[] } {
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
  // inflateSync checks the stream's Adler-32 checksum too.
  const rows = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const channels = type === 3 ? 1 : 3;
  const stride = 1 + width * channels;
  expect(rows.length).toBe(stride * height);
  for (let y = 0; y < height; y++) expect(rows[y * stride]).toBe(0);
  const palette = chunks.get('PLTE')?.[0];
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0, i = y * stride + 1; x < width; x++, i += channels) {
      const from = type === 3 ? palette! : rows;
      const at = type === 3 ? 3 * rows[i]! : i;
      rgb[o++] = from[at]!;
      rgb[o++] = from[at + 1]!;
      rgb[o++] = from[at + 2]!;
    }
  }
  const at = (x: number, y: number) => [...rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
  return { type, width, height, rgb, at };
}

/** A solid RGBA block. */
const solid = (width: number, height: number, [r, g, b]: number[]) =>
  Uint8Array.from({ length: width * height * 4 }, (_, i) => [r, g, b, 255][i % 4]!);

/** Every test that draws keeps its cards in a directory of its own, never in the project's cache. */
let cache: string;
beforeAll(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'essay-cards-'));
  vi.stubEnv(CACHE_VARIABLE, cache);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(cache, { recursive: true, force: true });
});

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

  it('join rows deflated apart into one image, with the checksum of the whole', () => {
    const rows = (count: number, index: number) => {
      const bytes = new Uint8Array(count * 5);
      for (let y = 0; y < count; y++) bytes.fill(index, y * 5 + 1, y * 5 + 1 + index);
      return bytes;
    };
    const sparse = rows(2, 3);
    let [sum, weighted] = [0, 0];
    sparse.forEach((value, at) => {
      sum += value;
      weighted += (sparse.length - at) * value;
    });
    const runs = [
      new DeflatedRows(rows(3, 1), 9),
      new DeflatedRows(rows(1, 0), 1),
      new DeflatedRows(sparse, 5, sparseAdler32(sparse.length, sum, weighted)),
    ];
    const png = decode(encodeIndexedPng(4, 6, palette, runs));
    const colour = (index: number) => [...palette.colours.subarray(3 * index, 3 * index + 3)];
    expect([png.at(0, 0), png.at(1, 0), png.at(0, 3), png.at(2, 4), png.at(3, 5)]).toEqual([
      colour(1),
      colour(0),
      colour(0),
      colour(3),
      colour(0),
    ]);
  });

  it('refuse rows that do not fill the image', () => {
    expect(() => encodeIndexedPng(4, 2, palette, [new DeflatedRows(new Uint8Array(5), 1)])).toThrow(/do not make a 4×2 image/);
  });
});

describe('the card rasteriser', () => {
  it('covers whole pixels fully and half-covered ones by half', () => {
    const mask = emptyMask(8, 4);
    const square = new Path();
    square.moveTo(1, 1);
    square.lineTo(3.5, 1);
    square.lineTo(3.5, 3);
    square.lineTo(1, 3);
    square.close();
    expect(fillPath(square, mask)).toEqual({ top: 1, bottom: 3 });
    const row = (y: number) => [...mask.coverage.subarray(y * 8, y * 8 + 8)];
    expect(row(0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(row(1)).toEqual([0, 255, 255, 128, 0, 0, 0, 0]);
    expect(row(2)).toEqual(row(1));
    expect([...mask.spans.subarray(2, 4)]).toEqual([1, 4]);
  });

  it('clips glyphs that run past the band', () => {
    const mask = emptyMask(4, 2);
    const wide = new Path();
    wide.moveTo(-3, 0);
    wide.quadTo(2, -1, 9, 0);
    wide.lineTo(9, 2);
    wide.lineTo(-3, 2);
    wide.close();
    fillPath(wide, mask);
    expect([...mask.coverage.subarray(4, 8)]).toEqual([255, 255, 255, 255]);
  });
});

describe('card text', () => {
  const fixtures = JSON.parse(readFileSync(new URL('cards.json', FIXTURES), 'utf8')) as { file: string; card: CardText }[];
  const context: BlockStyle = { fontSize: 40, fontWeight: 400, lineHeight: 'normal', lineClamp: 2, color: LIGHT.muted };
  const title = (text: string): BlockStyle => ({
    fontSize: titleSize(text),
    fontWeight: 700,
    lineHeight: 1.12,
    lineClamp: 4,
    color: LIGHT.text,
  });
  const samples = [
    ...fixtures.flatMap(({ card }) => [
      { text: card.title, style: title(card.title), top: card.context ? 115 : 32, fonts: `${card.title}${card.context ?? ''}` },
      ...(card.context ? [{ text: card.context, style: context, top: 32, fonts: `${card.title}${card.context}` }] : []),
    ]),
    // Line breaks at hyphens, dashes and no-break spaces; ligatures and kerning pairs; each title size.
    ...[
      'Office Waffles, Affluent Flights',
      'AV To Wa Ya LT — “Te” ‘Vo’',
      'Self-determination and the anti-Bolshevik post-war order, 1917–1921',
      'No\u00a0break\u00a0here but a very long line that has to wrap somewhere near its end',
    ].map((text) => ({ text, style: title(text), top: 115, fonts: text })),
  ];

  it('is laid out as satori lays it out, to the tenth of a pixel, or left to satori', async () => {
    await startShaping();
    let own = 0;
    for (const { text, style, top, fonts } of samples) {
      const choice = fontsFor(fonts);
      const mine = layOutText(text, style, choice, top);
      if (!mine) continue;
      own++;
      const theirs = await layOutWithSatori(text, style, choice, { width: 1040, top, bottom: 32 });
      expect({ text, height: mine.height, verbs: mine.path.verbs, points: mine.path.points }).toEqual({
        text,
        height: theirs.height,
        verbs: theirs.path.verbs,
        points: theirs.path.points,
      });
    }
    // Only the title with characters no font has is left to satori.
    expect(own).toBe(samples.length - 1);
  });
});

describe('the letters the card fonts have', () => {
  it('are those of every script they cover; the rest are named, each once, and digits and symbols are not letters', () => {
    expect(lettersNoCardFontHas('The Fall of the Tsar, 1917')).toEqual([]);
    expect(lettersNoCardFontHas('Москва · Ελλάδα · Việt Nam · הכנסת · گفتگو · ہے')).toEqual([]);
    expect(lettersNoCardFontHas('明治維新は明治の維新')).toEqual(['明', '治', '維', '新', 'は', 'の']);
    // Polytonic Greek is not in Source Serif 4's Greek subset.
    expect(lettersNoCardFontHas('On Ἀρετή, № 3 ★')).toEqual(['Ἀ']);
  });
});

describe('right-to-left card text', () => {
  const style: BlockStyle = { fontSize: 80, fontWeight: 700, lineHeight: 1.12, lineClamp: 4, color: LIGHT.text };
  const layOut = (text: string, direction: 'ltr' | 'rtl' = 'rtl') => layOutText(text, style, fontsFor(text), 32, direction)!;
  /** Whether every point of `part` is a point of `whole`, to a fifth of a pixel. */
  const within = (part: Path, whole: Path) => {
    for (let i = 0; i < part.points.length; i += 2) {
      let found = false;
      for (let j = 0; j < whole.points.length && !found; j += 2) {
        found = Math.abs(part.points[i]! - whole.points[j]!) < 0.2 && Math.abs(part.points[i + 1]! - whole.points[j + 1]!) < 0.2;
      }
      if (!found) return false;
    }
    return true;
  };

  it.each([
    ['Hebrew', 'הכנסת הראשונה ומשבר החוקה', 'Noto Serif Hebrew'],
    ['Arabic', 'ثورة أكتوبر: انقلاب؟', 'Noto Naskh Arabic'],
  ])('in %s is drawn by the card layout in a font that has its letters', async (_, title, family) => {
    await startShaping();
    expect(fontsFor(title).family).toContain(family);
    expect(layOutText(title, style, fontsFor(title), 32, 'rtl')).toBeDefined();
    expect((await drawCard({ title, footer: 'Essays', lang: title.startsWith('ה') ? 'he' : 'ar' })).missing).toEqual([]);
  });

  it('runs from the right edge: the first word is where it would be alone, not the last', async () => {
    await startShaping();
    const line = layOut('שלום עולם');
    expect(line.path.bounds().right).toBeGreaterThan(1040 - 8);
    expect(within(layOut('שלום').path, line.path)).toBe(true);
    expect(within(layOut('עולם').path, line.path)).toBe(false);
  });

  it('keeps a left-to-right page left to right, with a Hebrew phrase in it in its own order', async () => {
    await startShaping();
    const line = layOut('Knesset שלום עולם', 'ltr');
    expect(line.path.bounds().left).toBeLessThan(8);
    expect(within(layOut('Knesset', 'ltr').path, line.path)).toBe(true);
    // Right to left within the line: after “Knesset ” comes the phrase's last word, its first at the far right.
    expect(within(layOut('Knesset עולם', 'ltr').path, line.path)).toBe(true);
    expect(within(layOut('Knesset שלום', 'ltr').path, line.path)).toBe(false);
  });

  it('sets a Hebrew site name at the foot from the right, where satori would have set it from the left', async () => {
    const foot = await layOutFoot('מסות עיון');
    expect(foot.path.bounds().right).toBeGreaterThan(1040 - 8);
    expect(within((await layOutFoot('מסות')).path, foot.path)).toBe(true);
    // As tall as satori's foot, rule and gap above the line.
    expect(foot.height).toBe((await layOutWithSatori('מסות עיון', FOOT, fontsFor('מסות עיון'), FOOT_FRAME)).height);
  });

  it('puts Arabic’s dots where the font places them: the dot of beh below the line', async () => {
    await startShaping();
    const alef = layOut('ا').path.bounds();
    const beh = layOut('ب').path.bounds();
    expect(beh.bottom - alef.bottom).toBeGreaterThan(0.1 * style.fontSize);
  });
});

describe('link-preview cards', () => {
  const fixtures = JSON.parse(readFileSync(new URL('cards.json', FIXTURES), 'utf8')) as { file: string; card: CardText }[];

  it('look as the cards drawn before issue 15 did, every pixel within 2/255, and are no more than 10% larger', async () => {
    // The essay's card and one for each of its seven sections, then the site's card and edge cases.
    expect(fixtures.filter(({ file }) => file.startsWith('october-revolution')).length).toBe(8);
    const faults: string[] = [];
    for (const { file, card } of fixtures) {
      const before = readFileSync(new URL(file, FIXTURES));
      const { png } = await drawCard(card);
      const [old, now] = [decode(before), decode(png)];
      let worst = 0;
      for (let i = 0; i < old.rgb.length; i++) worst = Math.max(worst, Math.abs(old.rgb[i]! - now.rgb[i]!));
      if (worst > 2) faults.push(`${file}: a channel ${worst}/255 away from the old card`);
      if (png.length > before.length * 1.1) faults.push(`${file}: ${png.length} bytes, against ${before.length}`);
    }
    expect(faults).toEqual([]);
  });

  it('hold the accent rule, the title and the foot where the card’s layout puts them', async () => {
    const card = { title: `Gypsy quays ${process.pid} ${Date.now()}`, context: 'An essay', footer: 'Essays · example.org', lang: 'en' };
    const png = decode(await renderCard(card, 'a test'));
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

  /** The cache's files. */
  const cached = () => (existsSync(cardCacheDir()) ? readdirSync(cardCacheDir()) : []);

  it('are kept where ESSAY_CARD_CACHE says, drawn once and then found by later builds', async () => {
    expect(cardCacheDir()).toBe(cache);
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
  });

  it('are used from the cache by a build only as the build that published them left them', async () => {
    const card = { title: `A published card of ${process.pid} at ${Date.now()}`, context: 'An essay', footer: 'Essays', lang: 'en' };
    const file = cardFile(card);
    /** One build's cards: drawn or found, then recorded as published; the cache file each names. */
    const build = async () => {
      const batch = drawCards(
        [card],
        () => 'a page',
        () => undefined,
      );
      try {
        const drawn = await batch.card(0);
        expect(drawn).toEqual({ file });
        await batch.published();
      } finally {
        await batch.close();
      }
      return { bytes: readFileSync(file), ino: statSync(file).ino, mtime: statSync(file).mtimeMs };
    };
    const first = await build();
    expect([...first.bytes.subarray(0, 4)]).toEqual(PNG);
    // Found, not drawn again: the very file the first build left.
    expect(await build()).toEqual(first);
    // Written into in place, as through the site's link to it: drawn again, and the cache holds the card once more.
    writeFileSync(file, Buffer.from([...PNG, 1, 2, 3]));
    const third = await build();
    expect(third.bytes.equals(first.bytes)).toBe(true);
    // Also a card the cache holds that no build published (written by the dev server, or an older version).
    rmSync(path.join(cardCacheDir(), 'published.json'));
    writeFileSync(file, Buffer.from([...PNG, 4, 5, 6]));
    expect((await build()).bytes.equals(first.bytes)).toBe(true);
  });

  it('are drawn once for a build however many pages ask for the same one', async () => {
    const card = { title: `A card asked for thrice, ${process.pid} at ${Date.now()}`, footer: 'Essays', lang: 'en' };
    const other = { ...card, title: `${card.title}, and another` };
    const warn = vi.fn();
    const batch = drawCards([card, other, card, card], (i) => `page ${i}`, warn);
    try {
      const drawn = await Promise.all([0, 1, 2, 3].map((i) => batch.card(i)));
      expect(drawn).toEqual([{ file: cardFile(card) }, { file: cardFile(other) }, { file: cardFile(card) }, { file: cardFile(card) }]);
      // One promise for the three: one drawing, one cache file written.
      expect(batch.card(2)).toBe(batch.card(0));
      expect(batch.card(1)).not.toBe(batch.card(0));
    } finally {
      await batch.close();
    }
  });

  it('warn of characters the font lacks, naming the page, whether drawn or found in the cache', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const card = { title: `漢字 ${process.pid} ${Date.now()}`, footer: 'Essays', lang: 'en' };
    try {
      await renderCard(card, 'essays/x/index.md');
      await renderCard(card, 'essays/y/index.md');
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/^essays\/x\/index\.md: the card font has no glyph for “漢字”/);
      expect(warnings[1]).toMatch(/^essays\/y\/index\.md: .*漢字/);
    } finally {
      warn.mockRestore();
    }
  });
});
