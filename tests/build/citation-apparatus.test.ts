import { decodeBibtex, parseBibtex } from '../../src/lib/bibtex.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { readPage } from '../support/html.ts';
import { dist, fixtures } from '../support/paths.ts';

const essayDir = path.join(dist, 'essays/october-revolution');
let page: Document;

beforeAll(() => {
  page = readPage(path.join(essayDir, 'index.html'));
});

describe('"Cite this essay"', () => {
  it('formats the essay in its own style, with its author, dated once, its URL a link', () => {
    const entry = page.querySelector('.cite-this .cite-record');
    expect(entry?.textContent).toBe(
      'The Essays editors. 2013. ‘The October Revolution: A Coup D’état?’ Essays. https://essays.example.org/essays/october-revolution/.',
    );
    expect(entry?.querySelector('a')?.getAttribute('href')).toBe('https://essays.example.org/essays/october-revolution/');
  });

  it('offers a copy button where scripts run, and each download as a button named for what it holds', () => {
    const copy = page.querySelector('.cite-this button[data-copy-citation]');
    expect(copy?.textContent).toBe('Copy citation');
    const names = [...page.querySelectorAll('.cite-this a[download]')].map((a) => [a.getAttribute('aria-label'), a.textContent?.trim()]);
    expect(names).toEqual([
      ['Download This essay (BibTeX)', 'BibTeX'],
      ['Download This essay (RIS)', 'RIS'],
      ['Download This essay (CSL-JSON)', 'CSL-JSON'],
      ['Download Its bibliography (BibTeX)', 'BibTeX'],
      ['Download Its bibliography (CSL-JSON)', 'CSL-JSON'],
    ]);
  });

  it('offers the essay’s record as BibTeX, RIS and CSL-JSON, and its bibliography as .bib and CSL-JSON', () => {
    const links = [...page.querySelectorAll('.cite-this a[download]')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['cite.bib', 'cite.ris', 'cite.json', 'references.bib', 'references.json']);
    const read = (file: string) => readFileSync(path.join(essayDir, file), 'utf8');
    expect(read('cite.bib')).toMatch(
      /^@online\{october-revolution,\n {2}author {4}= \{\{The Essays editors\}\},[\s\S]*url {7}= \{https:\/\/essays\.example\.org\/essays\/october-revolution\/\}/,
    );
    expect(read('cite.ris')).toMatch(/^TY {2}- ELEC\n[\s\S]*TI {2}- The October Revolution: A Coup D’état\?\n[\s\S]*ER {2}-\s*$/);
    expect(JSON.parse(read('cite.json'))[0]).toMatchObject({ type: 'webpage', issued: { 'date-parts': [[2013, 10]] } });
    // Written from the parsed entries the essay lists, not copied from the author's file.
    const source = 'content/essays/october-revolution/references.bib';
    const listed = parseBibtex(decodeBibtex(readFileSync(source), source), source).items;
    const published = parseBibtex(read('references.bib'), 'references.bib').items;
    expect(published.map((i) => [i.id, i.title])).toEqual(listed.map((i) => [i.id, i.title]).sort(([a], [b]) => a!.localeCompare(b!)));
    expect(read('references.bib')).not.toMatch(/^%/m);
    expect(JSON.parse(read('references.json'))).toHaveLength(14);
  });

  it('is kept out of the search index', () => {
    expect(page.querySelector('.cite-this')?.getAttribute('data-pagefind-ignore')).toBe('all');
  });
});

describe('scholarly metadata', () => {
  it('has Google Scholar tags with one citation_reference per bibliography entry', () => {
    const meta = (name: string) => [...page.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content'));
    expect(meta('citation_title')).toEqual(['The October Revolution: A Coup D’état?']);
    expect(meta('citation_publication_date')).toEqual(['2013/10']);
    expect(meta('citation_author'), 'the source names none: the site’s author (src/lib/site.ts)').toEqual(['The Essays editors']);
    const references = meta('citation_reference');
    expect(references).toHaveLength(14);
    expect(references).toContain(
      'citation_title=Revolutionary Russia; citation_author=Pipes, R.; citation_publication_date=1968; citation_publisher=Oxford University Press',
    );
  });

  it('describes the essay as a schema.org ScholarlyArticle citing its 14 works', () => {
    const json = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(json).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: 'The October Revolution: A Coup D’état?',
      datePublished: '2013-10',
      inLanguage: 'en-GB',
    });
    expect(json.citation).toHaveLength(14);
    expect(json.image).toBe('https://essays.example.org/essays/october-revolution/card.png');
    expect(json.citation).toContainEqual(
      expect.objectContaining({ '@type': 'Book', name: 'Revolutionary Russia', editor: [{ '@type': 'Person', name: 'R. Pipes' }] }),
    );
  });
});

/**
 * A site of two essays whose authors BibTeX's last-word rule gets wrong:
 * "Ann Smith and Martin Luther King Jr." (two authors, one with a suffix) and
 * "Le Guin, Ursula K." (a family name of two words). What each publishes.
 * And an essay whose title names a book in italics, as Pandoc reads a title.
 */
describe('essays that name their authors', () => {
  let site: string;
  const read = (essay: string, file: string) => readFileSync(path.join(site, 'dist/essays', essay, file), 'utf8');
  const pageOf = (essay: string, file = 'index.html') => readPage(path.join(site, 'dist/essays', essay, file));
  const meta = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((m) => m.getAttribute('content'));

  beforeAll(() => {
    site = makeFixtureSite('authors', {
      'two-authors': path.join(fixtures, 'sites/two-authors'),
      'le-guin': path.join(fixtures, 'sites/le-guin'),
      'marked-title': path.join(fixtures, 'sites/marked-title'),
    });
    const { status, output } = buildSite(site);
    expect(status, output).toBe(0);
  });

  it('cite each author in "Cite this essay" and its downloads', () => {
    expect(pageOf('two-authors').querySelector('.cite-this .cite-record')?.textContent).toMatch(
      /^Smith, Ann, and Martin Luther King Jr\. 2020\. ‘Written Together’\. Essays\./,
    );
    expect(read('two-authors', 'cite.bib')).toMatch(/^ {2}author {4}= \{Smith, Ann and King, Jr\., Martin Luther\},$/m);
    expect(read('two-authors', 'cite.ris')).toContain('AU  - Smith, Ann\nAU  - King, Martin Luther, Jr.\n');
    expect(JSON.parse(read('two-authors', 'cite.json'))[0].author).toEqual([
      { family: 'Smith', given: 'Ann' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ]);
    expect(pageOf('le-guin').querySelector('.cite-this .cite-record')?.textContent).toMatch(/^Le Guin, Ursula K\. 2020\./);
    expect(read('le-guin', 'cite.bib')).toMatch(/^ {2}author {4}= \{\{Le Guin\}, Ursula K\.\},$/m);
    expect(read('le-guin', 'cite.ris')).toContain('AU  - Le Guin, Ursula K.\n');
    expect(JSON.parse(read('le-guin', 'cite.json'))[0].author).toEqual([{ family: 'Le Guin', given: 'Ursula K.' }]);
  });

  it('show the names in natural order in the footer, with one full stop after "Jr."', () => {
    const footer = (essay: string) => pageOf(essay).querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(footer('two-authors')).toMatch(/^© Ann Smith and Martin Luther King Jr\. [^.]/);
    expect(footer('le-guin')).toMatch(/^© Ursula K\. Le Guin\. /);
  });

  it('give each author in the metadata: Scholar’s tags, JSON-LD and Open Graph, on the essay and its share pages', () => {
    const page = pageOf('two-authors');
    expect(meta(page, 'meta[name="citation_author"]')).toEqual(['Smith, Ann', 'King, Martin Luther, Jr.']);
    const json = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(json.author).toEqual([
      { '@type': 'Person', name: 'Ann Smith', givenName: 'Ann', familyName: 'Smith' },
      { '@type': 'Person', name: 'Martin Luther King Jr.', givenName: 'Martin Luther', familyName: 'King', honorificSuffix: 'Jr.' },
    ]);
    expect(meta(page, 'meta[property="article:author"]')).toEqual(['Ann Smith', 'Martin Luther King Jr.']);
    expect(meta(pageOf('two-authors', 's/a-section/index.html'), 'meta[property="article:author"]')).toEqual([
      'Ann Smith',
      'Martin Luther King Jr.',
    ]);
    expect(meta(pageOf('le-guin'), 'meta[name="citation_author"]')).toEqual(['Le Guin, Ursula K.']);
  });

  it('set a title’s emphasis in its heading and on the home page, and give its words everywhere else', () => {
    const page = pageOf('marked-title');
    // Set as the text is ("--" an en dash, quotes the typographer's), but not in code.
    expect(page.querySelector('h1')?.innerHTML).toBe("Reading <em>Capital</em> Again – ‘Twice’, with <code>M-C-M'</code>");
    const home = readPage(path.join(site, 'dist/index.html'));
    const card = [...home.querySelectorAll('.essay-card h2 a')].find((a) => a.getAttribute('href')?.includes('marked-title'));
    expect(card?.innerHTML).toBe("Reading <em>Capital</em> Again – ‘Twice’, with <code>M-C-M'</code>");
    const words = "Reading Capital Again – ‘Twice’, with M-C-M'";
    expect(meta(page, 'meta[name="description"]')).toEqual(['An essay whose title names a “book”, in italics as a book’s title is set.']);
    expect(page.querySelector('title')?.textContent).toBe(`${words} · Essays`);
    expect(meta(page, 'meta[property="og:title"]')).toEqual([words]);
    expect(meta(page, 'meta[name="citation_title"]')).toEqual([words]);
    // citeproc puts the title in quotes and turns its quotes to the inner ones (British style: ‘… “Twice” …’), and the code's apostrophe to a typographer's.
    expect(page.querySelector('.cite-this .cite-record')?.textContent).toContain('‘Reading Capital Again – “Twice”, with M-C-M’’');
    expect(JSON.parse(read('marked-title', 'cite.json'))[0].title).toBe(words);
    expect(readFileSync(path.join(site, 'dist/rss.xml'), 'utf8')).toContain(`<title>${words.replace("'", '&apos;')}</title>`);
    expect(meta(pageOf('marked-title', 's/a-section/index.html'), 'meta[property="og:title"]')[0]).not.toMatch(/[*`]/);
  });
});

describe('backlinks in the built essay', () => {
  it('link each cited entry back to its citation, and no uncited entry', () => {
    const cited = [...page.querySelectorAll('.csl-entry[data-cited]')].map((e) => e.id);
    expect(cited.sort()).toEqual(['bib-figes1996', 'bib-pipes1968', 'bib-rabinowitch2008', 'bib-trotsky1977']);
    for (const back of page.querySelectorAll('.backlinks a')) {
      expect(page.getElementById(back.getAttribute('href')!.slice(1))?.getAttribute('href')).toMatch(/^#bib-/);
    }
    expect(page.querySelector('#bib-pipes1968 .backlinks a')?.getAttribute('aria-label')).toBe('Back to citation 1, in the introduction');
  });
});
