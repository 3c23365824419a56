import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

async function open(path: string): Promise<{ page: Page; requests: string[] }> {
  const page = await site.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${site.server.url}${path}`);
  await page.waitForLoadState('networkidle');
  return { page, requests };
}

const dialogOpen = (page: Page) => page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open);
const active = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);

describe('the search dialog', () => {
  it('loads nothing of Pagefind until search is first opened', async () => {
    const { page, requests } = await open('/essays/october-revolution/');
    expect(requests.filter((r) => r.startsWith('/pagefind/'))).toEqual([]);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click();
    await expect.poll(() => requests.some((r) => r.endsWith('/pagefind/pagefind.js'))).toBe(true);
  });

  it('fetches only what a search needs: no Pagefind UI, worker or filter index (the budget in bench/)', async () => {
    const { page, requests } = await open('/essays/october-revolution/');
    await page.locator('body').press('/');
    await page.keyboard.type('revolution');
    await expect.poll(() => page.locator('dialog .search-result').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    const fetched = requests.filter((r) => r.startsWith('/pagefind/'));
    expect(fetched).toContain('/pagefind/pagefind.js');
    expect(fetched.filter((r) => /-ui\.|worker|\/filter\//.test(r))).toEqual([]);
    expect(fetched.filter((r) => r.endsWith('.pf_fragment'))).toHaveLength(1);
  });

  it('opens with "/", searches, moves through results with the arrow keys, and opens one with Enter', async () => {
    const { page } = await open('/essays/october-revolution/');
    await page.locator('body').press('/');
    await expect.poll(() => dialogOpen(page)).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('dialog input[type="search"]'))).toBe(true);
    await page.keyboard.type('Kornilov');
    await expect.poll(() => page.locator('dialog .search-results a').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toBe('The October Revolution: A Coup D’état?');
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toBe('Aftermath of the July Days');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#aftermath-of-the-july-days$/);
  });

  it('opens with Ctrl+K and closes with Escape, even with words typed, returning focus to where it was', async () => {
    const { page } = await open('/');
    const link = page.getByRole('link', { name: 'The October Revolution: A Coup D’état?' });
    await link.focus();
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialogOpen(page)).toBe(true);
    // With words in the field, where Escape would otherwise only clear them.
    await page.keyboard.type('Lenin');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page)).toBe(false);
    expect(await active(page)).toBe('The October Revolution: A Coup D’état?');
  });

  it('leaves "/" alone while the reader types in a field', async () => {
    const { page } = await open('/search/');
    await page.getByRole('searchbox').fill('a/b');
    expect(await page.getByRole('searchbox').inputValue()).toBe('a/b');
    expect(await dialogOpen(page)).toBe(false);
  });

  it('is hidden without JavaScript, where the Search link leads to the search page', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.url}/`);
    expect(await page.locator('button.search-open').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Search' }).getAttribute('href')).toBe('/search/');
  });
});
