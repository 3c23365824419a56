import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { dist } from '../support/paths.ts';

const site = useBuiltSite();

/** Every page the sitemap lists, as paths, plus the 404 page and a search with results. */
function pagesToCheck(): string[] {
  const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...listed, '/search/?q=Kornilov', '/no-such-page/'];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function open(pathname: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await site.newPage(options);
  await page.goto(`${site.server.url}${pathname}`);
  if (pathname.startsWith('/search/?q=')) await expect.poll(() => page.locator('.search-results a').count()).toBeGreaterThan(0);
  return page;
}

describe('axe-core (WCAG 2.2 AA and best practices)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(pagesToCheck())(`%s has no violations (${colorScheme})`, async (pathname) => {
      const page = await open(pathname, { colorScheme });
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  it('finds no violations with a citation preview open', async () => {
    const page = await open('/essays/october-revolution/');
    await page.getByRole('link', { name: 'Figes 1996' }).focus();
    await expect.poll(() => page.locator('#citation-preview').isVisible()).toBe(true);
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});

describe('a keyboard-only reader', () => {
  it('skips to the content, follows the contents, previews a citation, toggles the theme and searches', async () => {
    const page = await open('/essays/october-revolution/');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab on to the contents and follow "The July Days".
    for (let i = 0; i < 40 && (await focused()) !== 'The July Days'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('The July Days');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#the-july-days$/);

    // Tab on to the next citation: its preview opens and Escape closes it.
    for (let i = 0; i < 60 && !/^\d{4}$/.test(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('1977');
    await expect.poll(() => page.locator('#citation-preview').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#citation-preview').isVisible()).toBe(false);

    // The theme toggle, from the keyboard.
    // It names what it does, so its name changes with the theme.
    await page.getByRole('button', { name: /^(Dark|Light) theme$/ }).focus();
    const visibleName = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.theme-toggle > span')].find((s) => getComputedStyle(s).display !== 'none')?.textContent?.trim(),
      );
    const before = await visibleName();
    await page.keyboard.press('Enter');
    await expect.poll(visibleName).not.toBe(before);

    // Search: the header's link opens the search dialog, its field focused; type and reach a result.
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('Kornilov');
    await expect.poll(() => page.locator('dialog .search-results a').count()).toBeGreaterThan(0);
    for (let i = 0; i < 10 && !(await focused()).includes('Aftermath of the July Days'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toContain('Aftermath of the July Days');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#aftermath-of-the-july-days$/);
  });
});
