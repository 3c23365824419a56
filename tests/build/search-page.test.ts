import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET, file, firstLoad } from '../support/first-load.ts';

describe('the search page', () => {
  it('keeps its first load within the essay page’s budget, Pagefind loading only when a search starts', () => {
    const sizes = firstLoad('/search/');
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const detail = [...sizes].map(([name, size]) => `${name}: ${size} B`).join('\n');
    expect(total, `first load ${total} B gzip:\n${detail}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    expect([...sizes.keys()].some((name) => name.startsWith('/pagefind/'))).toBe(false);
  });

  it('says without JavaScript that search needs it, and links to the essays', () => {
    const html = readFileSync(file('/search/'), 'utf8');
    expect(html).toMatch(/<noscript>[\s\S]*Search needs JavaScript[\s\S]*href="\/"[\s\S]*<\/noscript>/);
  });
});

describe('every page', () => {
  it.each(['/', '/404.html'])('%s keeps its first load within budget', (page) => {
    const total = [...firstLoad(page).values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });
});
