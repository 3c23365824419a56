import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textDirective, toWholeWords } from '../../src/lib/text-fragment.ts';
import { FIRST_LOAD_BUDGET, FONT_BUDGET, file, firstLoad, fontLoad } from '../support/first-load.ts';
import { readPage } from '../support/html.ts';
import { dist } from '../support/paths.ts';

const ESSAY = '/essays/october-revolution/';

let essay: Document;
let sections: { id: string; title: string }[];

beforeAll(() => {
  essay = readPage(path.join(dist, ESSAY, 'index.html'));
  sections = [...essay.querySelectorAll('.essay-body h2[id]')].map((h) => ({ id: h.id, title: h.textContent ?? '' }));
});

function meta(doc: Document, key: string): string | null | undefined {
  return doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('share pages', () => {
  it('exist for every section of the essay, the bibliography included', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'how-popular-were-the-bolsheviks',
      'the-legitimacy-of-the-soviets',
      'the-july-days',
      'aftermath-of-the-july-days',
      'the-october-revolution',
      'the-constituent-assembly',
      'bibliography',
    ]);
    for (const { id } of sections) expect(existsSync(file(`${ESSAY}s/${id}/`)), id).toBe(true);
  });

  it('give each section an og:title that names its heading, "Section — Essay"', () => {
    for (const { id, title } of sections) {
      const page = readPage(file(`${ESSAY}s/${id}/`));
      expect(meta(page, 'og:title')).toBe(`${title} — The October Revolution: A Coup D’état?`);
      expect(meta(page, 'twitter:title')).toBe(meta(page, 'og:title'));
      expect(meta(page, 'twitter:card')).toBe('summary_large_image');
      expect(meta(page, 'og:url')).toBe(`https://essays.example.org${ESSAY}s/${id}/`);
    }
  });

  it('describe each section by its opening sentences', () => {
    const page = readPage(file(`${ESSAY}s/the-july-days/`));
    expect(meta(page, 'og:description')).toBe(
      'If the Bolsheviks were only interested in seizing power through a coup, one must wonder why they did not seize power during the turmoil of the July Days.',
    );
    for (const { id } of sections) {
      const description = meta(readPage(file(`${ESSAY}s/${id}/`)), 'og:description') ?? '';
      expect(description.length, id).toBeGreaterThan(20);
      expect(description.length, id).toBeLessThanOrEqual(200);
      expect(description, id).not.toMatch(/\(\w+ \d{4}|\[@/);
    }
  });

  it('give each section a 1200×630 PNG card that exists', () => {
    for (const { id } of sections) {
      const page = readPage(file(`${ESSAY}s/${id}/`));
      const image = new URL(meta(page, 'og:image')!);
      expect(image.pathname).toBe(`${ESSAY}s/${id}/card.png`);
      expect(meta(page, 'twitter:image')).toBe(image.href);
      expect(pngSize(readFileSync(file(image.pathname)))).toEqual({ width: 1200, height: 630 });
      expect(meta(page, 'og:image:width')).toBe('1200');
      expect(meta(page, 'og:image:height')).toBe('630');
      expect(meta(page, 'og:image:alt')).toContain(sections.find((s) => s.id === id)!.title);
    }
  });

  it('send the reader on to an id that exists on the essay page, with no JavaScript', () => {
    for (const { id } of sections) {
      const page = readPage(file(`${ESSAY}s/${id}/`));
      const refresh = page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content');
      expect(refresh).toBe(`0; url=${ESSAY}#${id}`);
      const target = new URL(refresh!.replace(/^0; url=/, ''), 'https://essays.example.org');
      expect(readPage(file(target.pathname)).getElementById(decodeURIComponent(target.hash.slice(1)))?.tagName, id).toBe('H2');
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://essays.example.org${ESSAY}#${id}`);
      expect(page.querySelector(`a[href="${ESSAY}#${id}"]`)).not.toBeNull();
      expect(page.querySelector('script')).toBeNull();
    }
  });

  it('are kept out of search engines, the site search and the sitemap', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>https://essays.example.org${ESSAY}</loc>`);
    expect(sitemap).not.toContain('/s/');
    for (const { id } of sections) {
      const page = readPage(file(`${ESSAY}s/${id}/`));
      expect(meta(page, 'robots')).toBe('noindex');
      expect(page.querySelector('[data-pagefind-body]')).toBeNull();
    }
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(1);
  });
});

describe('heading links on the essay page', () => {
  it('give every section heading a link to itself after its text, named for screen readers, ignored by search', () => {
    for (const { id, title } of sections) {
      const heading = essay.getElementById(id)!;
      expect(heading.textContent).toBe(title);
      const actions = heading.nextElementSibling!;
      expect(actions.matches('.heading-actions[data-pagefind-ignore]')).toBe(true);
      const link = actions.querySelector('a.heading-link')!;
      // One address per section, the share page's (its preview card is the section's).
      expect(link.getAttribute('href')).toBe(`${ESSAY}s/${id}/`);
      expect(link.getAttribute('aria-label')).toBe(`Link to section: ${title}`);
      expect(link.getAttribute('data-copy-label')).toBe(`Copy link to section: ${title}`);
      expect(link.getAttribute('data-share-label')).toBe(`Share section: ${title}`);
      // The "#" is drawn by CSS, so that it is in no copied or searched text.
      expect(link.textContent).toBe('');
    }
  });
});

describe('the table of contents', () => {
  it('is a plain list of links to every section without JavaScript, folded (wide screens show it open by CSS)', () => {
    const toc = essay.querySelector('nav.toc')!;
    expect(toc.querySelector('details')?.hasAttribute('open')).toBe(false);
    expect([...toc.querySelectorAll('ol a')].map((a) => a.getAttribute('href'))).toEqual(sections.map(({ id }) => `#${id}`));
  });
});

describe('metadata', () => {
  it('gives the essay page a canonical URL, a description, Open Graph article tags and a Twitter card', () => {
    expect(essay.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://essays.example.org${ESSAY}`);
    expect(meta(essay, 'description')).toMatch(/^Was October 1917 a coup d’état or a revolution\?/);
    expect(meta(essay, 'og:type')).toBe('article');
    expect(meta(essay, 'og:title')).toBe('The October Revolution: A Coup D’état?');
    expect(meta(essay, 'og:url')).toBe(`https://essays.example.org${ESSAY}`);
    expect(meta(essay, 'og:locale')).toBe('en_GB');
    expect(meta(essay, 'article:published_time')).toMatch(/^2013-10/);
    expect([...essay.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute('content'))).toEqual([
      'history',
      'russia',
      'revolution',
    ]);
    expect(meta(essay, 'twitter:card')).toBe('summary_large_image');
    const image = new URL(meta(essay, 'og:image')!);
    expect(image.pathname).toBe(`${ESSAY}card.png`);
    expect(pngSize(readFileSync(file(image.pathname)))).toEqual({ width: 1200, height: 630 });
  });

  it('describes the essay in JSON-LD', () => {
    const scripts = [...essay.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));
    const article = scripts.find((data) => /Article$/.test(data['@type']));
    expect(article?.headline).toBe('The October Revolution: A Coup D’état?');
    expect(article?.url).toBe(`https://essays.example.org${ESSAY}`);
  });

  it('gives the other pages the site’s card', () => {
    for (const sitePath of ['/', '/search/']) {
      const page = readPage(file(sitePath));
      expect(meta(page, 'og:type')).toBe('website');
      const image = new URL(meta(page, 'og:image')!);
      expect(pngSize(readFileSync(file(image.pathname)))).toEqual({ width: 1200, height: 630 });
    }
  });

  it('publishes an RSS feed of the essays, linked from every page', () => {
    const feed = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    expect(feed).toContain('<rss');
    expect(feed).toContain(`<link>https://essays.example.org${ESSAY}</link>`);
    expect(feed).toContain('<title>The October Revolution: A Coup D’état?</title>');
    for (const sitePath of ['/', ESSAY, '/search/']) {
      expect(readPage(file(sitePath)).querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe(
        '/rss.xml',
      );
    }
  });

  it('points robots.txt at the sitemap', () => {
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain('Sitemap: https://essays.example.org/sitemap-index.xml');
  });
});

describe('the theme', () => {
  it('is applied by an inline script in the head, before any stylesheet or content, so that it never flashes', () => {
    for (const sitePath of ['/', ESSAY, '/search/']) {
      const html = readFileSync(file(sitePath), 'utf8');
      const script = html.indexOf('document.documentElement.dataset.theme');
      expect(script, sitePath).toBeGreaterThan(0);
      expect(script).toBeLessThan(html.indexOf('</head>'));
      for (const later of ['<link rel="stylesheet"', '<style', '<body']) {
        if (html.includes(later)) expect(script, `${sitePath}: before ${later}`).toBeLessThan(html.indexOf(later));
      }
    }
  });
});

describe('budgets', () => {
  it('keeps the essay page’s first load within 20 KB gzip', () => {
    const sizes = firstLoad(ESSAY);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const detail = [...sizes].map(([name, size]) => `${name}: ${size} B`).join('\n');
    expect(total, `first load ${total} B gzip:\n${detail}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it('gives an essay without formulas or cross-references nothing of theirs to load', () => {
    // The whole first load is held to its budget above; here, none of it is the apparatus's.
    expect([...firstLoad(ESSAY).keys()].filter((name) => /math|temml|crossref/i.test(name))).toEqual([]);
  });

  it('ships the math stylesheet to no page of a site without formulas', () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const page of pages) expect(readFileSync(path.join(dist, page), 'utf8'), page).not.toMatch(/\/_astro\/math\.|<math|temml/i);
  });

  it('keeps the fonts a page fetches under 60 KB, and preloads only the text face’s roman', () => {
    for (const page of [ESSAY, '/', '/search/']) {
      const sizes = fontLoad(page);
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      const detail = [...sizes].map(([name, size]) => `${name}: ${size} B`).join('\n');
      expect(total, `${page}: fonts ${total} B:\n${detail}`).toBeLessThanOrEqual(FONT_BUDGET);
      expect(total, `${page}: the text face is self-hosted`).toBeGreaterThan(0);
      const preloaded = [...readPage(file(page)).querySelectorAll('link[rel="preload"][as="font"]')].map((l) => l.getAttribute('href'));
      expect(preloaded).toHaveLength(1);
      expect(preloaded[0]).toMatch(/source-serif-4-latin-400-normal\.\w+\.woff2$/);
    }
  });

  it('loads each enhancement only where it is used', () => {
    const scripts = (sitePath: string) =>
      [...readPage(file(sitePath)).querySelectorAll('script[src], script[type="module"]:not([src])')]
        .map((s) => s.getAttribute('src') ?? s.textContent ?? '')
        .join('\n');
    for (const sitePath of ['/', '/search/', '/404.html']) {
      const loaded = scripts(sitePath);
      expect(loaded, sitePath).not.toMatch(/HeadingActions|PassageLinks|passage|aria-current/);
    }
    expect(scripts(ESSAY)).toMatch(/HeadingActions/);
    expect(scripts(ESSAY)).toMatch(/PassageLinks/);
    expect(scripts(ESSAY)).toMatch(/aria-current/);
  });
});

describe('text directives', () => {
  it('match a short passage exactly, with the words around it', () => {
    expect(
      textDirective({ before: 'the banners promoting their slogan ', selected: 'All power to the Soviets', after: ' showed that' }),
    ).toBe('text=promoting%20their%20slogan-,All%20power%20to%20the%20Soviets,-showed%20that');
  });

  it('give a long passage by its first and last words, each within its own block', () => {
    const selected = 'one two three four five six seven eight nine ten eleven\ntwelve thirteen fourteen fifteen';
    expect(textDirective({ before: '', selected, after: '' })).toBe('text=one%20two%20three%20four,twelve%20thirteen%20fourteen%20fifteen');
  });

  it('escape the characters the syntax uses', () => {
    expect(textDirective({ before: '', selected: 'fifteen-fold, & more', after: '' })).toBe('text=fifteen%2Dfold%2C%20%26%20more');
  });

  it('widen a selection that starts or ends inside a word to whole words', () => {
    expect(toWholeWords({ before: 'the Bolshe', selected: 'viks’ polic', after: 'ies were' })).toEqual({
      before: 'the ',
      selected: 'Bolsheviks’ policies',
      after: ' were',
    });
  });
});
