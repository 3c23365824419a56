import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await site.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${site.server.url}${path}`);
  return { page, errors };
}

describe('arriving from a search result', () => {
  it('marks the matched words, scrolls to the first in the section, cleans the address and clears on request', async () => {
    const { page, errors } = await open('/search/');
    await page.getByRole('searchbox').fill('Kornilov');
    await page.locator('main .search-results').getByRole('link', { name: 'Aftermath of the July Days' }).click();
    await page.waitForURL((url) => url.hash === '#aftermath-of-the-july-days' && !url.search.includes('highlight'));
    const marks = page.locator('mark.search-highlight');
    await expect.poll(() => marks.count()).toBeGreaterThan(3);
    const firstInSection = () =>
      page.evaluate(() => {
        const heading = document.getElementById('aftermath-of-the-july-days')!;
        const mark = [...document.querySelectorAll('mark.search-highlight')].find(
          (m) => heading.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING,
        )!;
        const { top, bottom } = mark.getBoundingClientRect();
        return { text: mark.textContent, visible: top >= 0 && bottom <= innerHeight };
      });
    // Polled: the page may scroll smoothly.
    await expect.poll(firstInSection).toEqual({ text: 'Kornilov', visible: true });
    expect(await page.locator('nav.toc mark, .bibliography mark').count(), 'only essay text is marked').toBe(0);
    await page.getByRole('button', { name: 'Clear marks' }).click();
    await expect.poll(() => marks.count()).toBe(0);
    expect(await page.locator('.essay-body').textContent()).toContain('General Kornilov to attempt an insurrection');
    expect(errors).toEqual([]);
  });
});

describe('what is indexed', () => {
  it('finds an author of the bibliography in the Bibliography section', async () => {
    const { page } = await open('/search/?q=Fitzpatrick');
    const sub = page.locator('main .search-results ul a');
    await expect.poll(() => sub.allTextContents()).toEqual(['Bibliography']);
    expect(await sub.getAttribute('href')).toMatch(/#bibliography$/);
  });

  it('shows a citation in an excerpt as the essay does, with no space after its bracket', async () => {
    // Pagefind adds one before the citation link, which has an id.
    const { page } = await open('/search/?q=anticommunist');
    const excerpt = page.locator('main .search-result p').last();
    await expect.poll(() => excerpt.textContent()).toContain('Orlando Figes (Pipes 1968; Figes 1996)');
  });

  it('does not index "Cite this essay" and its downloads', async () => {
    // Words that appear only there.
    for (const query of ['CSL-JSON', 'BibTeX']) {
      const { page } = await open(`/search/?q=${encodeURIComponent(query)}`);
      await expect.poll(() => page.locator('main .search-status').textContent()).toMatch(/no results/i);
    }
  });

  it('passes axe with the search dialog open', async () => {
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const { page } = await open('/essays/october-revolution/');
    await page.locator('body').press('/');
    await page.getByRole('dialog').getByRole('searchbox').fill('Kornilov');
    await expect.poll(() => page.locator('dialog .search-results a').count()).toBeGreaterThan(0);
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('hostile and odd queries', () => {
  const queries = {
    Cyrillic: 'Большевики',
    'punctuation and quotes': `"coup d'état" -- (Lenin's) ‘April’ Theses?!`,
    emoji: '🚩 revolution 🌹',
    '1,000 characters': 'soviet '.repeat(143).slice(0, 1000),
    'only spaces': '     ',
    markup: '<img src=x onerror=alert(1)><script>alert(2)</script>',
  };

  it.each(Object.entries(queries))('survives %s without breaking the page or injecting markup', async (_, query) => {
    const { page, errors } = await open('/search/');
    await page.getByRole('searchbox').fill(query);
    await expect
      .poll(() =>
        page
          .locator('main .search-results')
          .getAttribute('aria-busy')
          .catch(() => 'false'),
      )
      .not.toBe('true');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('img[src="x"], .search-results script, .search-status script').count()).toBe(0);
    expect(await page.evaluate(() => document.title)).toContain('Search');
    expect(errors).toEqual([]);
    expect(await page.getByRole('searchbox').inputValue()).toBe(query);
  });

  it('says so helpfully when nothing matches', async () => {
    const { page } = await open('/search/?q=zzxxqqvv');
    await expect.poll(() => page.locator('main .search-status').textContent()).toMatch(/no results/i);
  });
});
