/**
 * Anti-aliased filling of glyph outlines into coverage masks, ported from
 * tiny-skia 0.10 (`scan/path_aa.rs`, `scan/path.rs`, `edge.rs`,
 * `edge_builder.rs`, `edge_clipper.rs`, `line_clipper.rs`), itself a port of
 * Skia's supersampling scan converter. It is the rasteriser that resvg 0.35
 * (in @resvg/resvg-js 2.6.2) used to draw cards before issue 15: ported
 * operation for operation, in the same f32 and fixed-point arithmetic, it gives
 * the very same coverage, so cards look as they did without a native renderer.
 *
 * Only what card text needs: lines and quadratic curves (the card fonts are
 * TrueType), the non-zero fill rule, and clipping to the band being drawn.
 */

/** This module, whose code is part of what a cached card was drawn by (cache.ts). */
export const RASTER_MODULE = import.meta.url;

const f32 = Math.fround;

/** Verbs of a path, as tiny-skia stores them. */
const MOVE = 0;
const LINE = 1;
const QUAD = 2;
const CLOSE = 3;

/**
 * A path in device pixels, built as tiny-skia's `PathBuilder` builds one: a
 * second move replaces the first, a line after a close starts from the closed
 * contour's start, and points are f32.
 */
export class Path {
  readonly verbs: number[] = [];
  readonly points: number[] = [];
  #lastMove = 0;
  #moveRequired = true;

  moveTo(x: number, y: number): void {
    if (this.verbs.at(-1) === MOVE) {
      this.points[this.points.length - 2] = f32(x);
      this.points[this.points.length - 1] = f32(y);
      return;
    }
    this.#lastMove = this.points.length;
    this.#moveRequired = false;
    this.verbs.push(MOVE);
    this.points.push(f32(x), f32(y));
  }

  lineTo(x: number, y: number): void {
    this.#injectMove();
    this.verbs.push(LINE);
    this.points.push(f32(x), f32(y));
  }

  quadTo(x1: number, y1: number, x: number, y: number): void {
    this.#injectMove();
    this.verbs.push(QUAD);
    this.points.push(f32(x1), f32(y1), f32(x), f32(y));
  }

  close(): void {
    if (this.verbs.length > 0 && this.verbs.at(-1) !== CLOSE) this.verbs.push(CLOSE);
    this.#moveRequired = true;
  }

  /** The smallest box holding every point, as tiny-skia bounds a path. */
  bounds(): { left: number; top: number; right: number; bottom: number } {
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    const { points } = this;
    for (let i = 0; i < points.length; i += 2) {
      const x = points[i]!;
      const y = points[i + 1]!;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
    return { left, top, right, bottom };
  }

  #injectMove(): void {
    if (!this.#moveRequired) return;
    if (this.points.length > this.#lastMove) this.moveTo(this.points[this.#lastMove]!, this.points[this.#lastMove + 1]!);
    else this.moveTo(0, 0);
  }
}

/** A coverage mask: one byte per pixel, 0 (none) to 255 (covered). */
export interface Mask {
  coverage: Uint8Array;
  width: number;
  height: number;
  /**
   * For each row, the first pixel filled and the one after the last (two
   * numbers a row), widened by each fill: rows never filled keep what they
   * had, `[width, 0]` for an empty row.
   */
  spans: Int32Array;
}

/** A mask of `width`×`height` with nothing filled. */
export function emptyMask(width: number, height: number): Mask {
  const spans = new Int32Array(height * 2);
  for (let y = 0; y < height; y++) spans[y * 2] = width;
  return { coverage: new Uint8Array(width * height), width, height, spans };
}

/** The rows a fill touched, `top` to `bottom` exclusive; empty when `top >= bottom`. */
export interface Rows {
  top: number;
  bottom: number;
}

const SHIFT = 2;
const SCALE = 1 << SHIFT;
const MASK = SCALE - 1;

/**
 * Fills `path` (non-zero rule, anti-aliased) into `mask`, whose pixels must be
 * 0 where the path may fall: as tiny-skia accumulates a row's coverage before
 * blending it. Returns the rows written.
 */
export function fillPath(path: Path, mask: Mask): Rows {
  const none = { top: 0, bottom: 0 };
  // PathBuilder::finish: nothing, or a lone move, is no path.
  if (path.verbs.length < 2) return none;
  const { left, top, right, bottom } = path.bounds();
  // resvg skips paths with no area; tiny-skia paths that are nearly so.
  if (right - left <= 1 / 4096 || bottom - top <= 1 / 4096) return none;
  // path_aa::fill_path: the bounds rounded out, then met with the clip (the whole mask).
  const irLeft = Math.floor(left);
  const irTop = Math.floor(top);
  const irRight = irLeft + Math.max(1, Math.ceil(Math.ceil(right) - irLeft));
  const irBottom = irTop + Math.max(1, Math.ceil(Math.ceil(bottom) - irTop));
  const sectLeft = Math.max(irLeft, 0);
  const sectTop = Math.max(irTop, 0);
  const sectRight = Math.min(irRight, mask.width);
  const sectBottom = Math.min(irBottom, mask.height);
  if (sectRight <= sectLeft || sectBottom <= sectTop) return none;
  const contained = irLeft >= 0 && irTop >= 0 && irRight <= mask.width && irBottom <= mask.height;

  const edges = contained ? buildEdges(path) : buildClippedEdges(path, mask.width, mask.height);
  if (edges.length < 2) return none;

  let startY = irTop << SHIFT;
  let stopY = irBottom << SHIFT;
  if (!contained) {
    startY = Math.max(startY, 0);
    stopY = Math.min(stopY, mask.height << SHIFT);
  }
  if (startY < 0 || stopY < 0) return none;
  const blitter = new SuperBlitter(mask, sectLeft);
  walkEdges(edges, startY, stopY, mask.width << SHIFT, blitter);
  return blitter.rows;
}

/**
 * An edge of the path, stepped one supersampled row at a time (`LineEdge`,
 * `QuadraticEdge`): x in 16.16 fixed point, rows `firstY` to `lastY`.
 * Quadratics are walked as a chain of lines by forward differencing.
 */
class Edge {
  prev = 0;
  next = 0;
  x = 0;
  dx = 0;
  firstY = 0;
  lastY = 0;
  winding = 1;
  /** Lines left in a quadratic's chain; 0 for a line. */
  curveCount = 0;
  curveShift = 0;
  qx = 0;
  qy = 0;
  qdx = 0;
  qdy = 0;
  qddx = 0;
  qddy = 0;
  qLastX = 0;
  qLastY = 0;
  isQuad = false;

  /** LineEdge::update, from 16.16 end points. */
  setLine(x0: number, y0: number, x1: number, y1: number): boolean {
    y0 >>= 10;
    y1 >>= 10;
    const top = (y0 + 32) >> 6;
    const bottom = (y1 + 32) >> 6;
    if (top === bottom) return false;
    x0 >>= 10;
    x1 >>= 10;
    const slope = fdot6Div(x1 - x0, y1 - y0);
    const dy = computeDy(top, y0);
    this.x = (x0 + fdot16Mul(slope, dy)) << 10;
    this.dx = slope;
    this.firstY = top;
    this.lastY = bottom - 1;
    return true;
  }

  /** QuadraticEdge::update: the next line of the chain that spans a row. */
  updateQuad(): boolean {
    let success: boolean;
    let count = this.curveCount;
    let oldx = this.qx;
    let oldy = this.qy;
    let dx = this.qdx;
    let dy = this.qdy;
    let newx: number;
    let newy: number;
    const shift = this.curveShift;
    for (;;) {
      count--;
      if (count > 0) {
        newx = (oldx + (dx >> shift)) | 0;
        dx = (dx + this.qddx) | 0;
        newy = (oldy + (dy >> shift)) | 0;
        dy = (dy + this.qddy) | 0;
      } else {
        newx = this.qLastX;
        newy = this.qLastY;
      }
      success = this.setLine(oldx, oldy, newx, newy);
      oldx = newx;
      oldy = newy;
      if (count === 0 || success) break;
    }
    this.qx = newx;
    this.qy = newy;
    this.qdx = dx;
    this.qdy = dy;
    this.curveCount = count;
    return success;
  }
}

/** fdot6::div: a 26.6 quotient as 16.16. */
function fdot6Div(a: number, b: number): number {
  // Both branches are (a << 16) / b rounded toward zero; the second clamps to i32.
  const q = Math.trunc((a * 65536) / b);
  return q > 2147483647 ? 2147483647 : q < -2147483648 ? -2147483648 : q;
}

/** fdot16::mul: ((a as i64 * b as i64) >> 16) as i32. */
function fdot16Mul(a: number, b: number): number {
  const product = a * b;
  if (Math.abs(product) <= Number.MAX_SAFE_INTEGER) return Math.floor(product / 65536) | 0;
  return Number(BigInt.asIntN(32, (BigInt(a) * BigInt(b)) >> 16n));
}

/** Favours the lower pixel when y0 is on a half-pixel boundary. */
function computeDy(top: number, y0: number): number {
  return (top << 6) + 32 - y0;
}

/**
 * A segment's points in pixels as the fixed point its edge is built from
 * (FDot6, with the supersampling shift), first and last swapped if need be so
 * that y grows, with the winding that undoes; undefined when it spans no row
 * (the start LineEdge::new and QuadraticEdge::new share).
 */
function downward(points: number[]): { p: number[]; winding: number } | undefined {
  const scale = 1 << (SHIFT + 6);
  const p = points.map((v) => toI32(v * scale));
  const last = p.length - 2;
  let winding = 1;
  if (p[1]! > p[last + 1]!) {
    [p[0], p[last]] = [p[last]!, p[0]!];
    [p[1], p[last + 1]] = [p[last + 1]!, p[1]!];
    winding = -1;
  }
  return (p[1]! + 32) >> 6 === (p[last + 1]! + 32) >> 6 ? undefined : { p, winding };
}

/** LineEdge::new, from points in pixels, with the supersampling shift: its update from the end points in 16.16. */
function lineEdge(x0: number, y0: number, x1: number, y1: number): Edge | undefined {
  const down = downward([x0, y0, x1, y1]);
  if (!down) return undefined;
  const edge = new Edge();
  edge.setLine(down.p[0]! << 10, down.p[1]! << 10, down.p[2]! << 10, down.p[3]! << 10);
  edge.winding = down.winding;
  return edge;
}

/** QuadraticEdge::new, from points in pixels, monotonic in y. */
function quadEdge(points: number[], at: number): Edge | undefined {
  const down = downward(points.slice(at, at + 6));
  if (!down) return undefined;
  const { winding } = down;
  const [x0, y0, x1, y1, x2, y2] = down.p as [number, number, number, number, number, number];
  // How many lines approximate the curve (1 << shift).
  const ddx = ((x1 << 1) - x0 - x2) >> 2;
  const ddy = ((y1 << 1) - y0 - y2) >> 2;
  let shift = diffToShift(ddx, ddy, SHIFT);
  if (shift === 0) shift = 1;
  else if (shift > 6) shift = 6;
  const edge = new Edge();
  edge.isQuad = true;
  edge.winding = winding;
  edge.curveCount = 1 << shift;
  edge.curveShift = shift - 1;
  // A and B at half their value, against overflow, as tiny-skia does.
  let a = (x0 - x1 - x1 + x2) << 9;
  let b = (x1 - x0) << 10;
  edge.qx = x0 << 10;
  edge.qdx = (b + (a >> shift)) | 0;
  edge.qddx = a >> (shift - 1);
  a = (y0 - y1 - y1 + y2) << 9;
  b = (y1 - y0) << 10;
  edge.qy = y0 << 10;
  edge.qdy = (b + (a >> shift)) | 0;
  edge.qddy = a >> (shift - 1);
  edge.qLastX = x2 << 10;
  edge.qLastY = y2 << 10;
  return edge.updateQuad() ? edge : undefined;
}

function diffToShift(dx: number, dy: number, shiftAA: number): number {
  dx = Math.abs(dx);
  dy = Math.abs(dy);
  let dist = dx > dy ? dx + (dy >> 1) : dy + (dx >> 1);
  dist = (dist + (1 << 4)) >> (3 + shiftAA);
  return (32 - Math.clz32(dist)) >> 1;
}

/** `as i32` of an f32: toward zero, saturating. */
function toI32(value: number): number {
  if (Number.isNaN(value)) return 0;
  if (value >= 2147483647) return 2147483647;
  if (value <= -2147483648) return -2147483648;
  return Math.trunc(value);
}

/** A list of edges being built, with tiny-skia's merging of vertical lines. */
class EdgeList {
  readonly edges: Edge[] = [];

  line(x0: number, y0: number, x1: number, y1: number): void {
    const edge = lineEdge(x0, y0, x1, y1);
    if (!edge) return;
    const last = this.edges.at(-1);
    if (edge.dx === 0 && last && !last.isQuad) {
      const combine = combineVertical(edge, last);
      if (combine === 'total') this.edges.pop();
      if (combine !== 'no') return;
    }
    this.edges.push(edge);
  }

  quad(points: number[], at: number): void {
    const edge = quadEdge(points, at);
    if (edge) this.edges.push(edge);
  }
}

function combineVertical(edge: Edge, last: Edge): 'no' | 'partial' | 'total' {
  if (last.dx !== 0 || edge.x !== last.x) return 'no';
  if (edge.winding === last.winding) {
    if (edge.lastY + 1 === last.firstY) {
      last.firstY = edge.firstY;
      return 'partial';
    }
    if (edge.firstY === last.lastY + 1) {
      last.lastY = edge.lastY;
      return 'partial';
    }
    return 'no';
  }
  if (edge.firstY === last.firstY) {
    if (edge.lastY === last.lastY) return 'total';
    if (edge.lastY < last.lastY) {
      last.firstY = edge.lastY + 1;
      return 'partial';
    }
    last.firstY = last.lastY + 1;
    last.lastY = edge.lastY;
    last.winding = edge.winding;
    return 'partial';
  }
  if (edge.lastY === last.lastY) {
    if (edge.firstY > last.firstY) {
      last.lastY = edge.firstY - 1;
    } else {
      last.lastY = last.firstY - 1;
      last.firstY = edge.firstY;
      last.winding = edge.winding;
    }
    return 'partial';
  }
  return 'no';
}

/**
 * The path's segments, each contour closed (PathEdgeIter): `line(x0, y0, x1,
 * y1)` and `quad(points, at)` with the three points at `at`.
 */
function eachSegment(
  path: Path,
  line: (x0: number, y0: number, x1: number, y1: number) => void,
  quad: (points: number[], at: number) => void,
): void {
  const { verbs, points } = path;
  let at = 0;
  let moveX = 0;
  let moveY = 0;
  let needsClose = false;
  const closeLine = () => {
    needsClose = false;
    line(points[at - 2]!, points[at - 1]!, moveX, moveY);
  };
  for (const verb of verbs) {
    if (verb === MOVE) {
      if (needsClose) closeLine();
      moveX = points[at]!;
      moveY = points[at + 1]!;
      at += 2;
    } else if (verb === CLOSE) {
      if (needsClose) closeLine();
    } else if (verb === LINE) {
      needsClose = true;
      line(points[at - 2]!, points[at - 1]!, points[at]!, points[at + 1]!);
      at += 2;
    } else {
      needsClose = true;
      quad(points, at - 2);
      at += 4;
    }
  }
  if (needsClose) closeLine();
}

/** BasicEdgeBuilder::build without a clip: quadratics cut where they turn in y. */
function buildEdges(path: Path): Edge[] {
  const list = new EdgeList();
  const mono = new Array<number>(10);
  eachSegment(
    path,
    (x0, y0, x1, y1) => list.line(x0, y0, x1, y1),
    (points, at) => {
      const quads = chopQuadAtYExtrema(points, at, mono);
      for (let i = 0; i <= quads; i++) list.quad(mono, i * 4);
    },
  );
  return list.edges;
}

/**
 * chop_quad_at_y_extrema: one quadratic (0) or two (1) into `dst`, each
 * monotonic in y.
 */
function chopQuadAtYExtrema(src: number[], at: number, dst: number[]): number {
  return chopQuadAtExtrema(src, at, dst, 1);
}

function chopQuadAtXExtrema(src: number[], at: number, dst: number[]): number {
  return chopQuadAtExtrema(src, at, dst, 0);
}

/** The shared body of chop_quad_at_{x,y}_extrema; `axis` is 0 for x, 1 for y. */
function chopQuadAtExtrema(src: number[], at: number, dst: number[], axis: 0 | 1): number {
  const a = src[at + axis]!;
  let b = src[at + 2 + axis]!;
  const c = src[at + 4 + axis]!;
  if (isNotMonotonic(a, b, c)) {
    const t = validUnitDivide(f32(a - b), f32(f32(f32(a - b) - b) + c));
    if (t !== undefined) {
      chopQuadAt(src, at, t, dst);
      // Flatten the double extremum.
      dst[2 + axis] = dst[4 + axis]!;
      dst[6 + axis] = dst[4 + axis]!;
      return 1;
    }
    b = Math.abs(f32(a - b)) < Math.abs(f32(b - c)) ? a : c;
  }
  for (let i = 0; i < 6; i++) dst[i] = src[at + i]!;
  dst[2 + axis] = b;
  return 0;
}

function isNotMonotonic(a: number, b: number, c: number): boolean {
  const ab = f32(a - b);
  let bc = f32(b - c);
  if (ab < 0) bc = -bc;
  return ab === 0 || bc < 0;
}

/** numer / denom if strictly between 0 and 1. */
function validUnitDivide(numer: number, denom: number): number | undefined {
  if (numer < 0) {
    numer = -numer;
    denom = -denom;
  }
  if (denom === 0 || numer === 0 || numer >= denom) return undefined;
  const r = f32(numer / denom);
  return r > 0 && r < 1 ? r : undefined;
}

/** chop_quad_at: the quadratic at `at` split at t into five points. */
function chopQuadAt(src: number[], at: number, t: number, dst: number[]): void {
  for (let axis = 0; axis < 2; axis++) {
    const p0 = src[at + axis]!;
    const p1 = src[at + 2 + axis]!;
    const p2 = src[at + 4 + axis]!;
    const p01 = interp(p0, p1, t);
    const p12 = interp(p1, p2, t);
    dst[axis] = p0;
    dst[2 + axis] = p01;
    dst[4 + axis] = interp(p01, p12, t);
    dst[6 + axis] = p12;
    dst[8 + axis] = p2;
  }
}

function interp(v0: number, v1: number, t: number): number {
  return f32(v0 + f32(f32(v1 - v0) * t));
}

/**
 * BasicEdgeBuilder::build with a clip (EdgeClipperIter): segments cut to the
 * mask, the parts left or right of it replaced by vertical lines on its sides.
 */
function buildClippedEdges(path: Path, width: number, height: number): Edge[] {
  const list = new EdgeList();
  const clip = { left: 0, top: 0, right: f32(width), bottom: f32(height) };
  eachSegment(
    path,
    (x0, y0, x1, y1) => clipLine(x0, y0, x1, y1, clip, list),
    (points, at) => clipQuad(points, at, clip, list),
  );
  return list.edges;
}

interface Clip {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** line_clipper::clip, then EdgeClipper::clip_line's lines. */
function clipLine(x0: number, y0: number, x1: number, y1: number, clip: Clip, list: EdgeList): void {
  const src = [x0, y0, x1, y1];
  let [i0, i1] = y0 < y1 ? [0, 1] : [1, 0];
  if (src[i1 * 2 + 1]! <= clip.top) return;
  if (src[i0 * 2 + 1]! >= clip.bottom) return;
  const tmp = src.slice();
  if (src[i0 * 2 + 1]! < clip.top) {
    tmp[i0 * 2] = sectWithHorizontal(src, clip.top);
    tmp[i0 * 2 + 1] = clip.top;
  }
  if (tmp[i1 * 2 + 1]! > clip.bottom) {
    tmp[i1 * 2] = sectWithHorizontal(src, clip.bottom);
    tmp[i1 * 2 + 1] = clip.bottom;
  }
  let reverse: boolean;
  if (src[0]! < src[2]!) {
    [i0, i1] = [0, 1];
    reverse = false;
  } else {
    [i0, i1] = [1, 0];
    reverse = true;
  }
  let result: number[];
  let lineCount = 1;
  if (tmp[i1 * 2]! <= clip.left) {
    tmp[0] = clip.left;
    tmp[2] = clip.left;
    reverse = false;
    result = tmp;
  } else if (tmp[i0 * 2]! >= clip.right) {
    tmp[0] = clip.right;
    tmp[2] = clip.right;
    reverse = false;
    result = tmp;
  } else {
    result = [];
    if (tmp[i0 * 2]! < clip.left) {
      result.push(clip.left, tmp[i0 * 2 + 1]!, clip.left, sectClampWithVertical(tmp, clip.left));
    } else {
      result.push(tmp[i0 * 2]!, tmp[i0 * 2 + 1]!);
    }
    if (tmp[i1 * 2]! > clip.right) {
      result.push(clip.right, sectClampWithVertical(tmp, clip.right), clip.right, tmp[i1 * 2 + 1]!);
    } else {
      result.push(tmp[i1 * 2]!, tmp[i1 * 2 + 1]!);
    }
    lineCount = result.length / 2 - 1;
  }
  const points: number[] = [];
  if (reverse) {
    for (let i = lineCount; i >= 0; i--) points.push(result[i * 2]!, result[i * 2 + 1]!);
  } else {
    for (let i = 0; i <= lineCount; i++) points.push(result[i * 2]!, result[i * 2 + 1]!);
  }
  for (let i = 0; i < lineCount; i++) list.line(points[i * 2]!, points[i * 2 + 1]!, points[i * 2 + 2]!, points[i * 2 + 3]!);
}

function sectWithHorizontal(src: number[], y: number): number {
  const dy = f32(src[3]! - src[1]!);
  if (Math.abs(dy) <= 1 / 4096) return f32(f32(src[0]! + src[2]!) * 0.5);
  const [x0, y0, x1, y1] = src as [number, number, number, number];
  const result = x0 + ((y - y0) * (x1 - x0)) / (y1 - y0);
  return f32(pin(result, x0, x1));
}

function sectClampWithVertical(src: number[], x: number): number {
  const dx = f32(src[2]! - src[0]!);
  let y: number;
  if (Math.abs(dx) <= 1 / 4096) {
    y = f32(f32(src[1]! + src[3]!) * 0.5);
  } else {
    const [x0, y0, x1, y1] = src as [number, number, number, number];
    y = f32(y0 + ((x - x0) * (y1 - y0)) / (x1 - x0));
  }
  return pin(y, src[1]!, src[3]!);
}

function pin(value: number, limit0: number, limit1: number): number {
  if (limit1 < limit0) [limit0, limit1] = [limit1, limit0];
  return value < limit0 ? limit0 : value > limit1 ? limit1 : value;
}

/** EdgeClipper::clip_quad: monotonic pieces, each cut to the clip. */
function clipQuad(points: number[], at: number, clip: Clip, list: EdgeList): void {
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 1; i < 6; i += 2) {
    top = Math.min(top, points[at + i]!);
    bottom = Math.max(bottom, points[at + i]!);
  }
  if (top >= clip.bottom || bottom <= clip.top) return;
  const monoY = new Array<number>(10);
  const monoX = new Array<number>(10);
  const countY = chopQuadAtYExtrema(points, at, monoY);
  for (let y = 0; y <= countY; y++) {
    const countX = chopQuadAtXExtrema(monoY, y * 4, monoX);
    for (let x = 0; x <= countX; x++) clipMonoQuad(monoX.slice(x * 4, x * 4 + 6), clip, list);
  }
}

function clipMonoQuad(src: number[], clip: Clip, list: EdgeList): void {
  let pts: number[];
  let reverse: boolean;
  if (src[1]! > src[5]!) {
    pts = [src[4]!, src[5]!, src[2]!, src[3]!, src[0]!, src[1]!];
    reverse = true;
  } else {
    pts = src.slice();
    reverse = false;
  }
  if (pts[5]! <= clip.top || pts[1]! >= clip.bottom) return;
  chopQuadInY(clip, pts);
  if (pts[0]! > pts[4]!) {
    [pts[0], pts[4]] = [pts[4]!, pts[0]!];
    [pts[1], pts[5]] = [pts[5]!, pts[1]!];
    reverse = !reverse;
  }
  const vline = (x: number, y0: number, y1: number) => (reverse ? list.line(x, y1, x, y0) : list.line(x, y0, x, y1));
  const push = (q: number[]) => (reverse ? list.quad([q[4]!, q[5]!, q[2]!, q[3]!, q[0]!, q[1]!], 0) : list.quad(q, 0));
  if (pts[4]! <= clip.left) return vline(clip.left, pts[1]!, pts[5]!);
  if (pts[0]! >= clip.right) return vline(clip.right, pts[1]!, pts[5]!);
  const tmp = new Array<number>(10);
  if (pts[0]! < clip.left) {
    if (!chopAtBound(pts, 0, clip.left, 'after', tmp)) return vline(clip.left, pts[1]!, pts[5]!);
    vline(clip.left, tmp[1]!, tmp[5]!);
    pts.splice(0, 4, ...tmp.slice(4, 8));
  }
  if (pts[4]! > clip.right) {
    if (chopAtBound(pts, 0, clip.right, 'before', tmp)) {
      push(tmp.slice(0, 6));
      vline(clip.right, tmp[5]!, tmp[9]!);
    } else {
      pts[2] = Math.min(pts[2]!, clip.right);
      pts[4] = Math.min(pts[4]!, clip.right);
      push(pts);
    }
  } else {
    push(pts);
  }
}

function chopQuadInY(clip: Clip, pts: number[]): void {
  const tmp = new Array<number>(10);
  if (pts[1]! < clip.top) {
    if (chopAtBound(pts, 1, clip.top, 'after', tmp)) {
      pts.splice(0, 4, ...tmp.slice(4, 8));
    } else {
      for (let i = 1; i < 6; i += 2) if (pts[i]! < clip.top) pts[i] = clip.top;
    }
  }
  if (pts[5]! > clip.bottom) {
    if (chopAtBound(pts, 1, clip.bottom, 'before', tmp)) {
      pts.splice(2, 4, ...tmp.slice(2, 6));
    } else {
      for (let i = 1; i < 6; i += 2) if (pts[i]! > clip.bottom) pts[i] = clip.bottom;
    }
  }
}

/**
 * Chops a quadratic monotonic on an axis (0: x, 1: y) where it reaches a
 * bound, into `tmp` (two quadratics sharing their middle point), the shared
 * point set on the bound and the control point of the part to keep (the one
 * after a lower bound, before an upper bound) not past it; false when the
 * curve never reaches it. The curve grows along the axis.
 */
function chopAtBound(pts: number[], axis: 0 | 1, bound: number, keep: 'after' | 'before', tmp: number[]): boolean {
  const t = chopMonoQuadAt(pts[axis]!, pts[2 + axis]!, pts[4 + axis]!, bound);
  if (t === undefined) return false;
  chopQuadAt(pts, 0, t, tmp);
  tmp[4 + axis] = bound;
  if (keep === 'after') tmp[6 + axis] = Math.max(tmp[6 + axis]!, bound);
  else tmp[2 + axis] = Math.min(tmp[2 + axis]!, bound);
  return true;
}

/** The first t in (0, 1) where a monotonic quadratic reaches `target`. */
function chopMonoQuadAt(c0: number, c1: number, c2: number, target: number): number | undefined {
  const a = f32(f32(f32(c0 - c1) - c1) + c2);
  const b = f32(2 * f32(c1 - c0));
  const c = f32(c0 - target);
  return findUnitQuadRoot(a, b, c);
}

/** find_unit_quad_roots, the first root only. */
function findUnitQuadRoot(a: number, b: number, c: number): number | undefined {
  if (a === 0) return validUnitDivide(-c, b);
  let dr = b * b - 4 * a * c;
  if (dr < 0) return undefined;
  dr = Math.sqrt(dr);
  const r = f32(dr);
  if (!Number.isFinite(r)) return undefined;
  const q = b < 0 ? f32(-f32(b - r) / 2) : f32(-f32(b + r) / 2);
  const roots: number[] = [];
  const r0 = validUnitDivide(q, a);
  if (r0 !== undefined) roots.push(r0);
  const r1 = validUnitDivide(c, q);
  if (r1 !== undefined) roots.push(r1);
  if (roots.length === 2 && roots[0]! > roots[1]!) return roots[1];
  return roots[0];
}

/**
 * SuperBlitter with AlphaRuns: supersampled spans summed into each pixel's
 * coverage, as AlphaRuns::add does (the same additions, in the same order, so
 * the same rounding and clamping), written straight into the mask.
 */
class SuperBlitter {
  readonly #coverage: Uint8Array;
  readonly #spans: Int32Array;
  readonly #stride: number;
  readonly #superLeft: number;
  readonly rows: Rows = { top: 0, bottom: 0 };

  constructor(mask: Mask, left: number) {
    this.#coverage = mask.coverage;
    this.#spans = mask.spans;
    this.#stride = mask.width;
    this.#superLeft = left << SHIFT;
  }

  /** A span of supersampled row `y`, from `x` for `width`, in supersampled units. */
  blitH(x: number, y: number, width: number): void {
    // tiny-skia's "hack" for spans that start left of the bounds, kept as it is.
    let relX = x - this.#superLeft;
    if (relX < 0) {
      width = x + width;
      relX = 0;
    }
    const iy = y >> SHIFT;
    if (this.rows.bottom === this.rows.top) {
      this.rows.top = iy;
    }
    this.rows.bottom = iy + 1;
    const start = relX;
    const stop = relX + width;
    let fb = start & MASK;
    let fe = stop & MASK;
    let n = (stop >> SHIFT) - (start >> SHIFT) - 1;
    if (n < 0) {
      fb = fe - fb;
      n = 0;
      fe = 0;
    } else if (fb === 0) {
      n += 1;
    } else {
      fb = SCALE - fb;
    }
    const maxValue = (1 << (8 - SHIFT)) - (((y & MASK) + 1) >> SHIFT);
    const coverage = this.#coverage;
    const rowStart = iy * this.#stride;
    const first = (this.#superLeft >> SHIFT) + (relX >> SHIFT);
    let at = rowStart + first;
    if (fb !== 0) {
      const sum = coverage[at]! + (fb << (8 - 2 * SHIFT));
      coverage[at] = sum - (sum >> 8);
      at++;
    }
    for (; n > 0; n--, at++) {
      const sum = coverage[at]! + maxValue;
      coverage[at] = sum - (sum >> 8);
    }
    if (fe !== 0) {
      coverage[at] = coverage[at]! + (fe << (8 - 2 * SHIFT));
      at++;
    }
    const spans = this.#spans;
    if (first < spans[iy * 2]!) spans[iy * 2] = first;
    if (at - rowStart > spans[iy * 2 + 1]!) spans[iy * 2 + 1] = at - rowStart;
  }
}

/** walk_edges, non-zero rule: spans between edges, row by supersampled row. */
function walkEdges(list: Edge[], startY: number, stopY: number, rightClip: number, blitter: SuperBlitter): void {
  // Sorted by first row, then x (a stable sort, as Rust's sort_by).
  list.sort((a, b) => a.firstY - b.firstY || a.x - b.x);
  const head = new Edge();
  head.x = -2147483648;
  head.firstY = -2147483648;
  const tail = new Edge();
  tail.firstY = 2147483647;
  const edges = [head, ...list, tail];
  for (let i = 1; i < edges.length - 1; i++) {
    edges[i]!.prev = i - 1;
    edges[i]!.next = i + 1;
  }
  head.next = 1;
  tail.prev = edges.length - 2;

  let currY = startY;
  for (;;) {
    let w = 0;
    let left = 0;
    let prevX = edges[0]!.x;
    let currIdx = edges[0]!.next;
    while (edges[currIdx]!.firstY <= currY) {
      const edge = edges[currIdx]!;
      const x = (edge.x + 0x8000) >> 16;
      if (w === 0) left = x;
      w += edge.winding;
      if (w === 0 && x - left > 0) blitter.blitH(left, currY, x - left);
      const nextIdx = edge.next;
      if (edge.lastY === currY) {
        if (edge.isQuad && edge.curveCount > 0 && edge.updateQuad()) {
          const newX = edge.x;
          if (newX < prevX) backwardInsertEdgeBasedOnX(currIdx, edges);
          else prevX = newX;
        } else {
          removeEdge(currIdx, edges);
        }
      } else {
        const newX = (edge.x + edge.dx) | 0;
        edge.x = newX;
        if (newX < prevX) backwardInsertEdgeBasedOnX(currIdx, edges);
        else prevX = newX;
      }
      currIdx = nextIdx;
    }
    if (w !== 0 && rightClip - left > 0) blitter.blitH(left, currY, rightClip - left);
    currY++;
    if (currY >= stopY) break;
    insertNewEdges(currIdx, currY, edges);
  }
}

function removeEdge(idx: number, edges: Edge[]): void {
  const { prev, next } = edges[idx]!;
  edges[prev]!.next = next;
  edges[next]!.prev = prev;
}

function insertEdgeAfter(idx: number, after: number, edges: Edge[]): void {
  const edge = edges[idx]!;
  edge.prev = after;
  edge.next = edges[after]!.next;
  edges[edges[after]!.next]!.prev = idx;
  edges[after]!.next = idx;
}

function backwardInsertEdgeBasedOnX(idx: number, edges: Edge[]): void {
  const x = edges[idx]!.x;
  let prevIdx = edges[idx]!.prev;
  while (prevIdx !== 0) {
    if (edges[prevIdx]!.x > x) prevIdx = edges[prevIdx]!.prev;
    else break;
  }
  if (edges[prevIdx]!.next !== idx) {
    removeEdge(idx, edges);
    insertEdgeAfter(idx, prevIdx, edges);
  }
}

function backwardInsertStart(prevIdx: number, x: number, edges: Edge[]): number {
  // The head's prev is "none": stop there.
  while (prevIdx !== 0) {
    prevIdx = edges[prevIdx]!.prev;
    if (edges[prevIdx]!.x <= x) break;
  }
  return prevIdx;
}

function insertNewEdges(newIdx: number, currY: number, edges: Edge[]): void {
  if (edges[newIdx]!.firstY !== currY) return;
  const prevIdx = edges[newIdx]!.prev;
  if (edges[prevIdx]!.x <= edges[newIdx]!.x) return;
  let startIdx = backwardInsertStart(prevIdx, edges[newIdx]!.x, edges);
  for (;;) {
    const nextIdx = edges[newIdx]!.next;
    let keep = false;
    for (;;) {
      const afterIdx = edges[startIdx]!.next;
      if (afterIdx === newIdx) {
        keep = true;
        break;
      }
      if (edges[afterIdx]!.x >= edges[newIdx]!.x) break;
      startIdx = afterIdx;
    }
    if (!keep) {
      removeEdge(newIdx, edges);
      insertEdgeAfter(newIdx, startIdx, edges);
    }
    startIdx = newIdx;
    newIdx = nextIdx;
    if (edges[newIdx]!.firstY !== currY) break;
  }
}

/**
 * One channel of a solid colour laid over `dst` at `coverage` (0–255), as
 * tiny-skia's low-precision pipeline does it (lerp_1_float, div255): full
 * coverage stores the colour itself.
 */
export function blend(dst: number, src: number, coverage: number): number {
  // The pipeline takes coverage through f32 (alpha / 255, then × 255 + 0.5,
  // truncated), which gives back every alpha unchanged.
  if (coverage === 255) return src;
  return (dst * (255 - coverage) + src * coverage + 255) >> 8;
}
