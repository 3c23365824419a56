import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';
import { isOpen, preview } from '../support/preview.ts';

/** A Hebrew essay with notes, an Urdu one, whose interface adds letters to Arabic's (ہ, ے), a Persian one and an English one. */
const RTL = path.join(fixtures, 'sites/right-to-left');

let built: string;

beforeAll(() => {
  // The layout's stylesheet is built only from a copied src/ (tests/support/fixture-site.ts).
  const site = makeFixtureSite(
    'right-to-left',
    {
      knesset: path.join(RTL, 'knesset'),
      khudi: path.join(RTL, 'khudi'),
      mashruteh: path.join(RTL, 'mashruteh'),
      'the-tsar': path.join(fixtures, 'sites/bilingual/the-tsar'),
    },
    { copySource: true },
  );
  const { status, output } = buildSite(site);
  if (status !== 0) throw new Error(output);
  built = path.join(site, 'dist/');
}, 300_000);

const site = useBuiltSite(() => built);

async function open(sitePath: string, width: number): Promise<Page> {
  const page = await site.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${site.server.url}${sitePath}`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** The faces Chromium drew an element's own text with (DevTools' platform fonts: what was drawn, not what CSS asked for). */
async function facesDrawing(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((font) => font.familyName).sort();
}

describe('a right-to-left essay', () => {
  it('puts its sidenotes in the left margin on a wide screen, beside the text that runs from the right', async () => {
    const page = await open('/essays/knesset/', 1280);
    const boxes = await page.evaluate(() => {
      const box = (el: Element | null) => el?.getBoundingClientRect();
      const text = box(document.querySelector('.essay-body > p'))!;
      const notes = [...document.querySelectorAll('.sidenote-margin')].map((note) => note.getBoundingClientRect());
      return { text: { left: text.left, right: text.right }, notes: notes.map((n) => ({ left: n.left, right: n.right, width: n.width })) };
    });
    expect(boxes.notes).toHaveLength(2);
    for (const note of boxes.notes) {
      expect(note.width).toBeGreaterThan(100);
      expect(note.right).toBeLessThanOrEqual(boxes.text.left);
    }
  });

  it('previews each cited work in its own direction, so that an English entry’s full stop stays on its right', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 900 } });
    // Until the previews' script has its words: a hover before it is ready opens nothing.
    await page.goto(`${site.server.url}/essays/knesset/`, { waitUntil: 'networkidle' });
    const entry = preview(page).locator('.citation-preview-entry');
    // The entry's direction, and whether its closing full stop is drawn after (to the right of) the letter before it.
    const shown = () =>
      entry.evaluate((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let last: Text | undefined;
        while (walker.nextNode()) if (walker.currentNode.textContent!.trim()) last = walker.currentNode as Text;
        const end = last!.textContent!.trimEnd().length;
        const box = (from: number) => {
          const range = document.createRange();
          range.setStart(last!, from);
          range.setEnd(last!, from + 1);
          return range.getBoundingClientRect();
        };
        return { direction: getComputedStyle(el).direction, stopOnTheRight: box(end - 1).left >= box(end - 2).right - 1 };
      });
    await page.locator('.citation a[href="#bib-rubinstein1991"]').first().hover();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await entry.textContent()).toMatch(/^Rubinstein, Amnon/);
    expect(await shown()).toEqual({ direction: 'ltr', stopOnTheRight: true });
    await page.keyboard.press('Escape');
    await page.locator('.citation a[href="#bib-harari1950"]').first().hover();
    await expect.poll(() => entry.textContent()).toMatch(/^הררי/);
    expect((await shown()).direction).toBe('rtl');
  });

  it('draws the Urdu interface’s letters in Noto Naskh Arabic, whatever faces the system has', async () => {
    const page = await open('/essays/khudi/', 390);
    // "فہرست", "تحریر: مارچ 2021", "جملہ حقوق محفوظ ہیں": each has a letter Urdu adds to Arabic's, or sits beside them.
    for (const selector of ['.toc-title', '.site-footer p', '.search-open']) {
      const faces = await facesDrawing(page, selector);
      expect(
        faces.filter((face) => face.startsWith('Noto Naskh Arabic')),
        selector,
      ).not.toEqual([]);
      // Latin text beside it (the site's name, "2021") may be the system's face; no other face draws Arabic letters.
      expect(
        faces.filter((face) => !/Noto Naskh Arabic|DejaVu Sans|Liberation Sans|Noto Sans$|Roboto|Segoe UI/.test(face)),
        selector,
      ).toEqual([]);
    }
  });

  it('is found from an English page, whose search then draws its letters in the Arabic face, fetched only then', async () => {
    const page = await open('/essays/the-tsar/', 1280);
    const faces = page.locator('link[rel="stylesheet"][href*="script-faces"]');
    expect(await faces.count()).toBe(0);
    await page.locator('body').press('/');
    await page.keyboard.type('خودی');
    await expect.poll(() => page.locator('dialog .search-result > a').allTextContents()).toEqual(['اقبال اور فلسفۂ خودی']);
    await expect.poll(() => faces.count()).toBe(1);
    // The system's face may lack Urdu's letters (ۂ here): they are drawn in Noto Naskh Arabic.
    await expect
      .poll(async () => (await facesDrawing(page, 'dialog .search-result > a')).filter((face) => face.startsWith('Noto Naskh Arabic')))
      .not.toEqual([]);
  });

  it('finds a Persian essay by a word typed on an Arabic keyboard (ي for ی) and by a year in Western digits (1908 for ۱۹۰۸)', async () => {
    const page = await open('/essays/the-tsar/', 1280);
    await page.locator('body').press('/');
    const titles = () => page.locator('dialog .search-result > a').allTextContents();
    await page.keyboard.type('يافت');
    await expect.poll(titles).toEqual(['مشروطه و مجلس نخست']);
    // The essay is reached with the words it was found by, as it writes them, to mark on arrival.
    expect(await page.locator('dialog .search-result > a').getAttribute('href')).toContain(`highlight=${encodeURIComponent('یافت')}`);
    await page.locator('dialog input[type="search"]').fill('1908');
    await expect.poll(titles).toContain('مشروطه و مجلس نخست');
  });

  it('numbers a Persian essay’s lists in Persian digits, as its date line and figures are', async () => {
    const page = await open('/essays/mashruteh/', 390);
    const style = await page.locator('.essay-body').evaluate((body) => {
      body.append(document.createElement('ol'));
      return getComputedStyle(body.lastElementChild!).listStyleType;
    });
    expect(style).toBe('persian');
    const english = await open('/essays/the-tsar/', 390);
    expect(await english.locator('.essay-body').getAttribute('data-digits')).toBeNull();
  });
});
