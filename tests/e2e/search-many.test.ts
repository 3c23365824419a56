import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';

/** A site of three short essays, to search across essays. */
const ESSAYS = ['the-tsar', 'the-war', 'the-land'];

let built: string;

beforeAll(() => {
  const site = makeFixtureSite(
    'search-three',
    Object.fromEntries(ESSAYS.map((slug) => [slug, path.join(fixtures, 'search-sites/three', slug)])),
  );
  const { status, output } = buildSite(site);
  if (status !== 0) throw new Error(output);
  built = path.join(site, 'dist/');
}, 300_000);

const site = useBuiltSite(() => built);

async function search(query: string): Promise<Page> {
  const page = await site.newPage();
  await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(query)}`);
  await expect.poll(() => page.locator('main .search-result').count()).toBeGreaterThan(0);
  return page;
}

const titles = (page: Page) => page.locator('main .search-result > a').allTextContents();

describe('searching across three essays', () => {
  it('groups results by essay, each with sub-results titled by section and linking to it', async () => {
    const page = await search('Petrograd');
    // Polled: Pagefind fills in each result as its data arrives.
    await expect
      .poll(async () => (await titles(page)).sort())
      .toEqual(['Land and the Peasants', 'Russia and the Great War', 'The Fall of the Tsar']);
    const tsar = page.locator('main .search-result', { hasText: 'The Fall of the Tsar' });
    const sections = () => tsar.locator('ul a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
    await expect.poll(sections).toContainEqual(['Petrograd in February', '/essays/the-tsar/?highlight=petrograd#petrograd-in-february']);
    expect(await sections()).toContainEqual(['Abdication', '/essays/the-tsar/?highlight=petrograd#abdication']);
    expect(await page.locator('main .search-results mark').first().textContent()).toMatch(/petrograd/i);
  });

  it('filters by tag', async () => {
    const page = await search('Petrograd');
    await page.locator('.search-filters summary', { hasText: 'Tag' }).click();
    await page
      .getByRole('group', { name: 'Tag' })
      .getByRole('checkbox', { name: /peasants/ })
      .check();
    await expect.poll(() => titles(page)).toEqual(['Land and the Peasants']);
  });

  it('counts, beside each filter value, the essays that match the query', async () => {
    const page = await search('Abdication');
    await page.locator('.search-filters summary', { hasText: 'Tag' }).click();
    const count = (tag: string) =>
      page.getByRole('group', { name: 'Tag' }).locator('label', { hasText: tag }).locator('.search-count').textContent();
    await expect.poll(() => count('history')).toBe('(1)');
    expect(await count('peasants')).toBe('(0)');
  });

  it('offers the essays as a filter too', async () => {
    const page = await search('Petrograd');
    const essays = await page
      .locator('.search-filters input[name="essay"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(essays.sort()).toEqual(['Land and the Peasants', 'Russia and the Great War', 'The Fall of the Tsar']);
  });

  it('leads from a tag under an essay’s title to the essays it tags, the tag chosen, and keeps the tags chosen in the address', async () => {
    const page = await site.newPage();
    await page.goto(`${site.server.url}/essays/the-tsar/`);
    await page.locator('.dateline .tags a', { hasText: 'history' }).click();
    await page.waitForURL(/\/search\/\?tag=history$/);
    await expect.poll(async () => (await titles(page)).sort()).toEqual(['Russia and the Great War', 'The Fall of the Tsar']);
    const history = page.getByRole('group', { name: 'Tag' }).getByRole('checkbox', { name: /history/ });
    expect(await history.isChecked()).toBe(true);
    await page
      .getByRole('group', { name: 'Tag' })
      .getByRole('checkbox', { name: /monarchy/ })
      .check();
    await expect.poll(() => titles(page)).toEqual(['The Fall of the Tsar']);
    expect(new URL(page.url()).searchParams.getAll('tag')).toEqual(['history', 'monarchy']);
    await history.uncheck();
    await page
      .getByRole('group', { name: 'Tag' })
      .getByRole('checkbox', { name: /monarchy/ })
      .uncheck();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    // A tag typed into the address in another case is the site's tag; one no essay has is dropped, not a filter of everything.
    await page.goto(`${site.server.url}/search/?tag=MONARCHY`);
    await expect.poll(() => titles(page)).toEqual(['The Fall of the Tsar']);
    await page.goto(`${site.server.url}/search/?tag=monarchy&tag=nothing`);
    await expect.poll(() => titles(page)).toEqual(['The Fall of the Tsar']);
  });
});
