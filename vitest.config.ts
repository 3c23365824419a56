import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Browser tests and fixture builds are heavy; two cores do not gain from more.
    maxWorkers: 2,
    // Generous: fixture builds and Lighthouse take seconds alone, minutes on a busy machine.
    testTimeout: 180_000,
    // Polls wait for the browser, not for a deadline: a loaded machine is slower, not wrong.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
});
