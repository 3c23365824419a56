import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

declare global {
  interface Window {
    violations: string[];
  }
}

/**
 * A page whose every Content-Security-Policy violation and every request to
 * another origin is recorded, while a reader uses it.
 */
async function watched(path: string): Promise<{ page: Page; violations: () => Promise<string[]>; foreign: string[] }> {
  const context = await site.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const foreign: string[] = [];
  const origin = new URL(site.server.url).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
  });
  const console: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && console.push(m.text()));
  await page.goto(`${site.server.url}${path}`);
  return { page, foreign, violations: async () => [...(await page.evaluate(() => window.violations)), ...console] };
}

/** What a reader does on each kind of page. */
const uses: Record<string, (page: Page) => Promise<void>> = {
  '/': async (page) => {
    await page.getByRole('button', { name: 'Dark theme' }).click();
  },
  '/essays/october-revolution/': async (page) => {
    await page.getByRole('link', { name: 'Figes 1996' }).hover();
    await expect.poll(() => page.locator('#citation-preview').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#the-july-days').hover();
    await page.getByRole('link', { name: 'Copy link to section: The July Days' }).click();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('.essay-body p')].find((el) => el.textContent!.includes('Kornilov'))!;
      const range = document.createRange();
      range.selectNodeContents(p.firstChild!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    });
    await page.getByRole('button', { name: 'Copy link to this passage' }).click();
    await page.locator('body').press('/');
    await page.getByRole('dialog').getByRole('searchbox').fill('Kornilov');
    await expect.poll(() => page.locator('dialog .search-results a').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: '1977' }).click();
  },
  '/search/?q=Kornilov': async (page) => {
    await expect.poll(() => page.locator('main .search-results a').count()).toBeGreaterThan(0);
    await page.getByRole('searchbox').fill('Trotsky');
    await expect.poll(() => page.locator('main .search-results').textContent()).toContain('Trotsky');
  },
  '/no-such-page/': async (page) => {
    await page.getByRole('button', { name: 'Dark theme' }).click();
  },
  '/essays/october-revolution/s/the-july-days/': async (page) => {
    await page.waitForURL(/\/essays\/october-revolution\/#the-july-days$/);
  },
};

describe('every page type, in use', () => {
  it.each(Object.keys(uses))('%s breaks no Content-Security-Policy rule and asks no other origin', async (path) => {
    const { page, violations, foreign } = await watched(path);
    await uses[path]!(page);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('blocks a script the build did not hash', async () => {
    const { page, violations } = await watched('/essays/october-revolution/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect((await violations()).join()).toMatch(/script-src/);
  });
});
