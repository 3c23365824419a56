import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';

/** An English essay and a Russian one: Pagefind keeps an index for each, and search merges them. */
const FIXTURE = path.join(fixtures, 'sites/bilingual');
/** A German essay, and an English one full of "an", the prefix Pagefind would fall back to for "Anführungszeichen". */
const MORE = path.join(fixtures, 'sites/search-languages');

let built: string;

beforeAll(() => {
  const site = makeFixtureSite('search-languages', {
    'the-tsar': path.join(FIXTURE, 'the-tsar'),
    bolsheviki: path.join(FIXTURE, 'bolsheviki'),
    weimar: path.join(MORE, 'weimar'),
    'an-army': path.join(MORE, 'an-army'),
  });
  const { status, output } = buildSite(site);
  if (status !== 0) throw new Error(output);
  built = path.join(site, 'dist/');
}, 300_000);

const site = useBuiltSite(() => built);

/** Opens the search dialog on a page with "/" and types a query. */
async function searchFrom(sitePath: string, query: string): Promise<Page> {
  const page = await site.newPage();
  await page.goto(`${site.server.url}${sitePath}`);
  await page.locator('body').press('/');
  await page.keyboard.type(query);
  return page;
}

const titles = (page: Page, scope: string) => page.locator(`${scope} .search-result > a`).allTextContents();
const status = (page: Page, scope: string) => page.locator(`${scope} .search-status`).textContent();

describe('search across languages', () => {
  it('finds the Russian essay that says "большевики" for "большевиков" from the Russian essay, in Russian words', async () => {
    const page = await searchFrom('/essays/bolsheviki/', 'большевиков');
    await expect.poll(() => titles(page, 'dialog')).toEqual(['Большевики и власть']);
    await expect.poll(() => status(page, 'dialog')).toBe('1 результат по запросу «большевиков».');
    expect(await page.locator('dialog .search-dialog-title').textContent()).toBe('Поиск по очеркам');
  });

  it('finds it from the home page, an English page, too', async () => {
    const page = await searchFrom('/', 'большевиков');
    await expect.poll(() => titles(page, 'dialog')).toEqual(['Большевики и власть']);
    await expect.poll(() => status(page, 'dialog')).toBe('1 result for “большевиков”.');
  });

  it('finds it from the search page', async () => {
    const page = await site.newPage();
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('большевиков')}`);
    await expect.poll(() => titles(page, 'main')).toEqual(['Большевики и власть']);
  });

  it('finds the English essay by an English word from the Russian essay, stemmed as English ("abdicated" for "abdication")', async () => {
    const page = await searchFrom('/essays/bolsheviki/', 'abdication');
    await expect.poll(() => titles(page, 'dialog')).toEqual(['The Fall of the Tsar', 'An Army and an Empire']);
  });

  it('says in Russian that nothing was found, on the Russian essay', async () => {
    const page = await searchFrom('/essays/bolsheviki/', 'zzzzqx');
    await expect
      .poll(() => status(page, 'dialog'))
      .toBe('По запросу «zzzzqx» ничего не найдено. Попробуйте другие слова или меньше слов, или откройте список очерков.');
  });

  it('marks the matches on arrival in the Russian essay with a bar in Russian', async () => {
    const page = await searchFrom('/essays/bolsheviki/', 'Петрограде');
    await page.locator('dialog .search-result > a').first().click();
    const bar = page.getByRole('group', { name: 'Совпадения' });
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('1 из 1');
    expect(await bar.getByRole('button').allTextContents()).toEqual(['↑', '↓', 'Снять выделение']);
  });

  it('finds a German word from an English page by German stems, where English ones found nothing ("Straßenpolitik" is "strassenpolit")', async () => {
    const page = await searchFrom('/', 'Straßenpolitik');
    await expect.poll(() => titles(page, 'dialog')).toEqual(['Die Weimarer Republik']);
  });

  it('ranks the essay that has the word typed above those that only have a short word it begins with ("an" of "Anführungszeichen")', async () => {
    const page = await searchFrom('/', 'Anführungszeichen');
    await expect.poll(async () => (await titles(page, 'dialog'))[0]).toBe('Die Weimarer Republik');
    // From the German essay too, and an English word is found from there by English stems.
    const german = await searchFrom('/essays/weimar/', 'Anführungszeichen');
    await expect.poll(async () => (await titles(german, 'dialog'))[0]).toBe('Die Weimarer Republik');
    const english = await searchFrom('/essays/weimar/', 'abdicated');
    await expect.poll(() => titles(english, 'dialog')).toEqual(['The Fall of the Tsar', 'An Army and an Empire']);
  });

  it('offers each tag once, in one spelling, where two essays spell it differently ("history" and "History")', async () => {
    const page = await site.newPage();
    await page.goto(`${site.server.url}/search/?q=abdication`);
    const labels = page.locator('.search-filters [role="group"][aria-label="Tag"] label');
    await expect
      .poll(async () => (await labels.allTextContents()).map((label) => label.trim()))
      .toEqual(['Geschichte (0)', 'history (2)', 'monarchy (1)', 'war (1)', 'история (0)']);
    // The essay that wrote "History" shows the site's spelling too.
    await page.goto(`${site.server.url}/essays/an-army/`);
    expect(await page.locator('.dateline .tags li').allTextContents()).toEqual(['history', 'war']);
    // And so do its link previews, on its share pages.
    const share = await (await fetch(`${site.server.url}/essays/an-army/s/an-army-in-an-empire/`)).text();
    expect([...share.matchAll(/property="article:tag" content="([^"]*)"/g)].map((match) => match[1])).toEqual(['history', 'war']);
  });

  it('searches the page’s own language when another language’s index cannot load', async () => {
    const page = await site.newPage();
    await page.route('**/wasm.de.pagefind', (route) => route.abort());
    await page.goto(`${site.server.url}/`);
    await page.locator('body').press('/');
    await page.keyboard.type('abdication');
    await expect.poll(() => titles(page, 'dialog')).toEqual(['The Fall of the Tsar', 'An Army and an Empire']);
    expect(await status(page, 'dialog')).toBe('2 results for “abdication”.');
  });
});
