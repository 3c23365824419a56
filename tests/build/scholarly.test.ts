import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { linkProject, makeFixtureSite } from '../support/fixture-site.ts';
import { commitAll, essayRepository, git, writeFiles } from '../support/git.ts';
import { readPage } from '../support/html.ts';
import { dist, fixtures, root } from '../support/paths.ts';

/**
 * A site of two essays: the October Revolution essay, which uses none of
 * issue 14's apparatus, and tests/fixtures/sites/scholarly, which uses all of
 * it (figures, tables, equations, sections and references to each, inline
 * and display math, notes close together, a citation in a note, an updated
 * date and revisions). What a build publishes for each.
 */
let site: string;
let page: Document;
let html: string;

const built = (file: string) => path.join(site, 'dist', file);
const essayHtml = 'essays/scholarly/index.html';

beforeAll(() => {
  site = makeFixtureSite('scholarly', {
    scholarly: path.join(fixtures, 'sites/scholarly'),
    'october-revolution': path.join(root, 'content/essays/october-revolution'),
  });
  const { status, output } = buildSite(site);
  expect(status, output).toBe(0);
  html = readFileSync(built(essayHtml), 'utf8');
  page = readPage(built(essayHtml));
});

describe('figures, tables, equations and sections', () => {
  it('number labelled figures and tables in their captions', () => {
    const figure = page.getElementById('fig-petrograd')!;
    expect(figure.tagName).toBe('FIGURE');
    expect(figure.querySelector('figcaption')?.textContent).toBe('Figure 1: The districts of Petrograd in 1917');
    expect(figure.querySelector('img')?.getAttribute('alt')).toBe('The districts of Petrograd in 1917');
    // The caption keeps its Markdown, as Pandoc's does; the image's text alternative has the words.
    expect(figure.querySelector('figcaption em')?.textContent).toBe('Petrograd');
    const table = page.getElementById('tbl-seats')!;
    expect(table.tagName).toBe('TABLE');
    expect(table.querySelector('caption')?.textContent).toBe('Table 1: Seats in the Constituent Assembly, January 1918');
  });

  it('number labelled equations at their right', () => {
    expect([...page.querySelectorAll('.equation[id]')].map((e) => [e.id, e.querySelector('.equation-number')?.textContent])).toEqual([
      ['eq-majority', '(1)'],
      ['eq-shortfall', '(2)'],
    ]);
  });

  it('write each reference as Quarto does, and link it to an element that exists', () => {
    const links = [...page.querySelectorAll('.essay-body a.crossref')];
    expect(links.map((a) => a.textContent)).toEqual(['Figure 1', 'Table 1', '1', '1', '1', '2', '1', '2', 'Section 2']);
    for (const link of links) {
      const id = link.getAttribute('href')!.slice(1);
      const target = page.getElementById(id);
      expect(target, id).not.toBeNull();
      expect(link.getAttribute('data-crossref')).toBe(id.split('-')[0]);
    }
    const body = page.querySelector('.essay-body')!.textContent!.replace(/\s+/g, ' ');
    expect(body).toContain('district by district (Figure 1)');
    expect(body).toContain('Together, Equations 1 and 2 are the arithmetic of the dissolution; Sections 1 and 2 its geography');
  });
});

describe('math', () => {
  it('is MathML in the page, with its TeX as an annotation, and no inline style anywhere', () => {
    const formulas = [...page.querySelectorAll('math')];
    expect(formulas.length).toBe(4);
    expect(page.querySelectorAll('math[display="block"]').length).toBe(2);
    for (const math of formulas) expect(math.querySelector('annotation[encoding="application/x-tex"]')).not.toBeNull();
    expect(html).not.toMatch(/\sstyle=/);
    expect(page.querySelector('.essay-body')?.textContent).toContain('a loaf cost $20 in 1918, and $200 a year later');
  });

  /** The essay's record in the search index: Pagefind's fragment of its page. */
  const indexedEssay = () => {
    const fragments = path.join(site, 'dist/pagefind/fragment');
    return readdirSync(fragments)
      .map((f) => gunzipSync(readFileSync(path.join(fragments, f))).toString('utf8'))
      .find((text) => text.includes('/essays/scholarly/'))!;
  };

  it('is left out of the search index, the prose around it kept', () => {
    for (const math of page.querySelectorAll('math')) expect(math.closest('[data-pagefind-ignore]'), math.outerHTML).not.toBeNull();
    const indexed = indexedEssay();
    expect(indexed).toContain('A majority of the seats is');
    expect(indexed).toContain('arithmetic of the dissolution');
    // The formulas' tokens and TeX: ⌊ from \lfloor, the annotation's TeX, the number 703 of $N = 703$.
    expect(indexed).not.toMatch(/⌊|lfloor|703|0\.24/);
  });

  it('indexes the notes’ words, not their numbers, which ran into excerpts ("did not (Table 1).1 The capital")', () => {
    const indexed = indexedEssay();
    // A fragment is Pagefind's signature, then the page's record as JSON.
    const content = (JSON.parse(indexed.slice(indexed.indexOf('{'))) as { content: string }).content;
    expect(content).toMatch(/a country they did not \(Table 1\)\.\s+The capital/);
    expect(content).toContain('follows it regiment by regiment');
    expect(content).not.toContain('↩');
  });

  it('loads its stylesheet (and Temml’s font) only on the page with formulas', () => {
    const stylesheets = (file: string) =>
      [...readPage(built(file)).querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!);
    const math = stylesheets(essayHtml).filter((href) => /\/math\.[\w-]+\.css$/.test(href));
    expect(math).toHaveLength(1);
    expect(readFileSync(built(math[0]!), 'utf8')).toMatch(/\.equation-number/);
    for (const file of ['essays/october-revolution/index.html', 'index.html', 'search/index.html', '404.html']) {
      expect(
        stylesheets(file).filter((href) => href.includes('/math.')),
        file,
      ).toEqual([]);
      expect(readFileSync(built(file), 'utf8'), file).not.toMatch(/temml|equation-number/i);
    }
  });
});

describe('figures and tables', () => {
  it('load their stylesheet only on a page with a figure, a table or an image', () => {
    const stylesheets = (file: string) =>
      [...readPage(built(file)).querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!);
    const figures = stylesheets(essayHtml).filter((href) => /\/figures\.[\w-]+\.css$/.test(href));
    expect(figures).toHaveLength(1);
    // Captions and table cells styled; column alignment kept; images kept within the column.
    expect(readFileSync(built(figures[0]!), 'utf8')).toMatch(/caption[^{]*\{[^}]*font-family/);
    expect(readFileSync(built(figures[0]!), 'utf8')).toMatch(/\[align=(?:'|")?right/);
    expect(readFileSync(built(figures[0]!), 'utf8')).toMatch(/img\s*\{[^}]*max-width:\s*100%/);
    for (const file of ['essays/october-revolution/index.html', 'index.html', 'search/index.html', '404.html']) {
      expect(
        stylesheets(file).filter((href) => href.includes('/figures.')),
        file,
      ).toEqual([]);
    }
  });
});

describe('notes', () => {
  it('keep GFM’s ids and references, so that scripts find them by selector', () => {
    const refs = [...page.querySelectorAll('.essay-body a[data-footnote-ref]')];
    expect(refs.map((a) => a.getAttribute('href'))).toEqual([
      '#user-content-fn-capital',
      '#user-content-fn-garrison',
      '#user-content-fn-july',
    ]);
    for (const ref of refs) {
      const note = page.getElementById(ref.getAttribute('href')!.slice(1))!;
      expect(note.matches('section[data-footnotes] li[id]')).toBe(true);
      expect(note.querySelector(`a[data-footnote-backref][href="#${ref.id}"]`)).not.toBeNull();
    }
    expect(page.querySelector('#user-content-fn-garrison .citation a')?.getAttribute('href')).toBe('#bib-rabinowitch2008');
  });

  it('load the sidenotes’ script and stylesheet only on a page with notes', () => {
    const assets = (file: string) =>
      [...readPage(built(file)).querySelectorAll('link[rel="stylesheet"], script[src]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src')!)
        .filter((url) => /sidenote/i.test(url));
    expect(assets(essayHtml)).toEqual([expect.stringMatching(/\/sidenotes\.[\w-]+\.css$/), expect.stringMatching(/Sidenotes/)]);
    for (const file of ['essays/october-revolution/index.html', 'index.html', 'search/index.html', '404.html']) {
      expect(assets(file), file).toEqual([]);
    }
  });
});

describe('revisions', () => {
  it('show in the date line and as a list before "Cite this essay"', () => {
    // The dot between them is drawn by CSS (never read or copied).
    expect([...page.querySelectorAll('.dateline .when time')].map((t) => t.textContent)).toEqual([
      'Written 1 March 2014',
      'Revised 10 February 2015',
    ]);
    expect(page.querySelector('.dateline time.revised')?.getAttribute('datetime')).toBe('2015-02-10');
    const section = page.querySelector('section.revisions')!;
    expect(section.querySelector('h2')?.textContent).toBe('Revisions');
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'June 2014: Added the table of seats.',
      '10 February 2015: Corrected the date of the July Days.',
    ]);
    expect(section.nextElementSibling?.matches('section.cite-this')).toBe(true);
  });

  it('are in the JSON-LD, the Open Graph tags, the feed and the sitemap', () => {
    const article = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(article).toMatchObject({ datePublished: '2014-03-01', dateModified: '2015-02-10' });
    const meta = (property: string) => page.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
    expect(meta('article:published_time')).toBe('2014-03-01');
    expect(meta('article:modified_time')).toBe('2015-02-10');
    const feed = readFileSync(built('rss.xml'), 'utf8');
    expect(feed).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    const item = feed.split('<item>').find((i) => i.includes('/essays/scholarly/'))!;
    expect(item).toContain('<atom:updated>2015-02-10T00:00:00Z</atom:updated>');
    // The sitemap's lastmod: when each essay was last revised, or else written.
    const sitemap = readFileSync(built('sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://essays.example.org/essays/scholarly/</loc><lastmod>2015-02-10T00:00:00.000Z</lastmod>');
    expect(sitemap).toContain(
      '<loc>https://essays.example.org/essays/october-revolution/</loc><lastmod>2013-10-01T00:00:00.000Z</lastmod>',
    );
    expect(sitemap).toContain('<loc>https://essays.example.org/search/</loc></url>');
  });

  it('are not invented for an essay that has none (outside git, no date and no warning)', () => {
    const october = readPage(built('essays/october-revolution/index.html'));
    expect([...october.querySelectorAll('.dateline .when time')].map((t) => t.textContent)).toEqual([
      'Initially written around October 2013',
    ]);
    expect(october.querySelector('section.revisions, time.revised, meta[property="article:modified_time"]')).toBeNull();
    const article = JSON.parse(october.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(article.dateModified).toBeUndefined();
  });
});

describe('the October Revolution essay', () => {
  it('is published as in the site’s own build: the same text and markup, nothing of math or cross-references', () => {
    const body = (file: string) => readPage(file).querySelector('.essay-body')!.innerHTML;
    expect(body(built('essays/october-revolution/index.html'))).toBe(body(path.join(dist, 'essays/october-revolution/index.html')));
    const october = readFileSync(built('essays/october-revolution/index.html'), 'utf8');
    expect(october).not.toMatch(/<math|class="crossref|class="equation|caption-label/);
  });
});

describe('a revision date from the repository', () => {
  const essay = (name: string) => `---\ntitle: Essay ${name}\ndescription: An essay.\nwritten: 2014-01-01\n---\n\nText of ${name}.\n`;
  const origin = path.join(root, 'tests/.tmp/git-origin');
  const revised = (dir: string, slug: string) =>
    readPage(path.join(dir, 'dist/essays', slug, 'index.html')).querySelector('.dateline time.revised')?.textContent ?? null;

  beforeAll(() => {
    rmSync(origin, { recursive: true, force: true });
    essayRepository(origin, essay);
    linkProject(origin);
  });

  it('is the last commit that changed the essay’s folder, not the one that added it, and a new commit shows on an essay that did not change', () => {
    const first = buildSite(origin);
    expect(first.status, first.output).toBe(0);
    expect(first.output).not.toMatch(/shallow clone/);
    expect(revised(origin, 'a')).toBe('Revised 30 September 2017');
    expect(revised(origin, 'b')).toBe('Revised 1 May 2016');
    expect(revised(origin, 'c'), 'never committed').toBeNull();

    writeFiles(origin, { 'content/essays/b/data.csv': 'year,seats\n1918,168\n' });
    // c, written in 2014, is committed for the first time: that is its publication here, not a revision.
    commitAll(origin, 'Add b’s data, and c', '2018-01-02T10:00:00+00:00', ['content/essays/b', 'content/essays/c']);
    const second = buildSite(origin);
    expect(second.status, second.output).toBe(0);
    expect(second.output).toMatch(/Rendered 1 of 3 essays; 2 unchanged/);
    expect(revised(origin, 'b')).toBe('Revised 2 January 2018');
    expect(revised(origin, 'c'), 'added, never revised').toBeNull();
  });

  it('is not guessed in a shallow clone: the build warns once, naming the essays and the fix', () => {
    const clone = path.join(root, 'tests/.tmp/git-shallow');
    rmSync(clone, { recursive: true, force: true });
    git(root, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    linkProject(clone);
    const { status, output } = buildSite(clone);
    expect(status, output).toBe(0);
    expect(output.match(/shallow clone/g)).toHaveLength(1);
    expect(output).toMatch(/the last change to content\/essays\/a, content\/essays\/b and content\/essays\/c is not in its history/);
    expect(output).toContain('fetch-depth: 0');
    for (const slug of ['a', 'b', 'c']) expect(revised(clone, slug), slug).toBeNull();
  });
});
