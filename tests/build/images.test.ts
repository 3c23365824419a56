import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_WIDTHS, imageSizes } from '../../src/plugins/rehype-responsive-images.ts';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { readPage } from '../support/html.ts';
import { fixtures } from '../support/paths.ts';

/**
 * tests/fixtures/sites/photos: a 2400-pixel PNG photograph at the essay's
 * opening, a 1000-pixel AVIF in its first section, a 300-pixel picture in
 * a paragraph (a stamp drawn on a transparent ground) and a JPEG stored on
 * its side (EXIF orientation 6); tests/fixtures/sites/photos-unsectioned, an
 * essay with no sections whose one photograph comes after three paragraphs.
 * What the build publishes for each.
 */
let site: string;
let page: Document;

beforeAll(() => {
  site = makeFixtureSite('photos', {
    photos: path.join(fixtures, 'sites/photos'),
    'photos-unsectioned': path.join(fixtures, 'sites/photos-unsectioned'),
  });
  const { status, output } = buildSite(site);
  expect(status, output).toBe(0);
  page = readPage(path.join(site, 'dist/essays/photos/index.html'));
}, 180_000);

/** An image's candidates, each as its published file's width and its descriptor's, and the file's format. */
async function candidates(img: Element) {
  return Promise.all(
    img
      .getAttribute('srcset')!
      .split(', ')
      .map(async (candidate) => {
        const [url, descriptor] = candidate.split(' ');
        const file = path.join(site, 'dist', url!);
        expect(existsSync(file), `${url} is published`).toBe(true);
        const meta = await imageMetadata(readFileSync(file));
        return { descriptor, width: meta.width, format: meta.format };
      }),
  );
}

const image = (alt: string) => page.querySelector(`.essay-body img[alt="${alt}"]`)!;

describe('photographs beside an essay', () => {
  it('are published at the widths a column needs, none wider than 1920 pixels, with the column’s width as their sizes', async () => {
    const harbour = image('The harbour at dusk, from the sea wall');
    expect(await candidates(harbour)).toEqual(IMAGE_WIDTHS.map((w) => ({ descriptor: `${w}w`, width: w, format: 'webp' })));
    expect(harbour.getAttribute('sizes')).toBe(imageSizes(2400));
    // Its proportions, for the space it takes before it loads; the fallback is the widest candidate, not the 2400-pixel original.
    expect([harbour.getAttribute('width'), harbour.getAttribute('height')]).toEqual(['1920', '1280']);
    expect(harbour.getAttribute('src')).toBe(harbour.getAttribute('srcset')!.split(', ').at(-1)!.split(' ')[0]);
  });

  it('keep an AVIF as AVIF, its own width the widest', async () => {
    expect(await candidates(image('The square on a market day'))).toEqual([
      { descriptor: '480w', width: 480, format: 'avif' },
      { descriptor: '640w', width: 640, format: 'avif' },
      { descriptor: '960w', width: 960, format: 'avif' },
      { descriptor: '1000w', width: 1000, format: 'avif' },
    ]);
  });

  it('never make a small picture larger, nor say it is shown wider than it is', async () => {
    const stamp = image("the town's stamp");
    expect(await candidates(stamp)).toEqual([{ descriptor: '300w', width: 300, format: 'webp' }]);
    expect(stamp.getAttribute('sizes')).toBe('(min-width: 40em) min(300px, 39.19rem), min(300px, 100vw - 2.5rem)');
  });

  it('are as wide as they are shown, a photograph taken with the camera turned too (EXIF orientation 6)', async () => {
    // Stored 700 × 400, shown 400 × 700.
    const quay = image('The quay from the north');
    expect([quay.getAttribute('width'), quay.getAttribute('height')]).toEqual(['400', '700']);
    expect(await candidates(quay)).toEqual([{ descriptor: '400w', width: 400, format: 'webp' }]);
  });

  it('load the opening’s image at once, and every later one as the reader nears it', () => {
    expect([...page.querySelectorAll('.essay-body img')].map((img) => img.getAttribute('loading'))).toEqual([
      'eager',
      'lazy',
      'lazy',
      'lazy',
    ]);
  });

  it('load lazily a photograph after more than a screen of text, in an essay with no sections as well', () => {
    const unsectioned = readPage(path.join(site, 'dist/essays/photos-unsectioned/index.html'));
    expect(unsectioned.querySelector('.essay-body img')!.getAttribute('loading')).toBe('lazy');
  });

  it('mark the photographs that hide their ground, and not a picture drawn on a transparent one', () => {
    // The PNG has no alpha channel; the AVIF has one, every pixel of it opaque; the stamp is ink on nothing.
    const marked = (alt: string) => image(alt).hasAttribute('data-opaque');
    expect(marked('The harbour at dusk, from the sea wall')).toBe(true);
    expect(marked('The square on a market day')).toBe(true);
    expect(marked('The quay from the north')).toBe(true);
    expect(marked("the town's stamp")).toBe(false);
  });
});
