import { defineConfig } from 'vitest/config';

/**
 * Three tiers, as Starlight keeps them: `unit` renders Markdown through the
 * plugins with no build (seconds); `build` builds the site and fixture sites and
 * reads their output; `e2e` drives Debian's Chromium over the built site.
 * `npm test` runs them in that order (package.json), so a broken plugin fails
 * before anything is built.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Browser tests and fixture builds are heavy; two cores do not gain from more.
    maxWorkers: 2,
    // Generous: fixture builds take seconds alone, minutes on a busy machine.
    testTimeout: 180_000,
    // Polls wait for the browser, not for a deadline: a loaded machine is slower, not wrong.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] } },
    ],
  },
});
