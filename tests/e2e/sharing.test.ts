import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

const ESSAY = '/essays/october-revolution/';

const site = useBuiltSite();

/**
 * A fresh page with the clipboard allowed and smooth scrolling off (so that a
 * jump lands at once), which fails the test on any script error.
 */
async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await site.newContext({ reducedMotion: 'reduce', ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  await page.goto(`${site.server.url}${path}`);
  return { page, problems };
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const marked = (page: Page) => page.locator('nav.toc a[aria-current="true"]').allTextContents();

/** Scrolls so that an element's top is at the top of the viewport. */
async function scrollToTop(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY, behavior: 'instant' }));
}

/** Where a phrase of the essay is, relative to the viewport. */
function phraseTop(page: Page, phrase: string): Promise<number | undefined> {
  return page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.querySelector('.essay-body')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.replace(/\u00a0/g, ' ').indexOf(phrase); // the source's no-break spaces
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      return range.getBoundingClientRect().top;
    }
    return undefined;
  }, phrase);
}

describe('sharing a section', () => {
  it('copies the section’s share page to the clipboard and says so politely', async () => {
    const { page, problems } = await open(ESSAY);
    await page.locator('#the-july-days').hover();
    const copy = page.getByRole('link', { name: 'Copy link to section: The July Days' });
    await expect.poll(() => copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => clipboard(page)).toBe(`${site.server.url}${ESSAY}s/the-july-days/`);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link to the section copied.');
    expect(problems).toEqual([]);
  });

  it('offers the system share sheet where there is one, on a touch screen', async () => {
    const context = await site.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    // Headless Chromium has no share sheet: stand one in that records what it was given.
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => void ((window as unknown as { shared: ShareData }).shared = data),
      });
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${ESSAY}`);
    await page.getByRole('link', { name: 'Share section: The July Days' }).tap();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shared?: ShareData }).shared))
      .toEqual({
        title: 'The July Days — The October Revolution: A Coup D’état?',
        url: `${site.server.url}${ESSAY}s/the-july-days/`,
      });
  });

  it('shows the heading’s link on keyboard focus', async () => {
    const { page } = await open(ESSAY);
    const link = page.getByRole('link', { name: 'Copy link to section: The Constituent Assembly' });
    await link.focus();
    await expect.poll(() => link.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  });

  it('hands out one address per section: the link and the copy are the share page', async () => {
    const { page } = await open(ESSAY);
    const link = page.locator('#the-july-days + .heading-actions a');
    expect(await link.evaluate((a: HTMLAnchorElement) => a.href)).toBe(`${site.server.url}${ESSAY}s/the-july-days/`);
    expect(await page.locator('.heading-actions').first().locator('a, button').count()).toBe(1);
  });

  it('forwards a share page to its section at once', async () => {
    const { page } = await open(`${ESSAY}s/the-constituent-assembly/`);
    await page.waitForURL(new RegExp(`${ESSAY}#the-constituent-assembly$`));
    await expect.poll(() => page.locator('#the-constituent-assembly').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(100);
  });
});

describe('linking a passage', () => {
  it('copies a link that opens the essay scrolled to the passage', async () => {
    const { page, problems } = await open(ESSAY);
    // Select from inside one word to inside another, as a hurried reader would.
    await page.evaluate(() => {
      const phrase = 'metalworkers discouraged incoming troops';
      const walker = document.createTreeWalker(document.querySelector('.essay-body')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.replace(/\u00a0/g, ' ').indexOf(phrase); // the source's no-break spaces
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + phrase.length - 3);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('phrase not found');
    });
    await page.getByRole('button', { name: 'Copy link to this passage' }).click();
    await expect.poll(() => clipboard(page)).toMatch(/#aftermath-of-the-july-days:~:text=/);
    const link = await clipboard(page);
    expect(link).toContain('metalworkers%20discouraged%20incoming%20troops');
    expect(problems).toEqual([]);

    // A short window, so that the passage is far below its section's heading.
    const reader = (await open(ESSAY, { viewport: { width: 1000, height: 450 } })).page;
    await reader.goto(link);
    await expect.poll(async () => phraseTop(reader, 'metalworkers discouraged incoming troops')).toBeGreaterThan(0);
    const top = await phraseTop(reader, 'metalworkers discouraged incoming troops');
    expect(top).toBeLessThan(450);
    // It is the passage that was scrolled to, not the section's heading (the fallback).
    expect(await reader.locator('#aftermath-of-the-july-days').evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(0);
  });
});

describe('the table of contents', () => {
  it('marks the section scrolled to', async () => {
    const { page, problems } = await open(ESSAY);
    await scrollToTop(page, '#the-october-revolution');
    await expect.poll(() => marked(page)).toEqual(['The October Revolution']);
    await scrollToTop(page, '#the-legitimacy-of-the-soviets');
    await expect.poll(() => marked(page)).toEqual(['The Legitimacy of the Soviets']);
    expect(problems).toEqual([]);
  });

  it('marks the last section at the end of the page', async () => {
    const { page } = await open(ESSAY);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await expect.poll(() => marked(page)).toEqual(['Bibliography']);
  });

  it('marks the section a link leads to on loading', async () => {
    const { page } = await open(`${ESSAY}#the-constituent-assembly`);
    await expect.poll(() => marked(page)).toEqual(['The Constituent Assembly']);
  });

  it('folds away on a narrow screen', async () => {
    const { page } = await open(ESSAY, { viewport: { width: 360, height: 740 } });
    const link = page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'The July Days', exact: true });
    expect(await link.isVisible()).toBe(false);
    await page.locator('nav.toc summary').click();
    expect(await link.isVisible()).toBe(true);
  });
});

describe('the theme', () => {
  it('follows the system until the reader chooses, and keeps the choice across a reload', async () => {
    const { page, problems } = await open(ESSAY, { colorScheme: 'light' });
    // The toggle names what it does: "Dark theme" on a light page, "Light theme" on a dark one.
    const toDark = page.getByRole('button', { name: 'Dark theme' });
    const toLight = page.getByRole('button', { name: 'Light theme' });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await toDark.isVisible()).toBe(true);
    expect(await background()).toBe('rgb(253, 252, 248)');

    await toDark.click();
    expect(await background()).toBe('rgb(22, 21, 15)');
    expect(await toLight.isVisible()).toBe(true);

    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(22, 21, 15)');
    expect(await toLight.isVisible()).toBe(true);

    // Choosing what the system shows goes back to following it.
    await toLight.click();
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
    expect(await background()).toBe('rgb(253, 252, 248)');
    expect(problems).toEqual([]);
  });

  it('follows a dark system', async () => {
    const { page } = await open('/', { colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(22, 21, 15)');
    expect(await page.getByRole('button', { name: 'Light theme' }).isVisible()).toBe(true);
  });
});

describe('reading comfort', () => {
  // axe-core in both themes on every page: tests/e2e/accessibility.test.ts.

  it.each(['/', ESSAY, '/search/'])('lays out %s at 320 px without sideways scrolling', async (path) => {
    const { page } = await open(path, { viewport: { width: 320, height: 640 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('prints the essay and its bibliography without the site’s navigation', async () => {
    const { page } = await open(ESSAY);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.site-footer', 'nav.toc', '.heading-actions >> nth=0']) {
      expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    }
    expect(await page.locator('section.bibliography').isVisible()).toBe(true);
    expect(await page.locator('#the-july-days').isVisible()).toBe(true);
  });
});
