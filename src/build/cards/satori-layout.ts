import satori from 'satori';
import { LIGHT } from '../../lib/theme.ts';
import type { FontChoice } from './fonts.ts';
import { Path } from './raster.ts';

/** This module, whose code is part of what a cached card was drawn by (cache.ts). */
export const SATORI_LAYOUT_MODULE = import.meta.url;

/** How a block of card text is set: what satori's style for it says. */
export interface BlockStyle {
  fontSize: number;
  fontWeight: 400 | 700;
  /** A multiple of the font size, or the font's own line height. */
  lineHeight: number | 'normal';
  /** The most lines shown, the last one ending in an ellipsis if the text goes on. */
  lineClamp?: number | undefined;
  color: string;
}

/** Glyphs laid out: one path in the band's coordinates, and the band's height. */
export interface TextBlock {
  path: Path;
  /** The band's height: the block's box with the rows above it and below it. */
  height: number;
  /** Characters that no font had. */
  missing: string[];
}

type Node = { type: string; props: Record<string, unknown> };

function box(style: Record<string, unknown>, children: Node[] | string): Node {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/** The block's style as satori's, leaving out what is satori's default (the trees cards were first drawn from). */
function blockStyle(style: BlockStyle): Record<string, unknown> {
  return {
    fontSize: style.fontSize,
    ...(style.fontWeight === 400 ? {} : { fontWeight: style.fontWeight }),
    ...(style.lineHeight === 'normal' ? {} : { lineHeight: style.lineHeight }),
    color: style.color,
    ...(style.lineClamp === undefined ? {} : { lineClamp: style.lineClamp, display: 'block' }),
  };
}

/**
 * Lays a block of text out with satori, as cards were laid out before
 * issue 15, `top` pixels down a band `width` wide with `bottom` pixels below
 * it, and reads back the path of its glyphs. The card layout (layout.ts)
 * does the same for the text it knows; this is for the rest (right-to-left
 * scripts, characters no font has, emoji), and for the foot, with its rule.
 */
export async function layOutWithSatori(
  text: string,
  style: BlockStyle,
  fonts: FontChoice,
  frame: { width: number; top: number; bottom: number; rule?: { width: number; colour: string } },
): Promise<TextBlock> {
  const missing = new Set<string>();
  const child = frame.rule
    ? box({ borderTop: `${frame.rule.width}px solid ${frame.rule.colour}`, paddingTop: 24, flexGrow: 1, ...blockStyle(style) }, text)
    : box(blockStyle(style), text);
  const tree = box(
    {
      width: frame.width,
      paddingTop: frame.top,
      paddingBottom: frame.bottom,
      fontFamily: fonts.family,
      color: LIGHT.text,
      flexDirection: frame.rule ? 'row' : 'column',
    },
    [child],
  );
  const svg = await satori(tree as never, {
    width: frame.width,
    fonts: fonts.fonts,
    loadAdditionalAsset: async (_language, segment) => {
      missing.add(segment);
      return [];
    },
  });
  const height = Number(/^<svg width="\d+" height="(\d+)"/.exec(svg)?.[1]);
  const path = new Path();
  for (const [, d] of svg.matchAll(/<path fill="#[0-9a-f]{6}" d="([^"]*)"/g)) parsePathData(d!, path);
  return { path, height, missing: [...missing] };
}

/** SVG path data as satori writes glyphs (absolute M, L, Q and Z), into `path`. */
function parsePathData(d: string, path: Path): void {
  const numbers: number[] = [];
  let command = '';
  const flush = () => {
    if (command === 'M') path.moveTo(numbers[0]!, numbers[1]!);
    else if (command === 'L') path.lineTo(numbers[0]!, numbers[1]!);
    else if (command === 'Q') path.quadTo(numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!);
    else if (command === 'Z') path.close();
    else if (command) throw new Error(`Card text: satori drew a path command (${command}) that cards cannot fill.`);
    numbers.length = 0;
  };
  for (const token of d.match(/[A-Za-z]|-?[\d.]+(?:e-?\d+)?/g) ?? []) {
    if (/[A-Za-z]/.test(token)) {
      flush();
      command = token;
    } else {
      numbers.push(Number(token));
    }
  }
  flush();
}
