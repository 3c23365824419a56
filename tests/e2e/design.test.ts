import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

/**
 * The reading page's design, checked by geometry rather than pixels
 * (docs/design.md says what each number is for): one left edge at every
 * width, targets of at least 24 px, no layout shift, and the reading aids
 * (the passage offer, backlinks, search arrival) where they should be.
 */
const ESSAY = '/essays/october-revolution/';
const WIDTHS = [1600, 1280, 820, 390] as const;

const site = useBuiltSite();

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.newContext({ reducedMotion: 'reduce', ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = await context.newPage();
  await page.goto(`${site.server.url}${path}`, { waitUntil: 'networkidle' });
  return page;
}

/** The left edge of the first box of an element's text, not of its box (a heading's box can be wider than its words). */
function textLeft(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rect = [...range.getClientRects()].find((r) => r.width > 0) ?? el.getBoundingClientRect();
      return rect.left;
    });
}

describe('one grid', () => {
  for (const width of WIDTHS) {
    it(`starts the header, title, text and footer at one left edge at ${width} px`, async () => {
      const page = await open(ESSAY, { viewport: { width, height: 900 } });
      const edges = {
        header: await textLeft(page, '.site-name'),
        title: await textLeft(page, 'h1'),
        text: await textLeft(page, '.essay-body > p'),
        footer: await textLeft(page, '.site-footer p'),
      };
      for (const [name, left] of Object.entries(edges)) expect(Math.abs(left - edges.text), `${name} at ${left}`).toBeLessThanOrEqual(2);
    });
  }

  for (const path of ['/', '/search/', '/no-such-page/']) {
    it(`starts ${path} at the same left edge as the essay, at 1280 px`, async () => {
      const essay = await textLeft(await open(ESSAY, { viewport: { width: 1280, height: 800 } }), '.essay-body > p');
      const page = await open(path, { viewport: { width: 1280, height: 800 } });
      for (const selector of ['.site-name', 'h1', '.site-footer p']) {
        expect(Math.abs((await textLeft(page, selector)) - essay), selector).toBeLessThanOrEqual(2);
      }
    });
  }
});

describe('controls', () => {
  for (const width of [1280, 390]) {
    it(`makes every control in the header and the essay at least 24 × 24 px at ${width} px`, async () => {
      const page = await open(ESSAY, { viewport: { width, height: 844 } });
      // Links inside a sentence are exempt (WCAG 2.2, 2.5.8): their size is the line's.
      const small = await page.evaluate(() => {
        const inSentence = (el: Element) =>
          getComputedStyle(el).display === 'inline' && el.closest('p, li:not(.toc li), .csl-entry, td') !== null;
        return [...document.querySelectorAll('header a, header button, main a, main button, main summary, main input, main select')]
          .filter((el) => el.getClientRects().length > 0 && !inSentence(el))
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width < 24 || r.height < 24)
          .map(
            ({ el, r }) =>
              `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim()} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`,
          );
      });
      expect(small).toEqual([]);
    });
  }

  it('gives each section one link, which hands out the share page', async () => {
    const page = await open(ESSAY, { viewport: { width: 390, height: 844 }, hasTouch: true });
    const actions = page.locator('.section-heading').first().locator('a, button');
    expect(await actions.count()).toBe(1);
    expect(await actions.getAttribute('href')).toMatch(/\/essays\/october-revolution\/s\/[\w-]+\/$/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shifts nothing while the essay loads in the ${colorScheme} theme (CLS below 0.01)`, async () => {
      const context = await site.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
      await context.addInitScript(() => {
        (window as unknown as { cls: number }).cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${site.server.url}${ESSAY}`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
      expect(cls).toBeLessThan(0.01);
    });
  }
});

describe('without JavaScript', () => {
  it('offers no control that needs it, and search is a link to the search page', async () => {
    const page = await open(ESSAY, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    for (const selector of ['.theme-toggle', '.cite-copy']) expect(await page.locator(selector).isVisible(), selector).toBe(false);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(/\/search\/$/);
  });
});

describe('reading', () => {
  it('shows the first paragraph on the first screen of a 390 × 844 phone', async () => {
    const page = await open(ESSAY, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const top = await page
      .locator('.essay-body > p')
      .first()
      .evaluate((p) => p.getBoundingClientRect().top);
    expect(top).toBeLessThan(844 - 3 * 27);
  });

  it('holds no stray no-break space in any paragraph', async () => {
    const page = await open(ESSAY);
    const stray = await page.locator('.essay-body p').evaluateAll((ps) => ps.filter((p) => p.textContent!.includes('\u00a0')).length);
    expect(stray).toBe(0);
  });

  it('marks the section being read in the contents without changing its size', async () => {
    const page = await open(ESSAY, { viewport: { width: 1280, height: 800 } });
    const link = page.locator('nav.toc a[href="#the-july-days"]');
    const before = await link.evaluate((a) => a.getBoundingClientRect().height);
    await page
      .locator('#the-july-days')
      .evaluate((h) => window.scrollTo({ top: h.getBoundingClientRect().top + scrollY, behavior: 'instant' }));
    await expect.poll(() => link.getAttribute('aria-current')).toBe('true');
    expect(await link.evaluate((a) => a.getBoundingClientRect().height)).toBe(before);
  });

  it('marks the section being read, and how far it is read, in forced colours (Windows High Contrast) too', async () => {
    const page = await open(ESSAY, { viewport: { width: 1280, height: 800 }, forcedColors: 'active' });
    await page
      .locator('#the-july-days')
      .evaluate((h) => window.scrollTo({ top: h.getBoundingClientRect().top + scrollY + 200, behavior: 'instant' }));
    await expect.poll(() => page.locator('nav.toc a[aria-current="true"]').getAttribute('href')).toBe('#the-july-days');
    const entries = await page.locator('nav.toc li').evaluateAll((items) =>
      items.map((li) => {
        const a = li.querySelector('a')!;
        const bar = getComputedStyle(li, '::before');
        return {
          current: a.hasAttribute('aria-current'),
          underline: getComputedStyle(a).textDecorationLine,
          // The progress is drawn: a bar of some height, in a colour that is not the track's.
          drawn: parseFloat(bar.height) > 0 && bar.backgroundColor !== getComputedStyle(li).borderInlineStartColor,
        };
      }),
    );
    // Every link is LinkText there: only the current one is underlined.
    expect(entries.filter((e) => e.underline === 'underline').map((e) => e.current)).toEqual([true]);
    // The sections above it are read, and it is partly.
    expect(entries.slice(0, entries.findIndex((e) => e.current) + 1).every((e) => e.drawn)).toBe(true);
  });

  it('keeps the entry being read in view in contents taller than the window, which scroll in their own box', async () => {
    const page = await open(ESSAY, { viewport: { width: 1280, height: 300 } });
    const toc = page.locator('nav.toc');
    expect(await toc.evaluate((nav) => nav.scrollHeight > nav.clientHeight)).toBe(true);
    const shown = (href: string) =>
      page.locator(`nav.toc a[href="${href}"]`).evaluate((a) => {
        const box = a.closest('nav')!.getBoundingClientRect();
        const entry = a.getBoundingClientRect();
        return a.getAttribute('aria-current') === 'true' && entry.top >= box.top && entry.bottom <= box.bottom;
      });
    for (const id of ['bibliography', 'how-popular-were-the-bolsheviks']) {
      await page.locator(`#${id}`).evaluate((h) => window.scrollTo({ top: h.getBoundingClientRect().top + scrollY, behavior: 'instant' }));
      await expect.poll(() => shown(`#${id}`)).toBe(true);
    }
  });

  it('prints the text at most 75 characters wide', async () => {
    const page = await open(ESSAY);
    await page.emulateMedia({ media: 'print' });
    const characters = await page
      .locator('.essay-body > p')
      .first()
      .evaluate((p) => {
        // The paragraph's text set on one line in its own face: its average character's width.
        const probe = document.createElement('span');
        probe.style.whiteSpace = 'nowrap';
        probe.textContent = p.textContent;
        p.append(probe);
        const average = probe.getBoundingClientRect().width / probe.textContent!.length;
        probe.remove();
        return p.getBoundingClientRect().width / average;
      });
    expect(characters).toBeGreaterThan(55);
    expect(characters).toBeLessThanOrEqual(75);
  });
});

describe('the passage offer', () => {
  /** Selects a phrase of the essay, scrolled to a given height in the viewport. */
  async function select(page: Page, phrase: string, at: number) {
    return page.evaluate(
      ({ phrase, at }) => {
        const walker = document.createTreeWalker(document.querySelector('.essay-body')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const index = node.textContent!.indexOf(phrase);
          if (index < 0) continue;
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + phrase.length);
          window.scrollBy({ top: range.getBoundingClientRect().top - at, behavior: 'instant' });
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
        throw new Error(`not in the essay: ${phrase}`);
      },
      { phrase, at },
    );
  }

  for (const [where, at] of [
    ['mid-screen', 400],
    ['at the top of the screen', 5],
  ] as const) {
    it(`never covers the selected words (${where})`, async () => {
      const page = await open(ESSAY, { viewport: { width: 1280, height: 800 } });
      await select(page, 'metalworkers discouraged incoming troops', at);
      const offer = page.getByRole('button', { name: 'Copy link to this passage' });
      await expect.poll(() => offer.isVisible()).toBe(true);
      const overlaps = await page.evaluate(() => {
        const button = document.querySelector('.passage-link')!.getBoundingClientRect();
        const rects = [...getSelection()!.getRangeAt(0).getClientRects()];
        return rects.filter((r) => r.left < button.right && r.right > button.left && r.top < button.bottom && r.bottom > button.top).length;
      });
      expect(overlaps).toBe(0);
    });
  }
});

describe('backlinks', () => {
  it('land with the citation a line or more below the top, marked, and no preview open', async () => {
    const page = await open(ESSAY, { viewport: { width: 1280, height: 800 } });
    const back = page.locator('#bib-trotsky1977 a.backlink').first();
    await back.scrollIntoViewIfNeeded();
    await back.click();
    const id = (await back.getAttribute('href'))!.slice(1);
    await page.waitForURL(new RegExp(`#${id}$`));
    const citation = page.locator(`[id="${id}"]`);
    const { top, line, background } = await citation.evaluate((a) => ({
      top: a.getBoundingClientRect().top,
      line: parseFloat(getComputedStyle(a.closest('p')!).lineHeight),
      background: getComputedStyle(a).backgroundColor,
    }));
    expect(top).toBeGreaterThanOrEqual(line);
    expect(top).toBeLessThan(800);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.waitForTimeout(300);
    expect(await page.locator('#citation-preview').isVisible()).toBe(false);
  });

  it('is at least 24 px square and drawn in the text face, never as an emoji', async () => {
    const page = await open(ESSAY);
    const { width, height, text } = await page
      .locator('a.backlink')
      .first()
      .evaluate((a) => ({ ...a.getBoundingClientRect().toJSON(), text: a.textContent }));
    expect(width).toBeGreaterThanOrEqual(24);
    expect(height).toBeGreaterThanOrEqual(24);
    expect(text).not.toMatch(/↩/);
  });
});

describe('search results', () => {
  it('show each excerpt once, say where they are cut, and offer no filter that cannot narrow one essay', async () => {
    const page = await open('/search/?q=soviets');
    await expect.poll(() => page.locator('main .search-result').count()).toBe(1);
    const excerpts = await page.locator('main .search-result p:not(.search-meta)').allTextContents();
    expect(excerpts.length).toBeGreaterThan(1);
    expect(new Set(excerpts).size).toBe(excerpts.length);
    for (const text of excerpts) expect(text, text).toMatch(/[.?!…][’”"')\]]?$/u);
    expect(await page.locator('main .search-filters').isVisible()).toBe(false);
  });
});

describe('arriving from search', () => {
  it('keeps the section’s heading in view, steps through the matches and clears them with Escape', async () => {
    const page = await open(`${ESSAY}?highlight=soviets#the-legitimacy-of-the-soviets`, { viewport: { width: 1280, height: 800 } });
    const status = page.locator('.search-highlight-bar [role="status"]');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ of \d+$/);
    const [at, of] = (await status.textContent())!.split(' of ').map(Number);
    expect(of).toBeGreaterThan(2);
    const heading = await page.locator('#the-legitimacy-of-the-soviets').evaluate((h) => h.getBoundingClientRect().top);
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(heading).toBeLessThan(800);
    await page.getByRole('button', { name: 'Next match' }).click();
    expect(await status.textContent()).toBe(`${at! + 1} of ${of}`);
    await page.getByRole('button', { name: 'Previous match' }).click();
    expect(await status.textContent()).toBe(`${at} of ${of}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('mark.search-highlight').count()).toBe(0);
  });
});
