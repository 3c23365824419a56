import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { hasFocus, isOpen, preview, tabTo } from '../support/preview.ts';

const site = useBuiltSite();

async function essay(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await site.newPage(options);
  // Until the previews' script has its words (it fetches them first): a hover before it is ready opens nothing.
  await page.goto(`${site.server.url}/essays/october-revolution/`, { waitUntil: 'networkidle' });
  return page;
}

describe('citation previews', () => {
  it('opens on mouse hover with the full entry, and closes with Escape', async () => {
    const page = await essay();
    await page.getByRole('link', { name: 'Figes 1996' }).hover();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await preview(page).textContent()).toContain('Figes, O. 1996. A People’s Tragedy. London: Jonathan Cape.');
    expect(await preview(page).getAttribute('role')).toBe('tooltip');
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
  });

  it('opens when the citation is reached with Tab, describes it, and leaves focus on it', async () => {
    const page = await essay();
    const link = page.getByRole('link', { name: 'Pipes 1968' });
    await tabTo(page, link);
    expect(await hasFocus(link)).toBe(true);
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await preview(page).textContent()).toContain('Pipes, R., ed. 1968. Revolutionary Russia.');
    expect(await link.getAttribute('aria-describedby')).toBe('citation-preview');
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await hasFocus(link), 'focus stays on the citation').toBe(true);
  });

  it('closes as soon as the keyboard leaves the citation, so that Tab never lands in it', async () => {
    const page = await essay();
    const link = page.getByRole('link', { name: 'Pipes 1968' });
    await tabTo(page, link);
    await expect.poll(() => isOpen(page)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await hasFocus(link)).toBe(false);
    expect(await isOpen(page), 'closed with the focus gone, not some time after').toBe(false);
  });

  it('previews each work of a group on its own', async () => {
    const page = await essay();
    await page.getByRole('link', { name: 'Pipes 1968' }).hover();
    await expect.poll(() => preview(page).textContent()).toContain('Revolutionary Russia');
    await page.getByRole('link', { name: 'Figes 1996' }).hover();
    await expect.poll(() => preview(page).textContent()).toContain('A People’s Tragedy');
    expect(await preview(page).textContent()).not.toContain('Revolutionary Russia');
  });

  it('opens on a tap on a 320 px touch screen and stays on screen', async () => {
    const page = await essay({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    const link = page.getByRole('link', { name: '2008' });
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(page.url(), 'the first tap previews instead of leaving').not.toContain('#bib-');
    const box = await preview(page).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    await preview(page).getByRole('link', { name: 'Go to the bibliography entry' }).tap();
    await page.waitForURL(/#bib-rabinowitch2008$/);
  });
});

describe('backlinks', () => {
  it('go from a citation to its entry and back to the same citation', async () => {
    const page = await essay();
    await page.getByRole('link', { name: '1977' }).click();
    await page.waitForURL(/#bib-trotsky1977$/);
    const back = page.locator('#bib-trotsky1977 .backlinks a');
    expect(await back.getAttribute('aria-label')).toBe('Back to citation 1, in ‘Aftermath of the July Days’');
    await back.click();
    await page.waitForURL(/#cite-trotsky1977-1$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe('1977');
  });
});
