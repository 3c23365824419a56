import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cardCacheDir, renderCard } from '../../src/lib/cards.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47];

/** The cache's files; none before the first card is drawn on a fresh clone. */
const cached = () => (existsSync(cardCacheDir()) ? readdirSync(cardCacheDir()) : []);

describe('link-preview cards', () => {
  it('are drawn once and then found in the cache by later builds', async () => {
    // A title no other test or build draws.
    const card = { title: `A card of ${process.pid} at ${Date.now()}`, context: 'An essay', footer: 'Essays', lang: 'en' };
    const before = new Set(cached());
    const drawn = await renderCard(card, 'a test');
    expect([...drawn.slice(0, 4)]).toEqual(PNG);
    const added = cached().filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    const file = path.join(cardCacheDir(), added[0]!);
    expect(readFileSync(file).equals(drawn)).toBe(true);
    // Replaced behind its back: what comes back is what the cache holds, so nothing was drawn.
    const marked = Buffer.from([...PNG, 1, 2, 3]);
    writeFileSync(file, marked);
    expect(Buffer.from(await renderCard(card, 'a test')).equals(marked)).toBe(true);
    rmSync(file);
  });

  it('warn of characters the font lacks, naming the page, whether drawn or found in the cache', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const card = { title: `漢字 ${process.pid} ${Date.now()}`, footer: 'Essays', lang: 'en' };
    const before = new Set(cached());
    try {
      await renderCard(card, 'essays/x/index.md');
      await renderCard(card, 'essays/y/index.md');
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/^essays\/x\/index\.md: the card font has no glyph for “漢字”/);
      expect(warnings[1]).toMatch(/^essays\/y\/index\.md: .*漢字/);
    } finally {
      warn.mockRestore();
      for (const name of cached().filter((name) => !before.has(name))) rmSync(path.join(cardCacheDir(), name));
    }
  });
});
