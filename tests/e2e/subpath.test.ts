import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { buildSubpathSite, SUB_PATH } from '../support/subpath-site.ts';

/**
 * The fixture site of tests/fixtures/sites/subpath, built with BASE_PATH and
 * served under that sub-path only (as a GitHub Pages project site is): every
 * feature used there, with every request the browser makes recorded. After
 * each test, no request may have left the sub-path and none may have been
 * answered 404, save the one a test asks for on purpose.
 */
let dist = '';
beforeAll(() => {
  dist = buildSubpathSite('subpath-e2e');
});
const site = useBuiltSite(() => dist, { base: SUB_PATH });

const ENGLISH = `${SUB_PATH}essays/july-days/`;
const RUSSIAN = `${SUB_PATH}essays/bolsheviki/`;

let requests: string[] = [];
let missing: string[] = [];
let problems: string[] = [];
/** A URL a test asks for knowing there is nothing there. */
let expectedMissing: string | undefined;

afterEach(() => {
  const base = `${site.server.url}${SUB_PATH}`;
  expect(requests.length, 'the test made requests').toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith(base) && !/^(data|blob):/.test(url))).toEqual([]);
  expect(missing.filter((url) => url !== expectedMissing)).toEqual([]);
  expect(problems).toEqual([]);
  [requests, missing, problems, expectedMissing] = [[], [], [], undefined];
});

/** Records every request and response of the context's pages (share pages forward from one page to the next). */
function watch(context: BrowserContext): void {
  context.on('request', (request) => void requests.push(request.url()));
  context.on('response', (response) => void (response.status() === 404 && missing.push(response.url())));
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    // The one 404 a test asks for is logged too; the responses say which address it was.
    page.on(
      'console',
      (message) =>
        message.type() === 'error' &&
        !(expectedMissing && /status of 404/.test(message.text())) &&
        problems.push(`console: ${message.text()}`),
    );
  });
}

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.newContext({ reducedMotion: 'reduce', ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  watch(context);
  const page = await context.newPage();
  await page.goto(`${site.server.url}${path}`);
  return page;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe('a site served under a sub-path', () => {
  it('lists both essays on its home page and opens each, the Russian one in Russian', async () => {
    const page = await open(SUB_PATH);
    await page.getByRole('link', { name: 'Большевики и власть' }).click();
    await page.waitForURL(`${site.server.url}${RUSSIAN}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('h1').textContent()).toBe('Большевики и власть');

    await page.getByRole('link', { name: 'Notes on 1917', exact: true }).click();
    await page.waitForURL(`${site.server.url}${SUB_PATH}`);
    await page.getByRole('link', { name: 'The July Days' }).click();
    await page.waitForURL(`${site.server.url}${ENGLISH}`);
    await page.locator('.citation a[href="#bib-figes1996"]').click();
    await page.waitForURL(/#bib-figes1996$/);
    // The link between the essays, written relative in the Markdown.
    await page.getByRole('link', { name: 'the essay on the Bolsheviks' }).click();
    await page.waitForURL(`${site.server.url}${RUSSIAN}`);
  });

  it('serves every download of "Cite this essay", the feed and the favicon under the sub-path', async () => {
    const page = await open(ENGLISH);
    const hrefs = await page
      .locator('a[download], link[rel="icon"], link[rel="alternate"], link[rel="sitemap"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement | HTMLLinkElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(8);
    for (const href of hrefs) {
      expect(href.startsWith(`${site.server.url}${SUB_PATH}`), href).toBe(true);
      const response = await page.request.get(href);
      requests.push(href);
      expect(response.status(), href).toBe(200);
    }
  });

  it('searches from the dialog and lands on the section with the words marked', async () => {
    const page = await open(ENGLISH);
    await page.locator('body').press('/');
    await page.getByRole('dialog').getByRole('searchbox').fill('Kornilov');
    await page.getByRole('dialog').locator('.search-results').getByRole('link', { name: 'Aftermath of the July Days' }).click();
    await page.waitForURL((url) => url.pathname === ENGLISH && url.hash === '#aftermath-of-the-july-days' && !url.search);
    await expect.poll(() => page.locator('mark.search-highlight').allTextContents()).toEqual(['Kornilov']);
  });

  it('finds the Russian essay from the search page', async () => {
    const page = await open(`${SUB_PATH}search/?q=${encodeURIComponent('Корнилов')}`);
    const result = page.locator('main .search-results').getByRole('link', { name: 'Большевики и власть' });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.getAttribute('href')).toMatch(new RegExp(`^${RUSSIAN}`));
  });

  it('copies a section’s share link under the sub-path, and the share page forwards to the section', async () => {
    const page = await open(ENGLISH);
    await page.locator('#the-demonstrations').hover();
    await page.getByRole('link', { name: 'Copy link to section: The demonstrations' }).click();
    const link = `${site.server.url}${ENGLISH}s/the-demonstrations/`;
    await expect.poll(() => clipboard(page)).toBe(link);
    await page.goto(link);
    await page.waitForURL(`${site.server.url}${ENGLISH}#the-demonstrations`);
    // The Russian essay's share pages are at their Cyrillic ids.
    const russian = await page
      .goto(`${site.server.url}${RUSSIAN}`)
      .then(() => page.locator('[id="июльские-дни"] + .heading-actions a').getAttribute('href'));
    expect(russian).toBe(`${RUSSIAN}s/${encodeURIComponent('июльские-дни')}/`);
    await page.goto(`${site.server.url}${russian}`);
    await page.waitForURL((url) => url.pathname === RUSSIAN && decodeURIComponent(url.hash) === '#июльские-дни');
  });

  it('copies a link to a passage that opens the essay under the sub-path', async () => {
    const page = await open(ENGLISH);
    await page.evaluate(() => {
      const phrase = 'metalworkers of the Vyborg side';
      const walker = document.createTreeWalker(document.querySelector('.essay-body')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('phrase not found');
    });
    await page.getByRole('button', { name: 'Copy link to this passage' }).click();
    await expect.poll(() => clipboard(page)).toMatch(new RegExp(`^${site.server.url}${ENGLISH}#aftermath-of-the-july-days:~:text=`));
    await page.goto(await clipboard(page));
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe(ENGLISH);
  });

  it('switches the theme and keeps it across pages of the site', async () => {
    const page = await open(ENGLISH, { colorScheme: 'light' });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(`${site.server.url}${RUSSIAN}`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('answers a missing page with the 404 page, whose links and search work under the sub-path', async () => {
    expectedMissing = `${site.server.url}${SUB_PATH}no-such-essay/`;
    const page = await open(`${SUB_PATH}no-such-essay/`);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.getByRole('link', { name: 'search their text' }).click();
    await page.waitForURL(`${site.server.url}${SUB_PATH}search/`);
    await page.getByRole('searchbox').fill('Figes');
    await expect.poll(() => page.locator('main .search-results').getByRole('link', { name: 'The July Days' }).count()).toBe(1);
  });
});
