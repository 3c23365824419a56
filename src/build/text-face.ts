/**
 * The text face's stylesheet (`virtual:text-face.css`, imported by
 * src/layouts/Base.astro), made at build time from its two sources rather
 * than copied from them: @fontsource's own declarations of Source Serif 4
 * (each subset's file and unicode-range) and the font files' vertical metrics
 * (for the fallbacks). docs/design.md says why this face and how it loads.
 *
 * Source Serif 4: Frank Grießhammer for Adobe, SIL Open Font License 1.1
 * (node_modules/@fontsource/source-serif-4/LICENSE), self-hosted from
 * @fontsource's WOFF2 subsets, which Vite copies into the build.
 *
 * The faces of Hebrew and Arabic, which it lacks, are in
 * src/styles/script-faces.css, loaded only by pages with their letters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/source-serif-4';

/**
 * The faces the essays need: roman, italic and semibold in Latin and Cyrillic,
 * roman and italic in Latin Extended. Greek and Vietnamese are not declared (an
 * essay in them is set in the fallback): each face declared costs every page's
 * stylesheet about 60 bytes. Each subset downloads only when a page uses a
 * character in its range.
 */
export const FACES: readonly { weight: 400 | 600; style: 'normal' | 'italic'; subsets: readonly string[] }[] = [
  { weight: 400, style: 'normal', subsets: ['latin', 'latin-ext', 'cyrillic'] },
  { weight: 400, style: 'italic', subsets: ['latin', 'latin-ext', 'cyrillic'] },
  { weight: 600, style: 'normal', subsets: ['latin', 'cyrillic'] },
];

/**
 * The one subset preloaded (src/layouts/Base.astro) and set `optional`: it is
 * there at first paint or, if it is late, the fallback stays for this page (no
 * swap, no shift). The rest swap in: they are rarely on the first screen, and
 * a swap below the fold moves nothing in view.
 */
export const PRELOADED = 'source-serif-4-latin-400-normal';

/**
 * The fallbacks: local faces scaled to Source Serif 4's average width
 * (`sizeAdjust`, measured against each local face) and set to its vertical
 * metrics divided by that scale, so that lines break and sit where they will
 * when the face arrives.
 */
export const FALLBACKS: readonly { family: string; style: 'normal' | 'italic'; local: readonly string[]; sizeAdjust: number }[] = [
  { family: 'Source Serif 4 Georgia', style: 'normal', local: ['Georgia'], sizeAdjust: 1.066 },
  { family: 'Source Serif 4 Georgia', style: 'italic', local: ['Georgia Italic'], sizeAdjust: 0.98 },
  { family: 'Source Serif 4 Times', style: 'normal', local: ['Times New Roman', 'Liberation Serif', 'Tinos'], sizeAdjust: 1.177 },
  {
    family: 'Source Serif 4 Times',
    style: 'italic',
    local: ['Times New Roman Italic', 'Liberation Serif Italic', 'Tinos Italic'],
    sizeAdjust: 1.077,
  },
];

export interface FaceRule {
  /** The WOFF2 file's name, without its extension: `source-serif-4-latin-400-normal`. */
  file: string;
  weight: number;
  style: string;
  display: 'optional' | 'swap';
  unicodeRange: string;
}

/** @fontsource's @font-face rules of one weight and style: each subset's file and range. */
function fontsourceRules(weight: number, style: string): Map<string, string> {
  const sheet = readFileSync(require.resolve(`${PACKAGE}/${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8');
  const ranges = new Map<string, string>();
  for (const [, body] of sheet.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /\/files\/([\w-]+)\.woff2/.exec(body!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body!)?.[1];
    if (file && range) ranges.set(file, range.trim());
  }
  return ranges;
}

/** The declared faces, each with @fontsource's range for it. */
export function faceRules(): FaceRule[] {
  return FACES.flatMap(({ weight, style, subsets }) => {
    const ranges = fontsourceRules(weight, style);
    return subsets.map((subset) => {
      const file = `source-serif-4-${subset}-${weight}-${style}`;
      const unicodeRange = ranges.get(file);
      if (!unicodeRange) throw new Error(`${PACKAGE} declares no ${file}.woff2 with a unicode-range`);
      return { file, weight, style, display: file === PRELOADED ? 'optional' : 'swap', unicodeRange };
    });
  });
}

/** Source Serif 4's ascender, descender and line gap (OS/2 typo metrics), in ems. */
export function verticalMetrics(style: 'normal' | 'italic'): { ascent: number; descent: number; gap: number } {
  const opentype = require('@shuding/opentype.js') as typeof import('@shuding/opentype.js').default;
  const data = readFileSync(require.resolve(`${PACKAGE}/files/source-serif-4-latin-400-${style}.woff`));
  const font = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const { sTypoAscender, sTypoDescender, sTypoLineGap } = (font as unknown as { tables: { os2: Record<string, number> } }).tables.os2;
  return { ascent: sTypoAscender! / font.unitsPerEm, descent: -sTypoDescender! / font.unitsPerEm, gap: sTypoLineGap! / font.unitsPerEm };
}

const percent = (value: number) => `${Math.round(value * 10000) / 100}%`;

/** The stylesheet: every declared face, then the fallbacks. */
export function textFaceCss(): string {
  const faces = faceRules().map(
    (face) => `@font-face {
  font-family: 'Source Serif 4';
  font-style: ${face.style};
  font-weight: ${face.weight};
  font-display: ${face.display};
  src: url('${PACKAGE}/files/${face.file}.woff2') format('woff2');
  unicode-range: ${face.unicodeRange};
}`,
  );
  const fallbacks = FALLBACKS.map(({ family, style, local, sizeAdjust }) => {
    const own = verticalMetrics(style);
    return `@font-face {
  font-family: '${family}';
  font-style: ${style};
  src: ${local.map((name) => `local('${name}')`).join(', ')};
  size-adjust: ${percent(sizeAdjust)};
  ascent-override: ${percent(own.ascent / sizeAdjust)};
  descent-override: ${percent(own.descent / sizeAdjust)};
  line-gap-override: ${percent(own.gap / sizeAdjust)};
}`;
  });
  return [...faces, ...fallbacks].join('\n');
}

const ID = 'virtual:text-face.css';

/** Serves the stylesheet to Vite as `virtual:text-face.css`. */
export function textFace(): Plugin {
  return {
    name: 'essay-text-face',
    resolveId(id) {
      // Resolved to a file path inside the project, so that Vite resolves the
      // stylesheet's url()s as it does a file's in src/.
      return id === ID ? new URL('./text-face.virtual.css', import.meta.url).pathname : undefined;
    },
    load(id) {
      return id.endsWith('/text-face.virtual.css') ? textFaceCss() : undefined;
    },
  };
}
