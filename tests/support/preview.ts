import type { Locator, Page } from 'playwright-core';

/** The one popover that previews citations, notes and cross-references. */
export const preview = (page: Page): Locator => page.locator('#citation-preview');

/** Whether the preview is open (false while it does not exist yet: it is made on first use). */
export const isOpen = (page: Page): Promise<boolean> =>
  preview(page)
    .evaluate((el) => el.matches(':popover-open'))
    .catch(() => false);

/** Whether `target` has the keyboard focus. */
export const hasFocus = (target: Locator): Promise<boolean> => target.evaluate((el) => el === document.activeElement);

/**
 * Moves the focus to the start of the essay's first paragraph, then presses Tab
 * until `target` has it, as a keyboard reader would (at most `presses` times).
 */
export async function tabTo(page: Page, target: Locator, presses = 10): Promise<void> {
  await page
    .locator('.essay-body p')
    .first()
    .evaluate((p) => {
      p.tabIndex = -1;
      p.focus();
    });
  for (let i = 0; i < presses && !(await hasFocus(target)); i++) await page.keyboard.press('Tab');
}
