import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

/**
 * A stand-in for Pagefind's API (pagefind.js), so that the results UI can be
 * shown more results than the site has essays, excerpts no real essay would
 * give, and answers that arrive out of order.
 */
const FAKE_PAGEFIND = `
const result = (i) => ({
  id: 'page' + i,
  score: 12 - i,
  data: async () => ({
    url: '/essays/october-revolution/?highlight=word',
    excerpt: i === 0 ? 'before <mark>word</mark> <img src=x onerror="window.pwned=1"> &lt;b&gt;after' : 'text <mark>word</mark> ' + i,
    meta: { title: 'Essay ' + i },
    sub_results: [],
  }),
});
export async function options() {}
export async function init() {}
export async function filters() { return {}; }
export async function search() { return { results: [], filters: {} }; }
let laterAsked;
const later = new Promise((resolve) => (laterAsked = resolve));
export async function debouncedSearch(term) {
  // The first query answers only after a later one was asked: its results must never replace the later one's.
  if (term === 'slow') {
    globalThis.slowAsked = true;
    await later;
    await new Promise((resolve) => setTimeout(resolve, 300));
    setTimeout(() => (globalThis.slowAnswered = true));
  } else laterAsked();
  const count = term === 'slow' ? 2 : 12;
  return { results: Array.from({ length: count }, (_, i) => result(i)), filters: {} };
}`;

async function open(query: string): Promise<Page> {
  const page = await site.newPage();
  await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_PAGEFIND }));
  await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(query)}`);
  return page;
}

const shown = (page: Page) => page.locator('main .search-result').count();

describe('the search results UI', () => {
  it('shows five results at a time, and "Show more results" adds five, moving focus to the first new one', async () => {
    const page = await open('word');
    await expect.poll(() => shown(page)).toBe(5);
    expect(await page.locator('main .search-status').textContent()).toBe('12 results for “word”.');
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.click();
    await expect.poll(() => shown(page)).toBe(10);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Essay 5');
    await more.click();
    await expect.poll(() => shown(page)).toBe(12);
    expect(await more.isVisible()).toBe(false);
  });

  it('keeps only the text and marks of an excerpt', async () => {
    const page = await open('word');
    const first = page.locator('main .search-result').first().locator('p').last();
    await expect.poll(() => first.textContent()).toBe('… before word  <b>after …');
    expect(await first.locator('mark').allTextContents()).toEqual(['word']);
    expect(await page.locator('main .search-results img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
  });

  it('never lets a slow answer to an earlier query replace a later one', async () => {
    const page = await open('slow');
    // The page searches its ?q= once its script has run: the later query is typed only after that.
    await expect.poll(() => page.evaluate(() => 'slowAsked' in globalThis)).toBe(true);
    await page.getByRole('searchbox').fill('word');
    await expect.poll(() => shown(page)).toBe(5);
    await expect.poll(() => page.evaluate(() => 'slowAnswered' in globalThis)).toBe(true);
    expect(await shown(page)).toBe(5);
    expect(await page.locator('main .search-status').textContent()).toBe('12 results for “word”.');
  });
});

/**
 * A query in Persian digits is also searched in Western ones (src/lib/search-variants.ts): each spelling here finds two
 * essays, one of them the other's, three in all, each tagged "history".
 */
const SPELLINGS_PAGEFIND = `
const result = (i) => ({
  id: 'page' + i,
  score: 12 - i,
  data: async () => ({
    url: '/essays/october-revolution/',
    excerpt: 'text <mark>1908</mark> ' + i,
    meta: { title: 'Essay ' + i },
    filters: { tag: ['history'] },
    sub_results: [],
  }),
});
const found = (ids) => ({ results: ids.map(result), filters: { tag: { history: ids.length } } });
export async function options() {}
export async function init() {}
export async function filters() { return { tag: { history: 3, poetry: 1 } }; }
export async function debouncedSearch(term) { return term === '۱۹۰۸' ? found([0, 2]) : found([]); }
export async function search(term) { return term === '1908' ? found([0, 1]) : found([]); }`;

describe('the search page’s filter counts, for a query searched in several spellings', () => {
  it('count each essay found by any spelling once', async () => {
    const page = await site.newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ contentType: 'text/javascript', body: SPELLINGS_PAGEFIND }));
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('۱۹۰۸')}&tag=history`);
    await expect.poll(() => shown(page)).toBe(3);
    const count = page.getByRole('group', { name: 'Tag' }).locator('label', { hasText: 'history' }).locator('.search-count');
    await expect.poll(() => count.textContent()).toBe('(3)');
  });
});
