import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

/** A fresh page that fails the test on any script error or failed request. */
async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await site.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  // A request the browser dropped because the test moved on to another page is not the site's failure.
  page.on(
    'requestfailed',
    (request) => request.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`request failed: ${request.url()}`),
  );
  await page.goto(`${site.server.url}${path}`);
  return { page, problems };
}

/** Whether an element's top edge is on screen. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const { top } = el.getBoundingClientRect();
    return top >= 0 && top < window.innerHeight;
  });
}

describe('reading the essay in Chromium', () => {
  it('opens the essay with its title, date line and sections', async () => {
    const { page, problems } = await open('/essays/october-revolution/');
    await expect(page.title()).resolves.toContain('The October Revolution: A Coup D’état?');
    expect(await page.locator('h1').textContent()).toBe('The October Revolution: A Coup D’état?');
    expect(await page.locator('.dateline time[data-pagefind-meta="written"]').textContent()).toBe('Initially written around October 2013');
    expect(await page.locator('.essay-body h2').count()).toBe(7);
    expect(problems).toEqual([]);
  });

  it('follows a citation to its bibliography entry', async () => {
    const { page } = await open('/essays/october-revolution/');
    await page.getByRole('link', { name: 'Figes 1996' }).click();
    await page.waitForURL(/#bib-figes1996$/);
    await expect.poll(() => inViewport(page, '#bib-figes1996')).toBe(true);
    expect(await page.locator('#bib-figes1996').textContent()).toContain('A People’s Tragedy');
  });

  it('follows a table-of-contents link to its section', async () => {
    const { page } = await open('/essays/october-revolution/');
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'The July Days', exact: true }).click();
    await page.waitForURL(/#the-july-days$/);
    await expect.poll(() => inViewport(page, '#the-july-days')).toBe(true);
  });

  it('opens a shared section link at that section', async () => {
    const { page } = await open('/essays/october-revolution/#the-constituent-assembly');
    await expect.poll(() => inViewport(page, '#the-constituent-assembly')).toBe(true);
  });

  it('reads completely with JavaScript turned off', async () => {
    const { page } = await open('/essays/october-revolution/', { javaScriptEnabled: false });
    const text = await page.locator('article').innerText();
    expect(text).toContain('It was an astonishingly smooth and bloodless revolution.');
    expect(await page.locator('.bibliography .csl-entry').count()).toBe(14);
    await page.getByRole('link', { name: '1977' }).click();
    await page.waitForURL(/#bib-trotsky1977$/);
  });

  it('lists the essay on the home page', async () => {
    const { page, problems } = await open('/');
    await page.getByRole('link', { name: 'The October Revolution: A Coup D’état?' }).click();
    await page.waitForURL(/\/essays\/october-revolution\/$/);
    expect(problems).toEqual([]);
  });
});

describe('searching in Chromium', () => {
  it('finds "Kornilov" and lands in the "Aftermath of the July Days" section', async () => {
    const { page, problems } = await open('/search/');
    await page.getByRole('searchbox').fill('Kornilov');
    const subResult = page.locator('.search-results').getByRole('link', { name: 'Aftermath of the July Days' });
    await subResult.click();
    await page.waitForURL(/\/essays\/october-revolution\/[^#]*#aftermath-of-the-july-days$/);
    // On screen: the section, from its heading to the next one (arrival may scroll to the matched words in it).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const heading = document.getElementById('aftermath-of-the-july-days')!;
          const next = document.getElementById('the-october-revolution')!;
          return heading.getBoundingClientRect().top < innerHeight && next.getBoundingClientRect().top > 0;
        }),
      )
      .toBe(true);
    expect(problems).toEqual([]);
  });

  it('runs the search given in ?q= so that a search can be linked', async () => {
    const { page } = await open('/search/?q=Kornilov');
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('Kornilov');
    await expect.poll(() => page.locator('.search-results ul a').count()).toBeGreaterThan(0);
  });

  it('is linked from every page', async () => {
    for (const path of ['/', '/essays/october-revolution/', '/404.html']) {
      const { page } = await open(path);
      expect(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).getAttribute('href')).toBe(
        '/search/',
      );
    }
  });
});
