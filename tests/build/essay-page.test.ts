import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../support/html.ts';
import { dist, siteCheck, siteCheckTitle } from '../support/paths.ts';

const SECTIONS = {
  'how-popular-were-the-bolsheviks': 'How popular were the Bolsheviks?',
  'the-legitimacy-of-the-soviets': 'The Legitimacy of the Soviets',
  'the-july-days': 'The July Days',
  'aftermath-of-the-july-days': 'Aftermath of the July Days',
  'the-october-revolution': 'The October Revolution',
  'the-constituent-assembly': 'The Constituent Assembly',
};

let page: Document;

beforeAll(() => {
  page = readPage(path.join(dist, 'essays/october-revolution/index.html'));
});

describe('the built site', () => {
  // ../shared/ sits beside this repository on the team's machines and in its CI, not in other clones.
  it.skipIf(!existsSync(siteCheck))(siteCheckTitle('passes the shared acceptance checks'), () => {
    const run = spawnSync(siteCheck, [dist], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/site-check: 8 passed, 0 failed/);
    expect(run.status, run.stdout).toBe(0);
  });

  it('publishes the essay at its stable address with a 404 page, a sitemap and robots.txt', () => {
    for (const file of [
      'essays/october-revolution/index.html',
      '404.html',
      'index.html',
      'search/index.html',
      'sitemap-index.xml',
      'robots.txt',
    ]) {
      expect(existsSync(path.join(dist, file)), file).toBe(true);
    }
  });
});

describe('the essay page', () => {
  it('shows the title as the h1 and the date line from the frontmatter', () => {
    expect(page.querySelector('h1')?.textContent).toBe('The October Revolution: A Coup D’état?');
    const dateline = page.querySelector('.dateline time[data-pagefind-meta="written"]');
    expect(dateline?.textContent).toBe('Initially written around October 2013');
    expect(dateline?.getAttribute('datetime'), 'no more precise than the author').toBe('2013-10');
  });

  it('shows no revision date when the essay says it was not revised (updated: false), whatever its commits', () => {
    expect(page.querySelector('.dateline time.revised')).toBeNull();
  });

  it('holds no stray no-break space in any paragraph (the source keeps them; the build turns them into spaces)', () => {
    const source = readFileSync('content/essays/october-revolution/index.md', 'utf8');
    expect(source.match(/\u00a0/g)?.length, 'the source as the author wrote it').toBeGreaterThan(90);
    const stray = [...page.querySelectorAll('.essay-body p')].map((p) => p.textContent ?? '').filter((text) => text.includes('\u00a0'));
    expect(stray).toEqual([]);
  });

  it('declares the essay’s language', () => {
    expect(page.documentElement.lang).toBe('en-GB');
  });

  it('gives the six sections ids slugged from their headings, each listed in the contents', () => {
    const tocLinks = [...page.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
    for (const [id, text] of Object.entries(SECTIONS)) {
      const heading = page.getElementById(id);
      expect(heading?.tagName, id).toBe('H2');
      expect(heading?.textContent).toBe(text);
      expect(tocLinks).toContain(`#${id}`);
    }
  });

  it('lists all 14 works under a Bibliography heading that is in the contents', () => {
    const heading = page.getElementById('bibliography');
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('Bibliography');
    expect([...page.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'))).toContain('#bibliography');
    const entries = page.querySelectorAll('section.bibliography .csl-entry');
    expect(entries).toHaveLength(14);
    for (const entry of entries) expect(entry.id).toMatch(/^bib-/);
  });

  it('links each of the four citations to an existing bibliography entry', () => {
    const links = [...page.querySelectorAll('.essay-body .citation a')];
    expect(links.map((a) => a.textContent)).toEqual(['Pipes 1968', 'Figes 1996', '2008', '1977']);
    const targets = links.map((a) => a.getAttribute('href'));
    expect(targets).toEqual(['#bib-pipes1968', '#bib-figes1996', '#bib-rabinowitch2008', '#bib-trotsky1977']);
    for (const target of targets) expect(page.querySelector(`section.bibliography ${target}`), target ?? undefined).not.toBeNull();
  });

  it('formats the bibliography in Chicago author-date with the source’s corrections', () => {
    const text = page.querySelector('section.bibliography')?.textContent ?? '';
    expect(text).toContain('Pipes, R., ed. 1968. Revolutionary Russia. London: Oxford University Press.');
    expect(text).toContain('Pearson Education Limited');
    expect(text).toContain('Luxemburg, R.');
    expect(text).not.toMatch(/Peason|Luxembourg/);
    const url = 'https://www.marxists.org/archive/luxemburg/1918/russian-rev/ch04.htm';
    expect(page.querySelector(`#bib-luxemburg-constituent-assembly a[href="${url}"]`)?.textContent).toBe(url);
  });

  it('keeps the author’s slips and leaves out the blog’s comment form', () => {
    // The source has WordPress's no-break spaces in places; compare words, not space characters.
    const body = (page.querySelector('.essay-body')?.textContent ?? '').replace(/\s+/g, ' ');
    expect(body).toContain('dovetailed with the the aspirations');
    expect(body).toContain('Provisional Government as as class of masters');
    expect(body).toContain('Tsar following. the February Revolution');
    expect(readFileSync(path.join(dist, 'essays/october-revolution/index.html'), 'utf8')).not.toMatch(/Leave a Reply|bloggers like this/);
  });

  it('marks only the essay article for the search index', () => {
    const html = readFileSync(path.join(dist, 'essays/october-revolution/index.html'), 'utf8');
    expect(html.match(/data-pagefind-body/g)).toHaveLength(1);
    expect(page.querySelector('article[data-pagefind-body]')).not.toBeNull();
    expect(page.querySelector('nav.toc')?.getAttribute('data-pagefind-ignore')).toBe('all');
  });
});

describe('every page', () => {
  it.each(['index.html', 'search/index.html', '404.html', 'essays/october-revolution/index.html'])(
    '%s has a skip link, landmarks and a link to search',
    (file) => {
      const doc = readPage(path.join(dist, file));
      const skip = doc.querySelector('a.skip-link');
      expect(doc.getElementById(skip?.getAttribute('href')?.slice(1) ?? '')?.tagName).toBe('MAIN');
      expect(doc.querySelector('header nav[aria-label] a[href="/search/"]')).not.toBeNull();
      expect(doc.querySelector('footer')).not.toBeNull();
    },
  );
});
