import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderDigest, ShareFolders } from '../../src/build/share-folders.ts';
import { type SharingManifest, useManifest, withLastModified } from '../../src/loader/sharing-manifest.ts';

/** An output folder with two essays' share folders, and a cache folder. */
function built(): { cache: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'share-folders-'));
  const out = path.join(root, 'dist');
  for (const essay of ['x', 'y']) {
    mkdirSync(path.join(out, 'essays', essay, 's', 'part'), { recursive: true });
    writeFileSync(path.join(out, 'essays', essay, 's', 'part', 'index.html'), `share page of ${essay}`);
  }
  return { cache: path.join(root, 'cache'), out };
}

describe('share folders carried from one build’s output to the next', () => {
  it('carries a folder whose digest is the one recorded, with its cards’ warnings, and leaves the others', async () => {
    const { cache, out } = built();
    await new ShareFolders(cache, out).record([
      { folder: 'essays/x/s', digest: 'same', warnings: ['x: the card font has no glyph for “漢”'] },
      { folder: 'essays/y/s', digest: 'before', warnings: [] },
    ]);
    const next = new ShareFolders(cache, out);
    const carried = await next.carry([
      { folder: 'essays/x/s', digest: 'same' },
      { folder: 'essays/y/s', digest: 'after' },
    ]);
    expect([...carried]).toEqual(['essays/x/s']);
    // Out of the way while Astro empties the output folder; the changed one is left to be deleted with it.
    expect(existsSync(path.join(out, 'essays/x/s'))).toBe(false);
    expect(existsSync(path.join(out, 'essays/y/s'))).toBe(true);
    expect(await next.restore('essays/x/s')).toEqual(['x: the card font has no glyph for “漢”']);
    expect(readFileSync(path.join(out, 'essays/x/s/part/index.html'), 'utf8')).toBe('share page of x');

    // The build that carried it drew none of its cards, so gave no warning: the record keeps the last one's.
    await next.record([
      { folder: 'essays/x/s', digest: 'same', warnings: [] },
      { folder: 'essays/y/s', digest: 'after', warnings: [] },
    ]);
    const third = new ShareFolders(cache, out);
    expect([...(await third.carry([{ folder: 'essays/x/s', digest: 'same' }]))]).toEqual(['essays/x/s']);
    expect(await third.restore('essays/x/s')).toEqual(['x: the card font has no glyph for “漢”']);
  });

  it('carries nothing into another output folder, or without a record', async () => {
    const { cache, out } = built();
    expect(await new ShareFolders(cache, out).carry([{ folder: 'essays/x/s', digest: 'same' }])).toEqual(new Set());
    await new ShareFolders(cache, `${out}-elsewhere`).record([{ folder: 'essays/x/s', digest: 'same', warnings: [] }]);
    expect(await new ShareFolders(cache, out).carry([{ folder: 'essays/x/s', digest: 'same' }])).toEqual(new Set());
    expect(existsSync(path.join(out, 'essays/x/s/part/index.html'))).toBe(true);
  });

  it('tells folders apart by every page’s bytes and every card’s cache file', () => {
    const pages = [{ path: '/essays/x/s/part/', html: '<title>Part</title>' }];
    const cards = [{ path: '/essays/x/s/part/card.png', file: 'cards/ab12.png' }];
    const digest = folderDigest(pages, cards);
    expect(folderDigest(pages, cards)).toBe(digest);
    expect(folderDigest([{ ...pages[0]!, html: '<title>Part 1</title>' }], cards)).not.toBe(digest);
    expect(folderDigest(pages, [{ ...cards[0]!, file: 'cards/cd34.png' }])).not.toBe(digest);
    expect(folderDigest(pages, [])).not.toBe(digest);
  });
});

describe('the sitemap’s lastmod', () => {
  it('is each essay’s date of revision, or else of writing, by its address as the sitemap writes it (percent-encoded)', () => {
    useManifest({
      essays: [
        { id: 'july-days', path: '/essays/july-days/', published: '2014-03', modified: '2015-02-10' },
        { id: 'قهوه', path: '/essays/قهوه/', published: '2021-03' },
      ] as SharingManifest['essays'],
    });
    expect(withLastModified({ url: 'https://x.org/essays/july-days/' })).toEqual({
      url: 'https://x.org/essays/july-days/',
      lastmod: '2015-02-10',
    });
    const persian = `https://x.org${new URL('/essays/قهوه/', 'https://x.org').pathname}`;
    expect(withLastModified({ url: persian })).toEqual({ url: persian, lastmod: '2021-03' });
    expect(withLastModified({ url: 'https://x.org/search/' })).toEqual({ url: 'https://x.org/search/' });
  });
});
