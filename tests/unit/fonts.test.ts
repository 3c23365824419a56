import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { textFaceCss } from '../../src/build/text-face.ts';

/**
 * The text face's stylesheet (src/build/text-face.ts), checked against the font files it names: the
 * fallbacks' metric overrides are Source Serif 4's own vertical metrics (else a
 * reader whose face is late sees the page set on the wrong lines), and the
 * roman's Latin face, written out to be preloaded, covers what @fontsource's
 * declaration of it covers.
 */
const require = createRequire(import.meta.url);
const opentype = require('@shuding/opentype.js') as typeof import('@shuding/opentype.js').default;
const css = textFaceCss();
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

describe('the text face', () => {
  const own = faces.filter((face) => descriptor(face, 'font-family') === "'Source Serif 4'");
  const range = (face: string) => descriptor(face, 'unicode-range')!.replace(/\s/g, '');

  it.each(own.map((face) => [/files\/([^']+)\.woff2/.exec(face)![1]!, face]))(
    '%s covers what @fontsource declares it covers',
    (name, face) => {
      const [, weight, style] = /-(\d+)-(normal|italic)$/.exec(name)!;
      const sheet = readFileSync(require.resolve(`@fontsource/source-serif-4/${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8');
      const theirs = [...sheet.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => body!).find((f) => f.includes(`/${name}.woff2`));
      expect(theirs, `${name} in @fontsource's stylesheet`).toBeDefined();
      expect(range(face)).toBe(range(theirs!));
      expect(descriptor(face, 'font-style')).toBe(style);
      expect(descriptor(face, 'font-weight')).toBe(weight);
    },
  );

  it('swaps in late everywhere but in the preloaded roman’s Latin subset', () => {
    const optional = own
      .filter((face) => descriptor(face, 'font-display') === 'optional')
      .map((face) => /files\/([^']+)\.woff2/.exec(face)![1]);
    expect(optional).toEqual(['source-serif-4-latin-400-normal']);
  });
});

describe('the faces of Hebrew and Arabic', () => {
  const sheet = readFileSync(new URL('../../src/styles/script-faces.css', import.meta.url), 'utf8');
  const scripts = [...sheet.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => body!);
  const range = (text: string) => text.replace(/\s/g, '');

  it('are not in the stylesheet every page loads', () => {
    expect(css).not.toMatch(/Noto/);
  });

  it('are declared in roman and semibold, each for its own script’s range, from files that exist', () => {
    expect(scripts.map((face) => `${descriptor(face, 'font-family')} ${descriptor(face, 'font-weight')}`)).toEqual([
      "'Noto Serif Hebrew' 400",
      "'Noto Serif Hebrew' 600",
      "'Noto Naskh Arabic' 400",
      "'Noto Naskh Arabic' 600",
    ]);
    for (const face of scripts) {
      const [, pkg, subset] = /url\('(@fontsource\/[\w-]+)\/files\/[\w-]+?-(hebrew|arabic)-\d+-normal\.woff2'\)/.exec(face)!;
      const unicode = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
      expect(range(descriptor(face, 'unicode-range')!)).toBe(range(unicode[subset!]!));
      expect(() => require.resolve(/url\('([^']+)'\)/.exec(face)![1]!)).not.toThrow();
    }
  });

  it('come after Source Serif 4 in the text’s family list, so that what it has stays its, and before the local fallbacks', () => {
    const stack = (text: string) =>
      /--font-text:\s*([^;]+);/
        .exec(text)![1]!
        .split(',')
        .map((family) => family.trim());
    const global = stack(readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8'));
    expect(stack(sheet)).toEqual([global[0], "'Noto Serif Hebrew'", "'Noto Naskh Arabic'", ...global.slice(1)]);
  });
});
