import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/build/built-links.ts';

/** A built site of a few pages, in a temporary folder. */
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'built-links-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

describe('the built site’s link check', () => {
  it('finds links to pages, files and ids that do not exist, and passes the rest', async () => {
    const dir = site({
      'index.html':
        '<a href="/essays/x/">x</a> <a href="/essays/x/#part">part</a> <a href="/essays/x/#nope">nope</a> <a href="/gone/">gone</a>',
      'essays/x/index.html': '<h2 id="part">Part</h2><a href="#part">here</a><a href="cite.bib">bib</a><a href="#:~:text=a">text</a>',
      'essays/x/cite.bib': '@misc{x}',
    });
    expect(await findBrokenLinks(dir)).toEqual([
      { page: 'index.html', href: '/essays/x/#nope', problem: 'no element with id "nope"' },
      { page: 'index.html', href: '/gone/', problem: 'no such page or file' },
    ]);
  });

  it('reads ids and links in attributes as HTML writes them, entities and single quotes included', async () => {
    const dir = site({
      'index.html': `<p id='a&amp;b'>x</p><a href='#a&amp;b'>ok</a><a href="mailto:x@y.org">mail</a><a href="https://example.org/">out</a>`,
    });
    expect(await findBrokenLinks(dir)).toEqual([]);
  });
});

describe('the link check under a base path', () => {
  const pages = {
    'index.html':
      '<link rel="icon" href="/essays-site/favicon.svg"><a href="/essays-site/essays/x/">x</a> <a href="essays/x/#part">relative</a>' +
      '<a href="/essays/x/">escapes</a><script type="module" src="/_astro/a.js"></script>',
    'essays/x/index.html':
      '<h2 id="part">Part</h2><a href="../../">home</a><a href="../../../">above</a><a href="cite.bib">bib</a>' +
      '<meta property="og:image" content="https://reader.example.net/card.png"><link rel="canonical" href="https://reader.example.net/essays-site/essays/x/">',
    'essays/x/cite.bib': '@misc{x}',
    'favicon.svg': '<svg/>',
    '_astro/a.js': '',
  };

  it('fails on links, scripts and addresses of the site that leave the base, and passes the rest', async () => {
    const dir = site(pages);
    expect(await findBrokenLinks(dir, { base: '/essays-site/', site: 'https://reader.example.net' })).toEqual([
      { page: 'essays/x/index.html', href: '../../../', problem: "outside the site's base /essays-site/" },
      { page: 'essays/x/index.html', href: 'https://reader.example.net/card.png', problem: "outside the site's base /essays-site/" },
      { page: 'index.html', href: '/_astro/a.js', problem: "outside the site's base /essays-site/" },
      { page: 'index.html', href: '/essays/x/', problem: "outside the site's base /essays-site/" },
    ]);
  });

  it('reads the same site at the root as links to missing pages', async () => {
    const dir = site(pages);
    const problems = (await findBrokenLinks(dir)).map((b) => `${b.page} ${b.href} ${b.problem}`);
    expect(problems).toContain('index.html /essays-site/favicon.svg no such page or file');
  });
});

describe('the link check’s cache of page scans', () => {
  const cacheOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, { hrefs: string[] }> };

  it('reuses the scan of a page whose bytes it has seen, and scans a changed page again', async () => {
    const dir = site({ 'index.html': '<a href="/a/">a</a>', 'a/index.html': '<p id="x">x</p>' });
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'link-scans-')), 'scans.json');
    expect(await findBrokenLinks(dir, { cacheFile })).toEqual([]);
    const cache = cacheOf(cacheFile);
    expect(Object.keys(cache.pages)).toHaveLength(2);

    // A scan in the cache stands for the page: one that was doctored is believed (so the cache is what was read)…
    const home = Object.values(cache.pages).find((p) => p.hrefs.includes('/a/'))!;
    home.hrefs.push('/doctored/');
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect((await findBrokenLinks(dir, { cacheFile })).map((b) => b.href)).toEqual(['/doctored/']);

    // …and a page whose bytes changed is read again, its new link checked; the old page's scan is dropped.
    writeFileSync(path.join(dir, 'index.html'), '<a href="/a/#x">x</a><a href="/b/">b</a>');
    expect(await findBrokenLinks(dir, { cacheFile })).toEqual([{ page: 'index.html', href: '/b/', problem: 'no such page or file' }]);
    expect(Object.values(cacheOf(cacheFile).pages).flatMap((p) => p.hrefs)).toEqual(expect.not.arrayContaining(['/doctored/']));
  });

  it('knows a file unchanged since the last build by its size and time, without reading it', async () => {
    const dir = site({ 'index.html': '<a href="#top" id="top">top</a><a href="#gone">gone</a>' });
    const page = path.join(dir, 'index.html');
    // Written a minute ago: a file changed within the last moments is always read (see SETTLED_MS).
    const before = new Date(Date.now() - 60_000);
    utimesSync(page, before, before);
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'link-scans-')), 'scans.json');
    expect((await findBrokenLinks(dir, { cacheFile })).map((b) => b.problem)).toEqual(['no element with id "gone"']);
    // Other bytes of the same length, the time put back: the scan recorded for the file stands for it.
    writeFileSync(page, '<a href="#top" id="top">top</a><a href="#g0ne">g0ne</a>');
    utimesSync(page, before, before);
    expect((await findBrokenLinks(dir, { cacheFile })).map((b) => b.href)).toEqual(['#gone']);
    // A new time: read again.
    utimesSync(page, new Date(), new Date());
    expect((await findBrokenLinks(dir, { cacheFile })).map((b) => b.href)).toEqual(['#g0ne']);
  });

  it('starts afresh from a cache file that is not one', async () => {
    const dir = site({ 'index.html': '<a href="/gone/">gone</a>' });
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'link-scans-')), 'scans.json');
    writeFileSync(cacheFile, '{"version": 1, "pages": {');
    expect((await findBrokenLinks(dir, { cacheFile })).map((b) => b.href)).toEqual(['/gone/']);
    expect(Object.keys(cacheOf(cacheFile).pages)).toHaveLength(1);
  });
});
