import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * The widths a photograph is published at, besides its own when it is
 * narrower: the text column is at most 39.2rem (627 px), so 640 and 1280
 * serve screens of one and two device pixels a CSS pixel, 960 and 1920 those
 * of one and a half and three; 480 a phone's column. Nothing wider is ever
 * fetched, so nothing wider is made.
 */
export const IMAGE_WIDTHS = [480, 640, 960, 1280, 1920] as const;

/**
 * How wide an image beside the essay is shown (src/styles/global.css): the
 * measure, 33 times the text size (1.1875rem from 40em, 1.0625rem below,
 * where the column is the screen less its two 1.25rem gutters), and never
 * wider than the image itself (figures.css).
 */
export function imageSizes(width: number): string {
  const at = (length: string) => (width < 627 ? `min(${width}px, ${length})` : length);
  return `(min-width: 40em) ${at('39.19rem')}, ${width < 561 ? `min(${width}px, 100vw - 2.5rem)` : 'min(35.07rem, 100vw - 2.5rem)'}`;
}

/** Formats Astro's image service makes smaller, at every width; the rest (SVG, GIF) are published as they are. */
const RASTER = new Set(['png', 'jpg', 'jpeg', 'webp', 'avif', 'tiff']);

/**
 * How much of the essay's text may come before a photograph that still loads
 * with the page: about a phone's first screen below the title. In an essay with
 * no sections its opening is the whole essay, and a photograph at its end is
 * not in anyone's first screen.
 */
const FIRST_SCREEN_TEXT = 600;

/**
 * Whether an image hides what is behind it everywhere: it has no alpha channel,
 * or every pixel of it is opaque (sharp reads the whole image only then). Such an
 * image needs no light ground in the dark theme (figures.css), and without one
 * it does not show a light box while it loads.
 */
async function opaque(data: Buffer): Promise<boolean> {
  const { default: sharp } = await import('sharp');
  const image = sharp(data);
  const { hasAlpha, pages = 1 } = await image.metadata();
  if (!hasAlpha) return true;
  // sharp's statistics are of the first frame: an animation's later ones may be seen through.
  return pages === 1 && (await image.stats()).isOpaque;
}

/** What opaque() found for each image's bytes, for the build (and the dev server's renders after an edit). */
const opaqueness = new Map<string, Promise<boolean>>();

function opaqueOnce(data: Buffer): Promise<boolean> {
  const digest = createHash('sha256').update(data).digest('hex');
  let found = opaqueness.get(digest);
  if (found === undefined) {
    found = opaque(data).catch(() => false);
    opaqueness.set(digest, found);
  }
  return found;
}

/**
 * The length of the text before each image, as a phone's screen holds it:
 * not the text of code and formulas (a formula is still its TeX here, before
 * rehype-math), and a Chinese, Japanese or Korean character as two, for it is
 * about twice as wide as a Latin letter.
 */
function textLength(value: string): number {
  return value.length + (value.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0);
}

/**
 * A photograph beside the essay reaches each reader at the size their
 * screen shows it: Astro's image pipeline (which comes after ours) makes it
 * at IMAGE_WIDTHS no wider than the image, and the browser picks one by
 * `sizes`, the column's width. A phone's reader no longer downloads a
 * 4000-pixel photograph whole.
 *
 * An AVIF stays AVIF (Astro's default, WebP, is larger than the AVIF it came
 * from). The first photograph of the essay's opening, before its first section
 * and after no more than a screen of text, is in the first screen, so it is
 * loaded at once; every other image when the reader nears it. An opaque
 * photograph is marked `data-opaque`. Images under public/ are published as they are.
 */
export default function rehypeResponsiveImages() {
  return async (tree: Root, file: VFile) => {
    const local = new Set(file.data.astro?.localImagePaths ?? []);
    if (local.size === 0) return;
    const images: { image: Element; opening: boolean }[] = [];
    let opening = true;
    let before = 0;
    visit(tree, (node) => {
      if (node.type === 'text') before += textLength(node.value);
      if (node.type !== 'element') return undefined;
      if (node.tagName === 'code' || node.tagName === 'pre') return SKIP;
      if (node.tagName === 'h2') opening = false;
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string' || !local.has(decodeURI(node.properties.src))) return undefined;
      images.push({ image: node, opening: opening && before <= FIRST_SCREEN_TEXT });
      return undefined;
    });
    if (images.length === 0) return;
    const { imageMetadata } = await import('astro/assets/utils');
    const photographs = await Promise.all(
      images.map(async ({ image, opening }) => {
        // Found by rehype-check-files, which reports an image it cannot find where it is written.
        const found = (image.data as { file?: string } | undefined)?.file;
        if (found === undefined) return undefined;
        const data = await readFile(found);
        const meta = await imageMetadata(data, String(image.properties.src)).catch(() => undefined);
        if (meta === undefined || !RASTER.has(meta.format)) return undefined;
        if (await opaqueOnce(data)) image.properties['data-opaque'] = ''; // As written: Astro's image pipeline passes its properties' names on as attributes.
        // As shown: Astro's metadata has the sides of an image its camera turned (EXIF orientations 5 to 8) swapped already.
        const { width } = meta;
        const widest = IMAGE_WIDTHS.at(-1)!;
        Object.assign(image.properties, {
          // The fallback `src` is made no wider than the widest width (for a browser that reads no srcset).
          ...(width > widest ? { width: widest } : {}),
          widths: [...IMAGE_WIDTHS.filter((w) => w < width), ...(width <= widest ? [width] : [])],
          sizes: imageSizes(width),
          ...(meta.format === 'avif' ? { format: 'avif' } : {}),
        });
        return opening ? image : undefined;
      }),
    );
    // The opening's first photograph, unless its author said how it loads.
    const first = photographs.find((image) => image !== undefined);
    if (first && first.properties.loading === undefined) first.properties.loading = 'eager';
  };
}
