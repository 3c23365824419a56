import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';
import { hasFocus, isOpen, preview, tabTo } from '../support/preview.ts';

/**
 * Sidenotes and note previews (issue 14, parts 1 and 2), in Chromium, on two
 * essays: tests/fixtures/sites/scholarly (a short note, a note with a
 * citation, and a long note one line below it) and scholarly-notes (Chicago
 * notes: citation notes numbered with the author's own).
 */
let dir = '';
beforeAll(() => {
  const site = makeFixtureSite(
    'sidenotes-e2e',
    { scholarly: path.join(fixtures, 'sites/scholarly'), notes: path.join(fixtures, 'sites/scholarly-notes') },
    { copySource: true },
  );
  const { status, output } = buildSite(site);
  expect(status, output).toBe(0);
  dir = path.join(site, 'dist');
}, 180_000);

const site = useBuiltSite(() => dir);
const ESSAYS = ['/essays/scholarly/', '/essays/notes/'];

async function open(essay: string, width: number, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await site.newPage({ viewport: { width, height: 900 }, ...options });
  // Until the previews' script has its words (it fetches them first): a hover before it is ready opens nothing.
  await page.goto(`${site.server.url}${essay}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Every note as the reader finds it: where it is shown, its reference, and the boxes it must not overlap. */
function notesOnPage(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
    };
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    // A note referred to twice stands beside its first reference.
    const refs = [...document.querySelectorAll<HTMLAnchorElement>('.essay-body a[data-footnote-ref]')].filter(
      (ref, i, all) => all.findIndex((other) => other.hash === ref.hash) === i,
    );
    const notes = refs.map((ref) => {
      const note = document.getElementById(decodeURIComponent(ref.hash.slice(1)))!;
      return {
        id: decodeURIComponent(ref.hash.slice(1)),
        ref: box(ref),
        note: box(note),
        shown: shown(note),
        kind: note.classList.contains('sidenote-margin') ? 'margin' : note.classList.contains('sidenote-inline') ? 'inline' : 'footnote',
        /** Whether the note (as shown) directly follows the block that holds its reference. */
        afterItsBlock: (() => {
          let block: Element = ref;
          while (block.parentElement && !block.parentElement.classList.contains('essay-body')) block = block.parentElement;
          let next = block.nextElementSibling;
          while (next && next !== note && next.classList.contains('sidenote')) next = next.nextElementSibling;
          return next === note;
        })(),
      };
    });
    const toc = document.querySelector('.essay > .toc');
    return {
      notes,
      line: parseFloat(getComputedStyle(document.querySelector('.essay-body')!).lineHeight),
      width: innerWidth,
      body: box(document.querySelector('.essay-body')!),
      title: box(document.querySelector('h1')!),
      section: shown(document.querySelector('section[data-footnotes]')!),
      copiesShown: [...document.querySelectorAll('.sidenote')].filter(shown).length,
      toc: toc && shown(toc) ? box(toc) : null,
      blocks: [...document.querySelectorAll('.essay-body figure, .essay-body table, .essay-body .equation')].map(box),
    };
  });
}

const overlap = (a: Rect, b: Rect) => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;

/** The links that Tab stops at, in order, from the top of the page: ids, or the `href` of links without one. */
async function focusStops(page: Page): Promise<string[]> {
  const stops: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // Round to the top again: every stop has been seen.
      if (!el || el === document.body || 'seen' in el.dataset) return null;
      el.dataset.seen = '';
      const r = el.getBoundingClientRect();
      const visible = r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth;
      const name = el.id || `${el.getAttribute('href') ?? el.tagName}${el.closest('.sidenote') ? ' (sidenote)' : ''}`;
      return `${visible ? '' : 'HIDDEN '}${name}`;
    });
    if (stop === null) break;
    stops.push(stop);
  }
  return stops;
}

describe('sidenotes on wide screens', () => {
  for (const width of [1440, 1024]) {
    for (const essay of ESSAYS) {
      it(`stand each note beside the text at ${width} px on ${essay}, none overlapping another, a figure or the contents`, async () => {
        const page = await open(essay, width);
        const g = await notesOnPage(page);
        expect(g.section, 'the notes section gives way to the sidenotes').toBe(false);
        expect(g.copiesShown).toBe(g.notes.length);
        // The text keeps its left edge: the title's.
        expect(Math.abs(g.body.left - g.title.left)).toBeLessThanOrEqual(2);
        const margin = g.notes.filter((n) => n.kind === 'margin');
        expect(margin.length, 'some notes stand in the margin').toBeGreaterThan(0);
        for (const n of g.notes) {
          expect(n.shown, n.id).toBe(true);
          expect(n.kind, n.id).not.toBe('footnote');
          if (n.kind === 'inline') expect(n.afterItsBlock, `${n.id} is set under its own paragraph`).toBe(true);
        }
        margin.forEach((n, i) => {
          expect(n.note.left, `${n.id} stands right of the text`).toBeGreaterThanOrEqual(g.body.right);
          expect(n.note.right, `${n.id} is on the screen`).toBeLessThanOrEqual(g.width);
          for (const other of margin.slice(i + 1)) expect(overlap(n.note, other.note), `${n.id} and ${other.id}`).toBe(false);
          for (const block of g.blocks) expect(overlap(n.note, block), `${n.id} and a figure`).toBe(false);
          if (g.toc) expect(overlap(n.note, g.toc), `${n.id} and the contents`).toBe(false);
          // Level with its reference, unless what stands above it (a note, the contents) left no room.
          const above = [...margin.slice(0, i).map((m) => m.note.bottom), g.toc?.bottom ?? -Infinity].filter((b) => b > n.ref.top - g.line);
          expect(n.note.top, `${n.id} is never above its reference`).toBeGreaterThanOrEqual(n.ref.top - g.line);
          if (above.length === 0) expect(n.note.top - n.ref.top, `${n.id} is level with its reference`).toBeLessThanOrEqual(g.line);
          else expect(n.note.top - Math.max(...above), `${n.id} is moved down no further than it must`).toBeLessThanOrEqual(g.line);
        });
      });
    }
  }

  it('sets a long note close after another under its paragraph, and the short ones beside their references', async () => {
    const page = await open('/essays/scholarly/', 1440);
    const kinds = Object.fromEntries((await notesOnPage(page)).notes.map((n) => [n.id, n.kind]));
    expect(kinds).toEqual({ 'user-content-fn-capital': 'margin', 'user-content-fn-garrison': 'margin', 'user-content-fn-july': 'inline' });
    // Planned from one measurement with every note in the margin (src/lib/sidenote-plan.ts), and the page, measured
    // again, agreed: the note set in the text moved what follows it by the height the plan gave it.
    expect(await page.locator('.essay-body').getAttribute('data-sidenotes')).toBe('planned');
  });

  it('makes citation notes sidenotes too in a note style, and citations inside notes preview their entries', async () => {
    const page = await open('/essays/notes/', 1440);
    const notes = (await notesOnPage(page)).notes;
    expect(notes.map((n) => n.id)).toEqual([
      'user-content-fn-cite-1',
      'user-content-fn-orders',
      'user-content-fn-cite-3',
      'user-content-fn-cadets',
    ]);
    expect(notes[0]!.kind).toBe('margin');
    const citation = page.locator('.sidenote-margin .citation a').first();
    await citation.hover();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await preview(page).textContent()).toContain('Rabinowitch, A. The Bolsheviks Come to Power');
  });

  it('links each reference and its sidenote both ways', async () => {
    const page = await open('/essays/scholarly/', 1440);
    await page.locator('a[data-footnote-ref][href="#user-content-fn-garrison"]').click();
    await page.waitForURL(/#user-content-fn-garrison$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.className)).toContain('sidenote');
    await page.locator('.sidenote a[data-footnote-backref]').nth(1).click();
    await page.waitForURL(/#user-content-fnref-garrison$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.hasAttribute('data-footnote-ref'))).toBe(true);
    // The bibliography's way back to a citation in a note lands in the sidenote.
    await page.locator('#bib-rabinowitch2008 .backlinks a').click();
    await page.waitForURL(/#cite-rabinowitch2008-1$/);
    expect(await page.evaluate(() => !!document.querySelector(':target')?.closest('.sidenote-margin'))).toBe(true);
  });

  it('opens a link to a note at its sidenote, marked', async () => {
    const page = await site.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${site.server.url}/essays/scholarly/#user-content-fn-garrison`);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const target = document.querySelector(':target');
          const r = target?.getBoundingClientRect();
          return { sidenote: target?.classList.contains('sidenote-margin'), inView: !!r && r.top >= 0 && r.bottom <= innerHeight };
        }),
      )
      .toEqual({ sidenote: true, inView: true });
  });

  it('leave the contents beside the text as the reader goes, stepping aside while a note passes them', async () => {
    // Reduced motion: no fade, so what is shown is what the script decided.
    const page = await open('/essays/scholarly/', 1280, { reducedMotion: 'reduce' });
    const states = await page.evaluate(async () => {
      const toc = document.querySelector('.essay > .toc')!;
      const notes = [...document.querySelectorAll('.sidenote-margin')];
      const seen = [];
      for (let y = 0; y <= document.documentElement.scrollHeight - innerHeight; y += 40) {
        scrollTo({ top: y, behavior: 'instant' });
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const box = toc.getBoundingClientRect();
        seen.push({
          y,
          inView: box.top >= 0 && box.bottom <= innerHeight,
          shown: getComputedStyle(toc).opacity !== '0',
          covered: notes.some((note) => {
            const r = note.getBoundingClientRect();
            return r.top < box.bottom && box.top < r.bottom;
          }),
        });
      }
      return seen;
    });
    for (const { y, shown, covered } of states) expect(shown, `at ${y} px, shown exactly when no note is beside them`).toBe(!covered);
    expect(states.some((s) => s.covered)).toBe(true);
    // Far below where they start, the contents are still in view wherever no note is.
    expect(states.filter((s) => s.y > 900 && s.inView && s.shown).length).toBeGreaterThan(0);
    expect(states.every((s) => s.inView)).toBe(true);
  });

  it('keep the contents shown over a note while the keyboard is in them', async () => {
    const page = await open('/essays/scholarly/', 1280, { reducedMotion: 'reduce' });
    // Scroll until a note is beside the contents, then Tab into them.
    const y = await page.evaluate(async () => {
      const toc = document.querySelector('.essay > .toc')!;
      for (let top = 0; top < document.documentElement.scrollHeight; top += 20) {
        scrollTo({ top, behavior: 'instant' });
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        if (toc.classList.contains('is-covered')) return top;
      }
      return -1;
    });
    expect(y).toBeGreaterThan(0);
    // To the first entry by keyboard, from the contents' summary (in the sticky box, so nothing scrolls).
    await page.evaluate(() => document.querySelector<HTMLElement>('.essay > .toc summary')!.focus({ preventScroll: true }));
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const toc = document.querySelector('.essay > .toc')!;
      return {
        inContents: toc.contains(document.activeElement),
        covered: toc.classList.contains('is-covered'),
        shown: getComputedStyle(toc).opacity !== '0',
      };
    });
    expect(state).toEqual({ inContents: true, covered: true, shown: true });
  });

  it('leave the hidden notes section out of the contents, which marks the section being read', async () => {
    const page = await open('/essays/scholarly/', 1280);
    const contents = () =>
      page.evaluate(() => ({
        notesEntry: (document.querySelector('nav.toc a[href="#footnote-label"]') as HTMLElement | null)?.offsetParent !== null,
        current: document.querySelector('nav.toc a[aria-current]')?.getAttribute('href') ?? null,
      }));
    // At the top, before any section's heading reaches the reading line, no section is marked; the notes' never is.
    expect(await contents()).toEqual({ notesEntry: false, current: null });
    await page.locator('#sec-capital').evaluate((h) => scrollTo(0, h.getBoundingClientRect().top + scrollY - 100));
    await expect.poll(async () => (await contents()).current).toBe('#sec-capital');
  });

  it('follows the window: footnotes when it narrows, sidenotes again when it widens', async () => {
    const page = await open('/essays/scholarly/', 1440);
    await page.setViewportSize({ width: 700, height: 900 });
    await expect.poll(async () => (await notesOnPage(page)).section).toBe(true);
    // The stylesheet shows the notes section at once; the script gives the notes back their ids on its media
    // query's change event, a moment later: wait for it, never longer than the poll's bound.
    await expect.poll(async () => (await notesOnPage(page)).notes.every((n) => n.kind === 'footnote' && n.shown)).toBe(true);
    let g = await notesOnPage(page);
    expect(g.copiesShown).toBe(0);
    expect(g.notes.every((n) => n.kind === 'footnote' && n.shown)).toBe(true);
    await page.setViewportSize({ width: 1300, height: 900 });
    await expect.poll(async () => (await notesOnPage(page)).section).toBe(false);
    g = await notesOnPage(page);
    expect(g.notes.filter((n) => n.kind === 'margin').length).toBeGreaterThan(0);
  });
});

describe('notes as footnotes', () => {
  for (const width of [768, 390]) {
    it(`are ordinary footnotes at ${width} px`, async () => {
      const page = await open('/essays/scholarly/', width);
      const g = await notesOnPage(page);
      expect(g.section).toBe(true);
      expect(g.copiesShown).toBe(0);
      for (const n of g.notes) expect({ id: n.id, kind: n.kind, shown: n.shown }).toEqual({ id: n.id, kind: 'footnote', shown: true });
    });
  }

  it('are ordinary footnotes in print', async () => {
    const page = await open('/essays/scholarly/', 1440);
    await page.emulateMedia({ media: 'print' });
    const g = await notesOnPage(page);
    expect(g.section).toBe(true);
    expect(g.copiesShown).toBe(0);
    const items = await page.locator('section[data-footnotes] li').evaluateAll((lis) => lis.map((li) => li.getClientRects().length > 0));
    expect(items).toEqual([true, true, true]);
  });

  it('read without JavaScript at every width', async () => {
    for (const width of [1440, 390]) {
      const page = await open('/essays/scholarly/', width, { javaScriptEnabled: false });
      const g = await notesOnPage(page);
      expect(g.section).toBe(true);
      expect(g.copiesShown).toBe(0);
      expect(await page.locator('section[data-footnotes] li').allTextContents()).toEqual([
        expect.stringContaining('A short note.'),
        expect.stringContaining('Rabinowitch (2008, 35)'),
        expect.stringContaining('A long note beside the short one'),
      ]);
    }
  });
});

describe('the keyboard', () => {
  for (const width of [1440, 1024, 768, 390]) {
    it(`reaches every note once, in reading order, at ${width} px`, async () => {
      const page = await open('/essays/scholarly/', width);
      const stops = await focusStops(page);
      expect(
        stops.filter((s) => s.startsWith('HIDDEN ')),
        'no focus stop out of sight',
      ).toEqual([]);
      const apparatus = stops.filter((s) => s.startsWith('user-content-fnref-') || s.startsWith('#user-content-fnref-'));
      const wide = width >= 1024;
      // Wide: each note right after its paragraph (refs 2 and 3 share one); narrow: the notes section after the text.
      expect(apparatus).toEqual(
        wide
          ? [
              'user-content-fnref-capital',
              '#user-content-fnref-capital (sidenote)',
              'user-content-fnref-garrison',
              'user-content-fnref-july',
              '#user-content-fnref-garrison (sidenote)',
              '#user-content-fnref-july (sidenote)',
            ]
          : [
              'user-content-fnref-capital',
              'user-content-fnref-garrison',
              'user-content-fnref-july',
              '#user-content-fnref-capital',
              '#user-content-fnref-garrison',
              '#user-content-fnref-july',
            ],
      );
    });
  }
});

describe('note previews', () => {
  const ref = (page: Page, name: string) => page.locator(`a[data-footnote-ref][href="#user-content-fn-${name}"]`);

  it('open on hover with the note, and close with Escape', async () => {
    const page = await open('/essays/scholarly/', 768);
    await ref(page, 'garrison').hover();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await preview(page).textContent()).toContain('The garrison’s part is told by Rabinowitch (2008, 35)');
    expect(await preview(page).getAttribute('role')).toBe('tooltip');
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
  });

  it('open when the reference is reached with Tab, describe it, and leave focus on it', async () => {
    const page = await open('/essays/scholarly/', 390);
    const link = ref(page, 'capital');
    await tabTo(page, link);
    expect(await hasFocus(link)).toBe(true);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await preview(page).textContent()).toContain('A short note.');
    expect(await link.getAttribute('aria-describedby')).toBe('citation-preview');
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await hasFocus(link), 'focus stays on the reference').toBe(true);
    expect(await link.getAttribute('aria-describedby'), 'the reference is described by the notes heading again').toBe('footnote-label');
  });

  it('open on a tap on a 320 px touch screen, stay on screen, and lead to the note', async () => {
    const page = await open('/essays/scholarly/', 320, { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    const link = ref(page, 'july');
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(page.url(), 'the first tap previews instead of leaving').not.toContain('#user-content-fn-');
    const box = (await preview(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    expect(await preview(page).textContent()).toContain('A long note beside the short one');
    // The preview's link goes to the note; a tap elsewhere closes it (light dismiss).
    await preview(page).getByRole('link', { name: 'Go to the note' }).tap();
    await page.waitForURL(/#user-content-fn-july$/);
    const again = await open('/essays/scholarly/', 320, { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    await ref(again, 'july').scrollIntoViewIfNeeded();
    await ref(again, 'july').tap();
    await expect.poll(() => isOpen(again)).toBe(true);
    const shown = (await preview(again).boundingBox())!;
    await again.touchscreen.tap(4, shown.y > 60 ? shown.y - 30 : shown.y + shown.height + 30);
    await expect.poll(() => isOpen(again)).toBe(false);
  });

  it('open for a second reference to a note that stands beside its first', async () => {
    const page = await open('/essays/notes/', 1440);
    const refs = page.locator('a[data-footnote-ref][href="#user-content-fn-cadets"]');
    expect(await refs.count()).toBe(2);
    expect(await page.locator('#user-content-fn-cadets').getAttribute('class')).toContain('sidenote-margin');
    await refs.nth(1).hover();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await preview(page).textContent()).toContain('The cadets held the Winter Palace');
    await refs.nth(0).hover();
    await expect.poll(() => isOpen(page)).toBe(false);
  });

  it('do not open where the note stands beside its reference, but do for a note set under its paragraph', async () => {
    const page = await open('/essays/scholarly/', 1440);
    // The long note is under its paragraph: its reference previews it.
    await ref(page, 'july').hover();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await preview(page).textContent()).toContain('A long note');
    // The short note stands beside its reference: hovering there shows no preview (and the last one closes).
    await ref(page, 'garrison').hover();
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await preview(page).textContent()).not.toContain('The garrison');
  });
});

describe('axe-core (WCAG 2.2 AA and best practices)', () => {
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const violations = async (page: Page) =>
    (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violations with sidenotes shown and with a note preview open (${colorScheme})`, async () => {
      for (const essay of ESSAYS) {
        const page = await open(essay, 1440, { colorScheme });
        expect(await violations(page), essay).toEqual([]);
        await page.setViewportSize({ width: 390, height: 900 });
        const ref = page.locator('a[data-footnote-ref]').first();
        await ref.focus();
        await expect.poll(() => page.locator('#citation-preview').isVisible()).toBe(true);
        expect(await violations(page), `${essay}, preview open`).toEqual([]);
      }
    });
  }
});
