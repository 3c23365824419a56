import bidiFactory from 'bidi-js';
import LineBreaker from 'linebreak';
import { CARD } from '../../lib/share.ts';
import { LIGHT } from '../../lib/theme.ts';
import { hasRightToLeft, type TextDirection } from '../../lib/direction.ts';
import { type Face, type FontChoice, GLYPH, faceOf, fontsFor, startShaping } from './fonts.ts';
import { Path } from './raster.ts';
import { type BlockStyle, type TextBlock, layOutWithSatori } from './satori-layout.ts';

export type { TextBlock } from './satori-layout.ts';

/** This module, whose code is part of what a cached card was drawn by (cache.ts). */
export const LAYOUT_MODULE = import.meta.url;

/** The card's frame (src/styles/global.css's accent rule over the page colour) and its inner box. */
export const FRAME = { rule: 16, top: 64, side: 80, bottom: 56 } as const;
export const INNER = {
  x: FRAME.side,
  y: FRAME.rule + FRAME.top,
  width: CARD.width - 2 * FRAME.side,
  bottom: CARD.height - FRAME.bottom,
} as const;

/** Rows of background drawn above and below a band's text, where accents and descenders of large type fall. */
export const BLEED = 32;

/** Between the context line and the title. */
const GAP = 28;

/** The foot's rule: a border above the site's name, this tall, at the top of its box. */
export const FOOT_RULE = 2;

/** Bigger type for shorter titles, so that each fills the card and stays legible as a thumbnail. */
export function titleSize(title: string): number {
  if (title.length <= 24) return 96;
  if (title.length <= 48) return 80;
  if (title.length <= 90) return 64;
  return 54;
}

const CONTEXT: BlockStyle = { fontSize: 40, fontWeight: 400, lineHeight: 'normal', lineClamp: 2, color: LIGHT.muted };
export const FOOT: BlockStyle = { fontSize: 36, fontWeight: 700, lineHeight: 'normal', color: LIGHT.accent };

function titleStyle(title: string): BlockStyle {
  return { fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.12, lineClamp: 4, color: LIGHT.text };
}

/** The essay's title above a section's, in the muted colour: two lines at most, in the page's `direction`. */
export function layOutContext(text: string, fonts: FontChoice, direction: TextDirection = 'ltr'): Promise<TextBlock> {
  return layOutBlock(text, CONTEXT, fonts, BLEED, direction);
}

/** Where a title's band begins its box: below the context line, if any. */
export function titleTop(context: TextBlock | undefined): number {
  return context ? context.height - BLEED + GAP : BLEED;
}

/** The card's title, in bold, four lines at most, `top` pixels down its band, in the page's `direction`. */
export function layOutTitle(text: string, fonts: FontChoice, top: number, direction: TextDirection = 'ltr'): Promise<TextBlock> {
  return layOutBlock(text, titleStyle(text), fonts, top, direction);
}

/** Between the foot's rule and its text (satori's `paddingTop`, satori-layout.ts). */
const FOOT_GAP = 24;

/**
 * The site's name at the foot, below a rule of `FOOT_RULE` pixels at `BLEED`:
 * drawn once a site, by satori; by this module if it has right-to-left
 * letters, in the direction of its first strong letter, as a page sets it.
 */
export async function layOutFoot(text: string): Promise<TextBlock> {
  if (hasRightToLeft(text)) {
    await startShaping();
    const direction = bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]!.level % 2 ? 'rtl' : 'ltr';
    const block = layOutText(text, FOOT, fontsFor(text), BLEED + FOOT_RULE + FOOT_GAP, direction);
    if (block) return block;
  }
  return layOutWithSatori(text, FOOT, fontsFor(text), FOOT_FRAME);
}

/** The foot's box as satori lays it out: the rule, then the text `FOOT_GAP` below it. */
export const FOOT_FRAME = { width: INNER.width, top: BLEED, bottom: BLEED, rule: { width: FOOT_RULE, colour: LIGHT.rule } };

/** How often a block was laid out by this module, and how often by satori (for the benchmark). */
export const layoutCounts = { own: 0, satori: 0 };

/**
 * A block of text as satori lays it out (a block box of `display: block`
 * with `line-clamp`, in a flex column `INNER.width` wide, `top` pixels down):
 * by this module where it can, which is satori's algorithm for such text
 * (its `buildTextNodes`: line breaks at UAX #14 opportunities, words measured
 * by HarfBuzz, lines wrapped greedily, the last one cut before an ellipsis,
 * words of a line shaped together), for a fraction of satori's cost, with
 * the same glyph coordinates; by satori for text outside what this knows.
 */
async function layOutBlock(text: string, style: BlockStyle, fonts: FontChoice, top: number, direction: TextDirection): Promise<TextBlock> {
  await startShaping();
  const block = layOutText(text, style, fonts, top, direction);
  if (block) {
    layoutCounts.own++;
    return block;
  }
  layoutCounts.satori++;
  return layOutWithSatori(text, style, fonts, { width: INNER.width, top, bottom: BLEED });
}

/**
 * Characters that the card layout leaves to satori: controls and line
 * separators, the bidi marks and controls, and the emoji presentation
 * selector and keycap (satori draws emoji apart). Right-to-left scripts are
 * laid out here, not by satori, which neither orders their words nor places
 * Arabic's marks.
 */
const UNKNOWN: [number, number][] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x2028, 0x202e],
  [0x2066, 0x2069],
  [0x20e3, 0x20e3],
  [0xfe0f, 0xfe0f],
];

const bidi = bidiFactory();

function hasUnknown(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (UNKNOWN.some(([start, end]) => code >= start && code <= end)) return true;
  }
  return false;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Segmented words and graphemes, kept: titles share their words (satori keeps them too). */
const segmented = { graphemes: new Map<string, string[]>(), words: new Map<string, string[]>() };
const SEGMENTS_KEPT = 10_000;

function kept(cache: Map<string, string[]>, text: string, segment: (text: string) => string[]): string[] {
  let result = cache.get(text);
  if (!result) {
    if (cache.size >= SEGMENTS_KEPT) cache.clear();
    cache.set(text, (result = segment(text)));
  }
  return result;
}

/** `text` in graphemes (satori's `segment(text, 'grapheme')`). */
function graphemesOf(text: string): string[] {
  return kept(segmented.graphemes, text, (text) => Array.from(graphemes.segment(text), (s) => s.segment));
}

/** `text` in words, a no-break space joining its neighbours (satori's `segment(text, 'word')`). */
function wordsOf(text: string): string[] {
  return kept(segmented.words, text, segmentWords);
}

function segmentWords(text: string): string[] {
  const segmented = Array.from(words.segment(text), (s) => s.segment);
  const output: string[] = [];
  for (let i = 0; i < segmented.length;) {
    if (segmented[i] === '\u00a0') {
      const before = i === 0 ? '' : output.pop()!;
      const after = i === segmented.length - 1 ? '' : segmented[i + 1]!;
      output.push(`${before}\u00a0${after}`);
      i += 2;
    } else {
      output.push(segmented[i]!);
      i++;
    }
  }
  return output;
}

/** The fonts of one style: satori's font engine, for the faces the text is drawn in. */
class Engine {
  readonly #faces: Face[];
  readonly #style: BlockStyle;
  readonly #resolved = new Map<number, Face>();
  readonly #widths = new Map<string, number>();

  constructor(fonts: FontChoice, style: BlockStyle) {
    this.#faces = fonts.subsets.map((subset) => faceOf(subset, style.fontWeight));
    this.#style = style;
  }

  /** The first face with a glyph for the text's first character; undefined if none has one. */
  resolve(text: string): Face | undefined {
    const code = text.charCodeAt(0);
    let face = this.#resolved.get(code);
    if (!face) {
      face = this.#faces.find((candidate) => candidate.has(text));
      if (face) this.#resolved.set(code, face);
    }
    return face;
  }

  /** Whether every character of a grapheme has a glyph in the face of its first. */
  has(grapheme: string): boolean {
    const face = this.resolve(grapheme);
    return !!face && [...grapheme].every((char) => face.has(char));
  }

  #ascender(face: Face): number {
    return (face.ascender / face.unitsPerEm) * this.#style.fontSize;
  }

  #descender(face: Face): number {
    return (face.descender / face.unitsPerEm) * this.#style.fontSize;
  }

  /** A line's height for text in this face. */
  height(text: string): number {
    const { lineHeight, fontSize } = this.#style;
    if (lineHeight !== 'normal') return fontSize * lineHeight;
    const face = this.resolve(text)!;
    return this.#ascender(face) - this.#descender(face) + (0 / face.unitsPerEm) * fontSize;
  }

  /** From a line's top to its baseline: ascent and descent rounded, half the leading floored, as in Chrome. */
  baseline(text: string): number {
    const face = this.resolve(text)!;
    const ascent = Math.round(this.#ascender(face));
    const descent = Math.round(-this.#descender(face));
    return ascent + Math.floor((this.height(text) - ascent - descent) / 2);
  }

  /** The text in runs of one face each, spaces kept with the run before them where its face has them. */
  runs(text: string): [string, Face][] {
    const result: [string, Face][] = [];
    let run = '';
    let current: Face | undefined;
    for (const grapheme of graphemesOf(text)) {
      const face = /^\s$/.test(grapheme) && current && current.has(grapheme) ? current : this.resolve(grapheme)!;
      if (!current) {
        current = face;
        run = grapheme;
      } else if (face === current) {
        run += grapheme;
      } else {
        result.push([run, current]);
        run = grapheme;
        current = face;
      }
    }
    if (run && current) result.push([run, current]);
    return result;
  }

  /** The advance of the text, shaped run by run. */
  measure(text: string): number {
    let width = this.#widths.get(text);
    if (width === undefined) {
      width = 0;
      for (const [run, face] of this.runs(text)) {
        let advance = 0;
        const glyphs = face.shape(run);
        for (let at = 0; at < glyphs.length; at += GLYPH) advance += glyphs[at + 1]!;
        width += (advance / face.unitsPerEm) * this.#style.fontSize;
      }
      this.#widths.set(text, width);
    }
    return width;
  }

  /** The glyphs of the text with their baseline's left end at (left, top), into `path` (satori's `getSVG`). */
  draw(text: string, left: number, top: number, path: Path): void {
    let cursorX = left;
    for (const [run, face] of this.runs(text)) cursorX = this.#drawRun(face.shape(run), face, cursorX, top, -1, path);
  }

  /**
   * Shaped glyphs from (left, top) rightwards; where they end. HarfBuzz's y
   * offsets point up; satori adds them downwards (`rise` -1), which only
   * marks placed by the font (Arabic's dots and vowels) show.
   */
  #drawRun(glyphs: Int32Array, face: Face, left: number, top: number, rise: 1 | -1, path?: Path): number {
    const scale = this.#style.fontSize / face.unitsPerEm;
    let cursorX = left;
    for (let at = 0; at < glyphs.length; at += GLYPH) {
      const outline = path ? face.outline(glyphs[at]!) : undefined;
      if (path && outline) {
        drawGlyph(
          outline.commands,
          cursorX + glyphs[at + 2]! * scale,
          top - rise * glyphs[at + 3]! * scale,
          this.#style.fontSize / outline.unitsPerEm,
          path,
        );
      }
      cursorX += glyphs[at + 1]! * scale;
    }
    return cursorX;
  }

  /**
   * A line of text in a paragraph of `direction`, by the Unicode bidi
   * algorithm (its embedding `levels`, a number for each UTF-16 unit, from
   * bidi-js): its runs of one embedding level and one face, each
   * shaped in its own direction, put in visual order (rule L2), the line
   * against the paragraph's start edge (the right, right to left) of a box
   * `width` wide, its baseline at `top`.
   */
  drawLine(
    text: string,
    levels: readonly number[],
    direction: TextDirection,
    width: number,
    whole: boolean,
    top: number,
    path: Path,
  ): void {
    const runs: { text: string; face: Face; level: number; glyphs?: Int32Array }[] = [];
    let at = 0;
    for (const grapheme of graphemesOf(text)) {
      const level = levels[at]!;
      at += grapheme.length;
      const current = runs.at(-1);
      const face = /^\s$/.test(grapheme) && current?.face.has(grapheme) ? current.face : this.resolve(grapheme)!;
      if (current && current.face === face && current.level === level) current.text += grapheme;
      else runs.push({ text: grapheme, face, level });
    }
    const highest = Math.max(...runs.map((run) => run.level));
    const lowestOdd = Math.min(...runs.map((run) => run.level)) | 1;
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < runs.length; i++) {
        if (runs[i]!.level < level) continue;
        let end = i;
        while (end + 1 < runs.length && runs[end + 1]!.level >= level) end++;
        runs.splice(i, end - i + 1, ...runs.slice(i, end + 1).reverse());
        i = end;
      }
    }
    let lineWidth = 0;
    for (const run of runs) {
      run.glyphs = run.face.shape(run.text, run.level % 2 ? 'rtl' : 'ltr');
      lineWidth = this.#drawRun(run.glyphs, run.face, lineWidth, 0, 1);
    }
    const start = direction === 'rtl' ? width - lineWidth : 0;
    let cursorX = whole ? Math.round(start) : start;
    for (const run of runs) cursorX = this.#drawRun(run.glyphs!, run.face, cursorX, top, 1, path);
  }
}

/** Rounds to 0.1 px, half away from zero, as satori writes glyph coordinates. */
function round(value: number): number {
  return (value < 0 ? -Math.round(-value * 10) : Math.round(value * 10)) / 10;
}

/** A glyph's outline at (x, y), scaled from font units (satori's `glyphPathData`, without the slant). */
function drawGlyph(
  commands: readonly { type: string; x: number; y: number; x1: number; y1: number }[],
  x: number,
  y: number,
  scale: number,
  path: Path,
): void {
  for (const command of commands) {
    switch (command.type) {
      case 'M':
        path.moveTo(round(x + command.x * scale), round(y - command.y * scale));
        break;
      case 'L':
        path.lineTo(round(x + command.x * scale), round(y - command.y * scale));
        break;
      case 'Q':
        path.quadTo(
          round(x + command.x1 * scale),
          round(y - command.y1 * scale),
          round(x + command.x * scale),
          round(y - command.y * scale),
        );
        break;
      case 'Z':
        path.close();
        break;
      default:
        // Cubic curves: not in TrueType fonts, and not something the rasteriser fills.
        throw new Error(`Card text: a glyph outline has a ${command.type} segment, which cards cannot draw.`);
    }
  }
}

/** Pieces that end a run of pieces shaped together (satori's `wordSeparators`). */
const WORD_SEPARATORS = new Set([0x20, 0xa0, 0x1361, 0x10100, 0x10101, 0x1039, 0x1091, 0xa].map((code) => String.fromCodePoint(code)));

/** A piece of a line: a word or the spaces after it, where the layout put it. */
interface Piece {
  text: string;
  x: number;
  width: number;
  line: number;
  /** Top of its line. */
  y: number;
  /** Where it begins in the text. */
  start: number;
}

/** The text of each of the first `count` lines, in logical order, without the spaces they end with, and where it starts. */
function linesOf(content: string, pieces: Piece[], count: number): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  for (let line = 0; line < count; line++) {
    const start = pieces.find((piece) => piece.line === line)!.start;
    const end = pieces.find((piece) => piece.line > line)?.start ?? content.length;
    lines.push({ text: content.slice(start, end).trimEnd(), start });
  }
  return lines;
}

/**
 * satori's layout of `text` in `style`, `top` pixels down a band as wide as
 * the inner box, or undefined where it needs more than this knows.
 */
export function layOutText(
  text: string,
  style: BlockStyle,
  fonts: FontChoice,
  top: number,
  direction: TextDirection = 'ltr',
): TextBlock | undefined {
  if (hasUnknown(text)) return undefined;
  const engine = new Engine(fonts, style);
  // White space collapsed, as `white-space: normal` (processWhiteSpace).
  const content = text.replace(/([ ]|\t)+/g, ' ').replace(/^[ ]|[ ]$/g, '');
  if (!graphemesOf(content).every((grapheme) => engine.has(grapheme))) return undefined;

  // Words at line break opportunities (splitByBreakOpportunities).
  const breaker = new LineBreaker(content);
  const segments: string[] = [];
  for (let last = 0, bk = breaker.nextBreak(); bk; last = bk.position, bk = breaker.nextBreak()) {
    if (bk.required && bk.position < content.length) return undefined;
    segments.push(content.slice(last, bk.position));
  }

  const width = INNER.width;
  const lineLimit = style.lineClamp ?? Infinity;
  const lineWidths: number[] = [];
  const baselines: number[] = [];
  const pieces: Piece[] = [];
  let lines = 0;
  let height = 0;
  let currentWidth = 0;
  let currentLineHeight = 0;
  let currentBaseline = 0;
  let prevEndingSpaces = 0;
  let offset = 0;
  // The greedy line breaking of satori's `flow()`, for left-aligned text with nothing to justify or break within words.
  for (let i = 0; i < segments.length && lines < lineLimit; i++) {
    const word = segments[i]!;
    const w = engine.measure(word);
    const trimmed = word.trimEnd();
    const endingSpaces = trimmed === word ? 0 : w - engine.measure(trimmed);
    if (w === 0) return undefined;
    const willWrap = i > 0 && currentWidth + w > width + endingSpaces;
    if (willWrap) {
      lineWidths.push(currentWidth - prevEndingSpaces);
      baselines.push(currentBaseline);
      lines++;
      height += currentLineHeight;
      currentWidth = w;
      currentLineHeight = Math.round(engine.height(word));
      currentBaseline = Math.round(engine.baseline(word));
    } else {
      currentWidth += w;
      const glyphHeight = Math.round(engine.height(word));
      if (glyphHeight > currentLineHeight) {
        currentLineHeight = glyphHeight;
        currentBaseline = Math.round(engine.baseline(word));
      }
    }
    let x = currentWidth - w;
    for (const piece of wordsOf(word)) {
      const pieceWidth = engine.measure(piece);
      pieces.push({ text: piece, x, width: pieceWidth, line: lines, y: height, start: offset });
      x += pieceWidth;
      offset += piece.length;
    }
    prevEndingSpaces = endingSpaces;
  }
  if (currentWidth) {
    if (lines < lineLimit) height += currentLineHeight;
    lineWidths.push(currentWidth);
    baselines.push(currentBaseline);
  }

  // The pieces drawn, line by line (the drawing loop of `buildTextNodes`).
  const path = new Path();
  const ellipsis = '\u2026';
  const ellipsisWidth = engine.measure(ellipsis);
  if (ellipsisWidth > width) return undefined;
  const multiline = lineWidths.length > 1;
  if (direction === 'rtl' || hasRightToLeft(content)) {
    // Embedding levels of the whole text (bidi-js), so that a line's neutrals take their neighbours' direction across its ends.
    const { levels } = bidi.getEmbeddingLevels(content, direction);
    const lines = linesOf(content, pieces, Math.min(lineWidths.length, lineLimit));
    const last = lines.at(-1)!;
    if (lineWidths.length > lineLimit || lineWidths[lines.length - 1]! > width) {
      // The last line allowed, cut where the ellipsis fits after it (satori's cut, for text in logical order).
      let kept = '';
      for (const grapheme of graphemesOf(last.text)) {
        if (kept && engine.measure(kept + grapheme) + ellipsisWidth > width) break;
        kept += grapheme;
      }
      last.text = kept + ellipsis;
    }
    lines.forEach((line, i) => {
      const lineLevels = Array.from({ length: line.text.length }, (_, at) => levels[line.start + at] ?? Number(direction === 'rtl'));
      // The ellipsis goes at the line's end, in the paragraph's direction.
      if (line.text.endsWith(ellipsis) && i === lines.length - 1) lineLevels[lineLevels.length - 1] = Number(direction === 'rtl');
      const lineTop = pieces.find((piece) => piece.line === i)!.y;
      engine.drawLine(line.text, lineLevels, direction, width, multiline, top + lineTop + baselines[i]!, path);
    });
    return { path, height: top + height + BLEED, missing: [] };
  }
  let buffer: string | null = null;
  let bufferedLeft = 0;
  let skippedLine = -1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const next = pieces[i + 1];
    if (piece.line === skippedLine) continue;
    let text = piece.text;
    let cut = false;
    // Multi-line text is placed on whole pixels, as satori places it for embedded fonts.
    const left = multiline ? Math.round(piece.x) : piece.x;
    if (lineLimit !== Infinity) {
      const isNotLastLine = piece.line < lineWidths.length - 1;
      const isLastAllowedLine = piece.line + 1 === lineLimit;
      if (isLastAllowedLine && (isNotLastLine || lineWidths[piece.line]! > width)) {
        if (left + piece.width + ellipsisWidth > width || (next && next.line !== piece.line)) {
          // Spaces at the end of the line are not drawn before the ellipsis.
          let subset = '';
          for (const char of graphemesOf(text.replace(/\s+$/, ''))) {
            const w = left + engine.measure(subset + char);
            if ((subset || piece.x > 0) && w + ellipsisWidth > width) break;
            subset += char;
          }
          text = subset + ellipsis;
          skippedLine = piece.line;
          cut = true;
        }
      }
    }
    // Pieces on the same line are shaped together, up to and with the next word separator.
    if (!WORD_SEPARATORS.has(text) && next?.text && next.y === piece.y && !cut) {
      if (buffer === null) bufferedLeft = left;
      buffer = buffer === null ? text : buffer + text;
      continue;
    }
    const segment = buffer === null ? text : buffer + text;
    const x = buffer === null ? left : bufferedLeft;
    engine.draw(segment, x, top + piece.y + baselines[piece.line]!, path);
    buffer = null;
    if (cut) break;
  }
  return { path, height: top + height + BLEED, missing: [] };
}
