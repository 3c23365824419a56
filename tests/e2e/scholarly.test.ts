import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';

/** The essay with figures, tables, equations and cross-references (tests/fixtures/sites/scholarly), in Chromium. */
let dir = '';
beforeAll(() => {
  // Its own copy of src/, so that the layout's stylesheet is built (tests/support/fixture-site.ts): the wide blocks' test reads the layout.
  const site = makeFixtureSite(
    'scholarly-e2e',
    {
      scholarly: path.join(fixtures, 'sites/scholarly'),
      print: path.join(fixtures, 'sites/print'),
      'wide-formula': path.join(fixtures, 'sites/wide-formula'),
      photos: path.join(fixtures, 'sites/photos'),
      meiji: path.join(fixtures, 'sites/japanese'),
      xinhai: path.join(fixtures, 'sites/chinese-traditional'),
    },
    { copySource: true },
  );
  const { status, output } = buildSite(site);
  expect(status, output).toBe(0);
  dir = path.join(site, 'dist');
}, 180_000);

const site = useBuiltSite(() => dir);
const ESSAY = '/essays/scholarly/';

declare global {
  interface Window {
    violations: string[];
  }
}

describe('formulas in Chromium', () => {
  it('are drawn natively, each display equation with its number at its right, with nothing the CSP blocks', async () => {
    const context = await site.newContext();
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${ESSAY}`);
    await page.evaluate(() => document.fonts.ready);
    const geometry = await page.evaluate(() =>
      [...document.querySelectorAll('.equation[id]')].map((equation) => {
        const math = equation.querySelector('math')!.getBoundingClientRect();
        const number = equation.querySelector('.equation-number')!.getBoundingClientRect();
        const body = document.querySelector('.essay-body')!.getBoundingClientRect();
        return {
          display: getComputedStyle(equation.querySelector('math')!).display,
          mathWidth: math.width,
          mathHeight: math.height,
          numberRightOfMath: number.left >= math.right,
          numberAtRight: Math.abs(number.right - body.right) <= 1,
          sameLine: number.top < math.bottom && number.bottom > math.top,
        };
      }),
    );
    expect(geometry).toHaveLength(2);
    for (const g of geometry) {
      // MathML Core layout: a block math box of its own size (an unsupported <math> would be an inline run of text).
      expect(g.display).toBe('block math');
      expect(g.mathWidth).toBeGreaterThan(20);
      expect(g.mathHeight).toBeGreaterThan(10);
      expect(g).toMatchObject({ numberRightOfMath: true, numberAtRight: true, sameLine: true });
    }
    // A fraction is drawn as one: its numerator above its denominator.
    const fraction = await page.evaluate(() => {
      const [top, bottom] = [...document.querySelector('#eq-majority mfrac')!.children].map((c) => c.getBoundingClientRect());
      return { stacked: top!.bottom <= bottom!.top + 1 };
    });
    expect(fraction.stacked).toBe(true);
    expect(await page.evaluate(() => window.violations)).toEqual([]);
  });

  it('follows a cross-reference to its figure', async () => {
    const page = await site.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`${site.server.url}${ESSAY}#sec-country`);
    await page.locator('a.crossref[href="#fig-petrograd"]').first().click();
    await page.waitForURL(/#fig-petrograd$/);
    await expect
      .poll(() =>
        page.locator('#fig-petrograd').evaluate((el) => {
          const { top } = el.getBoundingClientRect();
          return top > -1 && top < innerHeight;
        }),
      )
      .toBe(true);
  });

  it('keeps a figure’s image within the screen, so that a portrait one is seen whole with its caption', async () => {
    const page = await site.newPage({ viewport: { width: 1000, height: 500 } });
    await page.goto(`${site.server.url}${ESSAY}`);
    const image = await page.locator('#fig-petrograd img').evaluate((img) => ({
      maxHeight: getComputedStyle(img).maxHeight,
      height: img.getBoundingClientRect().height,
      limit: innerHeight * 0.85,
    }));
    expect(parseFloat(image.maxHeight)).toBeCloseTo(image.limit, 0);
    expect(image.height).toBeLessThanOrEqual(image.limit + 1);
  });
});

describe('photographs in Chromium', () => {
  for (const [width, scale, shown] of [
    [390, 2, 350],
    [1280, 1, 627],
  ] as const) {
    it(`fetch, at ${width} px on a screen of ${scale}× density, the smallest width that is sharp in the column, never the original`, async () => {
      const page = await site.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: scale });
      await page.goto(`${site.server.url}/essays/photos/`);
      const image = await page.locator('#fig-harbour img').evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        const candidates = img.srcset.split(', ').map((c) => c.split(' ') as [string, string]);
        return {
          shown: Math.round(img.getBoundingClientRect().width),
          fetched: parseInt(candidates.find(([url]) => img.currentSrc.endsWith(url))![1]),
          widths: candidates.map(([, w]) => parseInt(w)),
        };
      });
      expect(image.shown).toBe(shown);
      expect(image.fetched).toBe(image.widths.find((w) => w >= shown * scale));
    });
  }

  it('set a diagram drawn on a transparent ground on a light ground in the dark theme, and on none in the light', async () => {
    const ground = async (colorScheme: 'light' | 'dark') => {
      const page = await site.newPage({ colorScheme });
      await page.goto(`${site.server.url}${ESSAY}`);
      return page.locator('#fig-petrograd img').evaluate((img) => getComputedStyle(img).backgroundColor);
    };
    expect(await ground('dark')).toBe('rgb(235, 230, 220)');
    expect(await ground('light')).toBe('rgba(0, 0, 0, 0)');
  });

  it('set an opaque photograph on no ground in the dark theme, so that it shows no light box while it loads', async () => {
    const page = await site.newPage({ colorScheme: 'dark' });
    await page.goto(`${site.server.url}/essays/photos/`);
    const ground = (alt: string) => page.locator(`.essay-body img[alt="${alt}"]`).evaluate((img) => getComputedStyle(img).backgroundColor);
    expect(await ground('The quay from the north')).toBe('rgba(0, 0, 0, 0)');
    expect(await ground("the town's stamp")).toBe('rgb(235, 230, 220)');
  });
});

describe('emphasis in Chinese and Japanese', () => {
  it('marks each character, as those languages do, where Latin text is slanted', async () => {
    const page = await site.newPage();
    const emphasis = async (sitePath: string) => {
      await page.goto(`${site.server.url}${sitePath}`);
      return page
        .locator('.essay-body em')
        .first()
        .evaluate((em) => {
          const style = getComputedStyle(em);
          return { style: style.fontStyle, marks: style.textEmphasisStyle, position: style.textEmphasisPosition };
        });
    };
    expect(await emphasis('/essays/meiji/')).toEqual({ style: 'normal', marks: 'sesame', position: 'over' });
    expect(await emphasis('/essays/xinhai/')).toEqual({ style: 'normal', marks: 'dot', position: 'under' });
    expect(await emphasis(ESSAY)).toMatchObject({ style: 'italic', marks: 'none' });
  });
});

describe('wide tables, code, long addresses and long words in Chromium', () => {
  for (const width of [390, 1280]) {
    it(`scroll inside themselves at ${width} px, never the page, and scroll by keyboard`, async () => {
      const page = await site.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.server.url}${ESSAY}`);
      await page.evaluate(() => document.fonts.ready);
      const page_ = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(page_.scrollWidth).toBeLessThanOrEqual(page_.clientWidth);

      const blocks = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.essay-body pre, .essay-body .table-scroll')].map((block) => ({
          tag: block.tagName,
          overflows: block.scrollWidth > block.clientWidth,
          withinText: block.getBoundingClientRect().right <= document.querySelector('.essay-body')!.getBoundingClientRect().right + 0.5,
          focusable: block.tabIndex === 0,
        })),
      );

      // The district table and the ledger are wider than the text at either width; each stays within it.
      expect(blocks.filter((b) => b.overflows).map((b) => b.tag)).toEqual(expect.arrayContaining(['DIV', 'PRE']));
      for (const block of blocks) expect(block).toMatchObject({ withinText: true, focusable: true });

      // The column of sentences reads a few words a line, not a word a line.
      const column = await page
        .locator('.essay-body td.prose-cell')
        .first()
        .evaluate((cell) => cell.getBoundingClientRect().width);
      expect(column).toBeGreaterThan(150);

      const ledger = page.locator('.essay-body pre').first();
      await ledger.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => ledger.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    });

    it(`scroll a formula in running text wider than the line inside itself at ${width} px, the others untouched`, async () => {
      const page = await site.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.server.url}/essays/wide-formula/`);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const formulas = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.essay-body p > math')].map((math) => {
          const box = math.getBoundingClientRect();
          const glyphs = math.querySelector('semantics > :first-child')!.getBoundingClientRect();
          return {
            tex: math.querySelector('annotation')!.textContent!.slice(0, 5),
            overflows: math.scrollWidth > math.clientWidth,
            withinText: box.right <= document.querySelector('.essay-body')!.getBoundingClientRect().right + 0.5,
            // Nothing of the formula is cut off above or below.
            glyphsInside: glyphs.top >= box.top && glyphs.bottom <= box.bottom,
          };
        }),
      );
      expect(formulas.map((f) => f.tex)).toEqual(['N = 7', '\\sum_', '\\frac']);
      expect(formulas.filter((f) => f.overflows).map((f) => f.tex)).toEqual(width === 390 ? ['\\sum_'] : []);
      for (const formula of formulas) expect(formula).toMatchObject({ withinText: true, glyphsInside: true });

      // The one that scrolls is a tab stop (src/scripts/wide-formulas.ts), and the keyboard scrolls it; the others are not.
      const stops = page.locator('.essay-body p > math[tabindex="0"]');
      await expect.poll(() => stops.count()).toBe(width === 390 ? 1 : 0);
      if (width === 390) {
        await stops.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => stops.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      }
      expect((await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze()).violations).toEqual([]);
    });
  }
});

describe('print', () => {
  it('writes a link’s address after it once, never after a link whose text is its address, and prints a closed <details> whole', async () => {
    const page = await site.newPage();
    await page.goto(`${site.server.url}/essays/print/`);
    await page.emulateMedia({ media: 'print' });
    const after = (name: string) => page.getByRole('link', { name }).evaluate((a) => getComputedStyle(a, '::after').content);
    expect(await after('catalogue')).toMatch(/^" <" attr\(href\) ">"$|https:\/\/example\.org\/catalogue\//);
    expect(await after('https://example.org/archive/')).toBe('none');
    expect(await after('example.org/list')).toBe('none');
    // A link whose text is another address than its target's prints where it goes.
    expect(await after('https://example.org/old')).not.toBe('none');
    expect(await page.getByText('The letters are in the second box').isVisible()).toBe(true);
  });
});
