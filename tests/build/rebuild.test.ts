import { existsSync, linkSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { copyFollowingLinks, makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures, root } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);

/** The loader's count of essays it rendered, and of those it found unchanged. */
function rendered(output: string): { rendered: number; unchanged: number } {
  const match = output.match(/Rendered (\d+) of \d+ essays?(?: in \d+ worker threads)?; (\d+) unchanged/);
  if (!match) throw new Error(`no render count in the build's output:\n${output}`);
  return { rendered: Number(match[1]), unchanged: Number(match[2]) };
}

/**
 * Builds that keep their caches (node_modules/.astro, as CI keeps it), with
 * one edit between them, as an author works: each edit shows, whatever file
 * it is in, and an unchanged essay is not rendered again.
 */
describe('a rebuild with the caches kept', () => {
  it('shows every edit to an essay’s files, and renders only the essays they touch', () => {
    const site = makeFixtureSite('warm', { good: essay('good'), other: essay('no-headings') });
    const dir = path.join(site, 'content/essays/good');
    const edit = (file: string, from: string | RegExp, to: string) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, `${file} holds ${from}`).toMatch(from);
      writeFileSync(path.join(dir, file), text.replace(from, to));
    };
    const build = () => {
      const result = buildSite(site);
      expect(result.status, result.output).toBe(0);
      return {
        ...rendered(result.output),
        page: readFileSync(path.join(site, 'dist/essays/good/index.html'), 'utf8'),
        output: result.output,
      };
    };

    expect(build()).toMatchObject({ rendered: 2, unchanged: 0 });
    expect(build(), 'nothing changed').toMatchObject({ rendered: 0, unchanged: 2 });

    // The HTML and the works listed are kept beside Astro's data store (src/loader/essay-html.ts), a file each an essay, not in it.
    const cache = path.join(site, 'node_modules/.astro');
    const kept = path.join(cache, 'essay-publisher/html');
    const renderings = () => readdirSync(kept).filter((f) => f.endsWith('.html'));
    const store = () => readFileSync(path.join(cache, 'data-store.json'), 'utf8');
    expect(renderings()).toHaveLength(2);
    expect(readdirSync(kept).filter((f) => f.endsWith('.works.json'))).toHaveLength(2);
    expect(store(), 'the store holds the essay’s data').toContain('A Good Essay');
    expect(store(), 'but not its HTML').not.toContain('it was a tragedy');
    expect(store(), 'nor the works it lists').not.toContain('Jonathan Cape');
    for (const works of readdirSync(kept).filter((f) => f.endsWith('.works.json'))) rmSync(path.join(kept, works));
    const worksLost = build();
    expect(worksLost, 'works lost from the cache are made again').toMatchObject({ rendered: 2, unchanged: 0 });
    expect(worksLost.page, 'and the page names them for Google Scholar').toContain('name="citation_reference"');
    rmSync(kept, { recursive: true });
    const emptied = build();
    expect(emptied, 'renderings lost from the cache are made again').toMatchObject({ rendered: 2, unchanged: 0 });
    expect(emptied.page).toContain('A People’s Tragedy');

    edit('references.bib', 'A People’s Tragedy', 'A Nation’s Tragedy');
    const afterBib = build();
    expect(afterBib, 'only the .bib changed').toMatchObject({ rendered: 1, unchanged: 1 });
    expect(afterBib.page).toContain('A Nation’s Tragedy');
    expect(afterBib.page).not.toContain('A People’s Tragedy');
    expect(renderings(), 'the earlier rendering is deleted').toHaveLength(2);

    edit('references.bib', '@book{figes1996,', '@book{figes1997,');
    const renamed = buildSite(site);
    expect(renamed.status).not.toBe(0);
    expect(renamed.output).toContain('content/essays/good/index.md:8:25: unknown citation key @figes1996 — did you mean @figes1997?');
    edit('references.bib', '@book{figes1997,', '@book{figes1996,');

    edit('index.md', 'bibliography: references.bib', 'bibliography: references.bib\ncsl: apa\nupdated: 2999-05');
    const apa = build();
    expect(apa.page).toMatch(/Figes, O\. \(1996\)\. <i>A nation’s tragedy<\/i>/);
    // A date still to come is a slip, told at its place by every build, the essay rendered or not.
    const toCome =
      /content\/essays\/good\/index\.md:7:10: updated is dated 2999-05, which is still to come in every time zone \(the furthest ahead is at \d{4}-\d\d-\d\d\)/;
    expect(apa.output).toMatch(toCome);
    const unchanged = build();
    expect(unchanged).toMatchObject({ rendered: 0, unchanged: 2 });
    expect(unchanged.output).toMatch(toCome);

    // A renamed heading takes a new id: the links readers shared to the old one would lead nowhere, and nothing else says so.
    edit('index.md', '## A section', '## A part');
    expect(build().output).toContain(
      'content/essays/good/index.md:12: the section "A section" (#a-section) is now "A part" (#a-part), so links shared to it ' +
        '(/essays/good/#a-section, /essays/good/s/a-section/) no longer lead to it; to keep its address, give the heading its old id: ' +
        '## A part {#a-section}.',
    );
    edit('index.md', '## A part', '## A part {#a-section}');
    const oldId = build();
    expect(oldId.output).not.toContain('the section "A section"');
    expect(oldId.page).toContain('id="a-section"');
    expect(existsSync(path.join(site, 'dist/essays/good/s/a-section/index.html')), 'its share page is back').toBe(true);

    writeFileSync(
      path.join(dir, 'map.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>',
    );
    edit('index.md', 'More text.', 'More text.\n\n![A map](map.svg)');
    const image = () => readdirSync(path.join(site, 'dist/_astro')).find((f) => f.startsWith('map.'))!;
    build();
    const before = image();
    expect(before).toMatch(/^map\..+\.svg$/);
    writeFileSync(
      path.join(dir, 'map.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="blue"/></svg>',
    );
    const afterImage = build();
    expect(afterImage, 'only the image changed').toMatchObject({ rendered: 1, unchanged: 1 });
    expect(image(), 'the new image is published').not.toBe(before);
    expect(readFileSync(path.join(site, 'dist/_astro', image()), 'utf8')).toContain('blue');

    // The essay's own reference and its downloads print the public address.
    const moved = buildSite(site, { SITE_URL: 'https://moved.example.net' });
    expect(moved.status, moved.output).toBe(0);
    expect(rendered(moved.output), 'a new address').toMatchObject({ rendered: 2, unchanged: 0 });
    expect(readFileSync(path.join(site, 'dist/essays/good/index.html'), 'utf8')).toContain('href="https://moved.example.net/essays/good/"');
    expect(readFileSync(path.join(site, 'dist/essays/good/cite.ris'), 'utf8')).toContain('UR  - https://moved.example.net/essays/good/');
    // Twelve builds in one test: two CI runs sharing two cores took it past the default three minutes.
  }, 480_000);
});

describe('a rebuild of an essay with a list of .bib files', () => {
  it('renders the essay again when any file of its list changes, and only that essay', () => {
    const site = makeFixtureSite('warm-bibs', { good: essay('good'), other: essay('no-headings') });
    const dir = path.join(site, 'content/essays/good');
    const more = (title: string) =>
      writeFileSync(
        path.join(dir, 'more.bib'),
        `@book{rabinowitch1968,\n  author = {Rabinowitch, Alexander},\n  title = {${title}},\n  year = {1968},\n}\n`,
      );
    const index = path.join(dir, 'index.md');
    writeFileSync(index, readFileSync(index, 'utf8').replace('bibliography: references.bib', 'bibliography: [references.bib, more.bib]'));
    writeFileSync(index, readFileSync(index, 'utf8').replace('More text.', 'More text [@rabinowitch1968].'));
    more('Prelude to Revolution');
    const build = () => {
      const result = buildSite(site);
      expect(result.status, result.output).toBe(0);
      return {
        ...rendered(result.output),
        page: readFileSync(path.join(site, 'dist/essays/good/index.html'), 'utf8'),
        output: result.output,
      };
    };

    const first = build();
    expect(first).toMatchObject({ rendered: 2, unchanged: 0 });
    expect(first.page, 'the works of both files are listed').toContain('A People’s Tragedy');
    expect(first.page).toContain('Prelude to Revolution');

    more('Prelude to the Revolution');
    const second = build();
    expect(second, 'only the essay that lists the .bib').toMatchObject({ rendered: 1, unchanged: 1 });
    expect(second.page).toContain('Prelude to the Revolution');
  }, 240_000);
});

/** Every file under a folder, by its path relative to it, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => [
      path.relative(dir, path.join(entry.parentPath, entry.name)),
      readFileSync(path.join(entry.parentPath, entry.name)),
    ]),
  );
}

describe('an incremental build', () => {
  it('publishes, byte for byte, what a cold build of the same sources publishes', () => {
    const warm = makeFixtureSite('incremental-warm', { good: essay('good'), other: essay('no-headings'), third: essay('cyrillic') });
    expect(buildSite(warm).status).toBe(0);
    const edit = (site: string) => {
      const file = path.join(site, 'content/essays/good/index.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('More text.', 'More text, and then some.'));
    };
    // A share page of an essay the edit does not touch, and one of the essay it does.
    const sharePage = (slug: string) => {
      const folder = path.join(warm, 'dist/essays', slug, 's');
      return path.join(folder, readdirSync(folder)[0]!, 'index.html');
    };
    const [untouched, touched] = [statSync(sharePage('third')).ino, statSync(sharePage('good')).ino];
    // A link to the edited essay's old page holds its inode, which a new file could otherwise be given again.
    const held = path.join(warm, 'held-share-page.html');
    linkSync(sharePage('good'), held);
    edit(warm);
    // The last build's output is moved aside and deleted while the build goes on (src/integrations/no-partial-builds.ts).
    writeFileSync(path.join(warm, 'dist/essays/stale.html'), 'from a build long ago');
    const rebuilt = buildSite(warm);
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(existsSync(path.join(warm, 'dist/essays/stale.html')), 'the old output is gone').toBe(false);
    expect(existsSync(path.join(warm, 'node_modules/.astro/essay-publisher/old-output')), 'and deleted').toBe(false);
    expect(rendered(rebuilt.output)).toMatchObject({ rendered: 1, unchanged: 2 });
    expect(rebuilt.output, 'the unchanged essays’ pages are copied, not rendered').toMatch(/\/essays\/other\/index\.html \(restored\)/);
    // src/build/share-folders.ts: the untouched essay's share pages are the last build's files, the edited one's new.
    expect(rebuilt.output).toContain('the share pages and cards of 1 essay carried over from the last build, unchanged');
    expect(statSync(sharePage('third')).ino, 'carried over, not written again').toBe(untouched);
    expect(statSync(sharePage('good')).ino, 'written again').not.toBe(touched);
    expect(readFileSync(held, 'utf8')).not.toContain('More text, and then some.');
    expect(readFileSync(sharePage('good'), 'utf8')).toContain('More text, and then some.');

    // src/integrations/pagefind.ts: the index was given the last build's pages, and the edited one again.
    expect(rebuilt.output).toMatch(/Indexed 3 pages for search \(1 changed since the last build; \d+ of \d+ index files kept\)/);
    // src/build/file-store.ts: a citation file is a link to the one the cache keeps.
    expect(statSync(path.join(warm, 'dist/essays/other/cite.ris')).nlink).toBeGreaterThan(1);

    const cold = makeFixtureSite('incremental-cold', { good: essay('good'), other: essay('no-headings'), third: essay('cyrillic') });
    edit(cold);
    expect(buildSite(cold).status).toBe(0);
    expectSameFiles(path.join(warm, 'dist'), path.join(cold, 'dist'));

    // A new essay: the index cannot take a page in at its place, so it reads every page again, as a cold build does.
    for (const site of [warm, cold]) copyFollowingLinks(essay('bilingual/the-tsar'), path.join(site, 'content/essays/fourth'));
    const added = buildSite(warm);
    expect(added.status, added.output).toBe(0);
    expect(added.output).toContain('Indexed 4 pages for search (');
    expect(added.output).not.toContain('changed since the last build;');
    rmSync(path.join(cold, 'node_modules/.astro'), { recursive: true, force: true });
    expect(buildSite(cold).status).toBe(0);
    expectSameFiles(path.join(warm, 'dist'), path.join(cold, 'dist'));

    // Two essays tagged "History": the site's spelling of the fourth's "history" changes, though the fourth does not.
    for (const site of [warm, cold]) {
      for (const name of ['fifth', 'sixth']) {
        const folder = path.join(site, 'content/essays', name);
        copyFollowingLinks(essay('bilingual/the-tsar'), folder);
        const file = path.join(folder, 'index.md');
        writeFileSync(file, readFileSync(file, 'utf8').replace('tags: [history, monarchy]', 'tags: [History]'));
      }
    }
    const retagged = buildSite(warm);
    expect(retagged.status, retagged.output).toBe(0);
    expect(readFileSync(path.join(warm, 'dist/essays/fourth/index.html'), 'utf8')).toContain(
      'data-pagefind-filter="tag"><a href="/search/?tag=History">History</a>',
    );
    rmSync(path.join(cold, 'node_modules/.astro'), { recursive: true, force: true });
    expect(buildSite(cold).status).toBe(0);
    expectSameFiles(path.join(warm, 'dist'), path.join(cold, 'dist'));
  }, 360_000);
});

function expectSameFiles(warm: string, cold: string): void {
  const [a, b] = [tree(warm), tree(cold)];
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differ = [...a].filter(([file, bytes]) => !bytes.equals(b.get(file)!)).map(([file]) => file);
  expect(differ, 'files that differ between the incremental and the cold build').toEqual([]);
}

describe('two sites that share one node_modules, linked into each', () => {
  it('keep a cache each: neither build reads the other’s sections, nor renders again what the other rendered', () => {
    const sites = ['shared-modules-a', 'shared-modules-b'].map((name) => {
      const site = makeFixtureSite(name, { good: essay('good') });
      symlinkSync(path.join(root, 'node_modules'), path.join(site, 'node_modules'));
      return site;
    });
    const [a, b] = sites as [string, string];
    // The same essay, its section renamed in the second site only.
    const index = path.join(b, 'content/essays/good/index.md');
    writeFileSync(index, readFileSync(index, 'utf8').replace('## A section', '## A part'));
    const build = (site: string) => {
      const result = buildSite(site);
      expect(result.status, result.output).toBe(0);
      return result.output;
    };
    build(a);
    const second = build(b);
    expect(second, 'the first site’s section is not this one’s').not.toContain('the section "A section"');
    expect(rendered(build(a)), 'the first site’s cache was kept').toMatchObject({ rendered: 0, unchanged: 1 });
  });
});
