import { defineConfig } from 'vitest/config';

/**
 * `npm run bench:check`: the benchmark harness's own tests and the Lighthouse
 * audits, apart from `npm test` (they take minutes and Lighthouse is not a
 * dependency of the site). CI runs both.
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.test.ts'],
    exclude: ['bench/out/**'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    globalSetup: ['tests/global-setup.ts'],
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
