import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { readPage } from '../support/html.ts';
import { fixtures } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);

/** Builds a site of one odd essay and returns its built page. */
function buildOne(name: string, from: string): { html: string; page: Document; site: string; output: string } {
  const site = makeFixtureSite(name, { [name]: from });
  const { status, output } = buildSite(site);
  expect(status, output).toBe(0);
  const file = path.join(site, 'dist/essays', name, 'index.html');
  return { html: readFileSync(file, 'utf8'), page: readPage(file), site, output };
}

describe('an unusual but valid essay builds correctly', () => {
  it('drops raw <script> and onerror= from Markdown, warning of each at its line, and keeps the text around them', () => {
    const { page, html, output } = buildOne('raw-script', essay('raw-script'));
    expect(output).toMatch(/raw-script\/index\.md:9:1: removed <script>: essays run no scripts/);
    expect(output).toMatch(/raw-script\/index\.md:11:1: removed the onerror attribute from <img>: essays run no scripts/);
    const body = page.querySelector('.essay-body')!;
    expect(html).not.toContain('pwned');
    expect(body.querySelector('[onerror]')).toBeNull();
    expect(body.querySelector('img')?.getAttribute('alt')).toBe('x');
    expect(body.textContent).toMatch(/Before\.[\s\S]*After\./);
  });

  it('shows a tag in a BibTeX title as text, except the formatting CSL allows (<b>, <i>, <sup>…)', () => {
    const { page } = buildOne('bibtex-html', essay('bibtex-html'));
    const entry = page.querySelector('#bib-evil2000')!;
    expect(entry.querySelector('script')).toBeNull();
    expect(entry.textContent).toMatch(/<script>alert\(1\)<\/script>/i);
    // CSL's rich-text subset: https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html#html-like-formatting-tags
    expect(entry.querySelector('b')?.textContent).toBe('Bold');
  });

  it('keeps the Markdown of a figure’s caption, its citation linked, and gives the image the words alone', () => {
    const { page } = buildOne('figure-caption', essay('figure-caption'));
    const caption = page.querySelector('#fig-map figcaption')!;
    expect(caption.querySelector('em')?.textContent).toBe('coloured');
    expect(caption.querySelector('code')?.textContent).toBe('district');
    expect(caption.querySelector('.citation a')?.getAttribute('href')).toBe('#bib-figes1996');
    expect(caption.textContent).toBe('Figure 1: Petrograd’s districts after Figes (1996, 33), coloured by district');
    expect(page.querySelector('#fig-map img')?.getAttribute('alt')).toBe(
      'Petrograd’s districts after Figes (1996, 33), coloured by district',
    );
    // A link, a note and a formula in a caption are the essay's own: linked, numbered, drawn.
    const chart = page.querySelector('#fig-chart figcaption')!;
    expect(chart.querySelector('a[href="https://example.org/archive/"]')?.textContent).toBe('the archive');
    expect(chart.querySelector('sup a[data-footnote-ref]')?.getAttribute('href')).toBe('#user-content-fn-source');
    expect(chart.querySelector('math')).not.toBeNull();
    expect(page.querySelector('#user-content-fn-source')?.textContent).toContain('The archive’s own survey of 1917.');
    // Its text alternative has the formula as typed and no note number.
    expect(page.querySelector('#fig-chart img')?.getAttribute('alt')).toBe('Area x^2 of each district, from the archive');
  });

  it('keeps an in-text citation in a section’s link preview, and leaves a bracketed one out', () => {
    const { site } = buildOne('figure-caption', essay('figure-caption'));
    const share = readPage(path.join(site, 'dist/essays/figure-caption/s/sources/index.html'));
    expect(share.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(
      'As Figes (1996, 12) argues, the map is late; others agree.',
    );
  });

  it('publishes an essay with no headings, without an empty contents list', () => {
    const { page } = buildOne('no-headings', essay('no-headings'));
    expect(page.querySelector('.essay-body')?.textContent).toContain('Just one paragraph');
    expect(page.querySelector('nav.toc')).toBeNull();
  });

  it('gives Cyrillic headings Cyrillic ids that the contents link to', () => {
    const { page } = buildOne('bolsheviki', essay('cyrillic'));
    expect(page.documentElement.lang).toBe('ru');
    expect(page.querySelector('h1')?.textContent).toBe('Большевики и власть');
    expect(page.getElementById('июльские-дни')?.textContent).toBe('Июльские дни');
    const links = [...page.querySelectorAll('nav.toc a')].map((a) => decodeURIComponent(a.getAttribute('href')!));
    expect(links).toContain('#корниловский-мятеж');
  });

  it('publishes a 2 MB essay whole', { timeout: 120_000 }, () => {
    const paragraph = readFileSync('content/essays/october-revolution/index.md', 'utf8')
      .split('\n---\n')[1]!
      .replace(/\[-?@[^\]]+\]/g, '');
    const sections = Array.from({ length: 150 }, (_, i) => `## Part ${i + 1}\n\n${paragraph}`);
    const body = sections.join('\n\n');
    const site = makeFixtureSite('huge', {});
    const target = path.join(site, 'content/essays/huge');
    mkdirSync(target, { recursive: true });
    writeFileSync(
      path.join(target, 'index.md'),
      `---\ntitle: A Very Long Essay\ndescription: Long.\nwritten: 2020-01-01\n---\n\n${body}\nThe very last sentence.\n`,
    );
    expect(Buffer.byteLength(body)).toBeGreaterThan(2_000_000);
    const { status, output } = buildSite(site);
    expect(status, output).toBe(0);
    const html = readFileSync(path.join(site, 'dist/essays/huge/index.html'), 'utf8');
    expect(html).toContain('The very last sentence.');
    expect(html).toContain('id="part-150"');
  });
});
