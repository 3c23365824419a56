import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
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
  const chosen = subsets.filter((subset, i) => i === 0 || codes.some((code) => subset.ranges.some(([start, end]) => code >= start && code <= end)));
  const family = chosen.map((subset) => `'${subset.family}'`).join(', ');
  if (!fontLists.has(family)) fontLists.set(family, chosen.flatMap((subset) => subset.fonts));
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

/** Cards already drawn in this build, by what they say: repeated headings share one drawing. */
const drawn = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * Draws a 1200×630 PNG card with satori (text laid out and drawn as paths)
 * and resvg. `where` names the page the card is for, in warnings.
 */
export function renderCard(card: CardText, where: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = JSON.stringify([card.title, card.context, card.footer, card.lang]);
  let png = drawn.get(key);
  if (!png) drawn.set(key, (png = draw(card, where)));
  return png;
}

async function draw(card: CardText, where: string): Promise<Uint8Array<ArrayBuffer>> {
  const { family, fonts } = fontsFor(`${card.title}${card.context ?? ''}${card.footer}`);
  const missing = new Set<string>();
  const tree = box(
    {
      width: '100%',
      height: '100%',
      // satori sizes boxes by their content otherwise, which would push the foot off the card.
      boxSizing: 'border-box',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 80px 56px',
      backgroundColor: COLOURS.background,
      borderTop: `16px solid ${COLOURS.accent}`,
      fontFamily: family,
      color: COLOURS.text,
    },
    [
      box({ flexDirection: 'column', gap: 28 }, [
        ...(card.context ? [box({ fontSize: 40, color: COLOURS.muted, lineClamp: 2, display: 'block' }, card.context)] : []),
        box({ fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.12, lineClamp: 4, display: 'block' }, card.title),
      ]),
      box({ borderTop: `2px solid ${COLOURS.rule}`, paddingTop: 24, fontSize: 36, fontWeight: 700, color: COLOURS.accent }, card.footer),
    ],
  );
  const svg = await satori(tree as never, {
    ...CARD,
    fonts,
    loadAdditionalAsset: async (_language, segment) => {
      missing.add(segment);
      return [];
    },
  });
  if (missing.size > 0) {
    console.warn(`${where}: the card font has no glyph for “${[...missing].join('')}”; the link-preview card will lack it.`);
  }
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: CARD.width }, font: { loadSystemFonts: false } }).render().asPng();
  // A copy in a plain ArrayBuffer, which a Response body accepts (a Node Buffer's type is wider).
  return new Uint8Array(png);
}
