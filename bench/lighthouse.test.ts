import { describe, expect, it } from 'vitest';
import { runLighthouse } from './lib/lighthouse.ts';
import { dist } from '../tests/support/paths.ts';

/**
 * Lighthouse's accessibility, best-practices and SEO audits score 100 on the
 * main pages. Performance depends on the machine: `npm run bench:lighthouse`
 * records it in bench/LIGHTHOUSE.md instead of asserting it.
 */
describe('Lighthouse (mobile)', () => {
  it('scores 100 for accessibility, best practices and SEO on the home, essay and search pages', { timeout: 300_000 }, async () => {
    const scores = await runLighthouse(dist, ['/', '/essays/october-revolution/', '/search/']);
    for (const { page, accessibility, bestPractices, seo } of scores) {
      expect({ page, accessibility, bestPractices, seo }).toEqual({ page, accessibility: 100, bestPractices: 100, seo: 100 });
    }
  });
});
