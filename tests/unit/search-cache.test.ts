import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/build/file-store.ts';
import { essayPages, IndexedPages } from '../../src/build/indexed-pages.ts';
import { SearchFiles } from '../../src/build/search-files.ts';

const temp = () => mkdtempSync(path.join(tmpdir(), 'search-cache-'));

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

/** Pagefind's index of `pages` (by URL), written into `folder`. */
async function writeIndex(folder: string, pages: Record<string, string>): Promise<void> {
  const { index } = await createIndex();
  for (const [url, content] of Object.entries(pages)) await index!.addHTMLFile({ url, content });
  const { errors } = await index!.writeFiles({ outputPath: folder });
  expect(errors).toEqual([]);
}

/** Every file under a folder, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]));
}

/** The index of `pages` written as a build writes it: prepared, written, pruned. */
async function written(pages: Record<string, string>, files = new SearchFiles(path.join(temp(), 'pagefind'))): Promise<SearchFiles> {
  await files.prepare();
  await writeIndex(files.folder, pages);
  await files.prune();
  return files;
}

/** The index published into a site's folder, and the path of one of its fragments there. */
async function published(files: SearchFiles): Promise<{ site: string; fragment: string }> {
  const site = path.join(temp(), 'pagefind');
  await files.publish(site);
  return { site, fragment: path.join('fragment', readdirSync(path.join(site, 'fragment'))[0]!) };
}

afterAll(() => close());

describe('the search index kept from one build to the next', () => {
  const first = { '/a/': page('Soviets', 'The soviets met in Petrograd.'), '/b/': page('Peasants', 'The peasants took the land.') };
  const second = { ...first, '/b/': page('Peasants', 'The peasants took the land, and the grain.') };

  it('ends as an index written into an empty folder would, with the unchanged files left as they were', async () => {
    const files = new SearchFiles(path.join(temp(), 'pagefind'));
    await files.prepare();
    await writeIndex(files.folder, first);
    expect((await files.prune()).kept, 'nothing to keep in an empty folder').toBe(0);
    const fragmentOfA = readdirSync(path.join(files.folder, 'fragment')).map((f) => statSync(path.join(files.folder, 'fragment', f)).ino);

    await files.prepare();
    await writeIndex(files.folder, second);
    expect(await files.consistent()).toBe(true);
    const { files: count, kept } = await files.prune();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(count);

    const fresh = path.join(temp(), 'pagefind');
    await writeIndex(fresh, second);
    const [a, b] = [tree(files.folder), tree(fresh)];
    expect([...a.keys()].sort(), 'no file of the first index is left').toEqual([...b.keys()].sort());
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
    const inodes = readdirSync(path.join(files.folder, 'fragment')).map((f) => statSync(path.join(files.folder, 'fragment', f)).ino);
    expect(
      inodes.filter((ino) => fragmentOfA.includes(ino)),
      'the unchanged page’s fragment, not written again',
    ).toHaveLength(1);
  });

  it('empties a folder no finished build recorded, so that a file cut short is never kept', async () => {
    const files = await written(first);
    const fragment = path.join(files.folder, 'fragment', readdirSync(path.join(files.folder, 'fragment'))[0]!);
    // A build that stops while Pagefind writes: prepare() had removed the record.
    await files.prepare();
    writeFileSync(fragment, 'cut short');
    await files.prepare();
    expect(existsSync(fragment)).toBe(false);
  });

  it('writes again a file that something wrote into since, through the site’s link to it', async () => {
    const files = await written(first);
    const { site, fragment } = await published(files);
    const bytes = readFileSync(path.join(site, fragment));
    writeFileSync(path.join(site, fragment), 'rewritten by a deploy step');
    await written(first, files);
    expect(readFileSync(path.join(files.folder, fragment)).equals(bytes)).toBe(true);
  });

  it('finds the last build’s files another version’s when its record says so', async () => {
    const files = await written(first);
    const record = JSON.parse(readFileSync(`${files.folder}.json`, 'utf8')) as { version: string };
    writeFileSync(`${files.folder}.json`, JSON.stringify({ ...record, version: '0.1.0' }));
    await files.prepare();
    await writeIndex(files.folder, second);
    expect(await files.consistent()).toBe(false);
  });

  it('publishes the files that never change as links, and the rest as copies', async () => {
    const files = await written(first);
    const { site, fragment } = await published(files);
    expect(statSync(path.join(site, fragment)).ino).toBe(statSync(path.join(files.folder, fragment)).ino);
    // Pagefind writes this one again, in place, every build.
    expect(statSync(path.join(site, 'pagefind-entry.json')).ino).not.toBe(statSync(path.join(files.folder, 'pagefind-entry.json')).ino);
  });
});

describe('the essay pages kept for the next build’s index', () => {
  it('trusts none of them once one is not what was recorded', async () => {
    const site = temp();
    for (const slug of ['a', 'b']) {
      mkdirSync(path.join(site, 'essays', slug), { recursive: true });
      writeFileSync(path.join(site, 'essays', slug, 'index.html'), page(slug, 'text'));
    }
    const pages = [...(await essayPages(site)).values()];
    expect(pages.map((p) => p.url).sort()).toEqual(['/essays/a/', '/essays/b/']);
    const kept = new IndexedPages(path.join(temp(), 'pages'));
    await kept.make(site, pages);
    await kept.keep(pages);
    expect([...((await kept.last()) ?? new Map()).keys()].sort()).toEqual(['/essays/a/', '/essays/b/']);
    writeFileSync(path.join(kept.folder, 'essays/b/index.html'), page('b', 'changed'));
    expect(await kept.last()).toBeUndefined();
  });
});

describe('the store of citation files', () => {
  it('keeps each file once, links it wherever it is put, and forgets what a build did not put', async () => {
    const [dir, site] = [path.join(temp(), 'store'), temp()];
    const old = new FileStore(dir);
    await old.put('an old reference', path.join(site, 'old.ris'));
    await old.prune();
    const store = new FileStore(dir);
    await Promise.all(['x.ris', 'y.ris'].map((file) => store.put('TY  - BOOK', path.join(site, file))));
    await store.prune();
    expect(readFileSync(path.join(site, 'y.ris'), 'utf8')).toBe('TY  - BOOK');
    expect(statSync(path.join(site, 'x.ris')).ino).toBe(statSync(path.join(site, 'y.ris')).ino);
    expect(readdirSync(dir), 'the old file forgotten').toHaveLength(1);

    // Written into through the site's link: the next build stores the file again.
    writeFileSync(path.join(site, 'x.ris'), 'TY  - JOUR');
    await new FileStore(dir).put('TY  - BOOK', path.join(site, 'z.ris'));
    expect(readFileSync(path.join(site, 'z.ris'), 'utf8')).toBe('TY  - BOOK');
  });
});
