import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * src/styles/fonts.css, checked against the font files it names: the
 * fallbacks' metric overrides are Source Serif 4's own vertical metrics (else a
 * reader whose face is late sees the page set on the wrong lines), and the
 * roman's Latin face, written out to be preloaded, covers what @fontsource's
 * declaration of it covers.
 */
const require = createRequire(import.meta.url);
const opentype = require('@shuding/opentype.js') as typeof import('@shuding/opentype.js').default;
const css = readFileSync('src/styles/fonts.css', 'utf8');
const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => body!);
const descriptor = (face: string, name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(face)?.[1]?.replace(/\s+/g, ' ').trim();

function metrics(style: 'normal' | 'italic') {
  const data = readFileSync(require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-400-${style}.woff`));
  const font = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const { os2 } = (font as unknown as { tables: { os2: Record<string, number> } }).tables;
  const { sTypoAscender, sTypoDescender, sTypoLineGap } = os2;
  return { ascent: sTypoAscender! / font.unitsPerEm, descent: -sTypoDescender! / font.unitsPerEm, gap: sTypoLineGap! / font.unitsPerEm };
}

describe('the text face’s fallbacks', () => {
  const fallbacks = faces.filter((face) => descriptor(face, 'size-adjust'));

  it('exist for the roman and the italic of each local face', () => {
    expect(fallbacks.map((face) => `${descriptor(face, 'font-family')} ${descriptor(face, 'font-style')}`)).toEqual([
      "'Source Serif 4 Georgia' normal",
      "'Source Serif 4 Georgia' italic",
      "'Source Serif 4 Times' normal",
      "'Source Serif 4 Times' italic",
    ]);
  });

  it.each(fallbacks.map((face) => [`${descriptor(face, 'font-family')} ${descriptor(face, 'font-style')}`, face]))(
    '%s has Source Serif 4’s ascender, descender and line gap over its size-adjust',
    (_, face) => {
      const own = metrics(descriptor(face, 'font-style') as 'normal' | 'italic');
      const adjust = parseFloat(descriptor(face, 'size-adjust')!) / 100;
      const percent = (name: string) => parseFloat(descriptor(face, name)!) / 100;
      expect(percent('ascent-override')).toBeCloseTo(own.ascent / adjust, 3);
      expect(percent('descent-override')).toBeCloseTo(own.descent / adjust, 3);
      expect(percent('line-gap-override')).toBeCloseTo(own.gap / adjust, 3);
    },
  );
});

describe('the preloaded roman', () => {
  it('is declared after @fontsource’s faces, with its Latin unicode-range, and without swapping in late', () => {
    const latin = faces.find((face) => face.includes('latin-400-normal.woff2'))!;
    const fontsource = readFileSync(require.resolve('@fontsource/source-serif-4/400.css'), 'utf8');
    const theirs = [...fontsource.matchAll(/@font-face\s*\{([^}]*)\}/g)]
      .map(([, body]) => body!)
      .find((face) => face.includes('latin-400-normal'))!;
    const range = (face: string) => descriptor(face, 'unicode-range')!.replace(/\s/g, '');
    expect(range(latin)).toBe(range(theirs));
    expect(descriptor(latin, 'font-display')).toBe('optional');
    expect(css.indexOf('latin-400-normal.woff2')).toBeGreaterThan(css.lastIndexOf('@import'));
  });
});
