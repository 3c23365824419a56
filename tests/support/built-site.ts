import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';
import { dist } from './paths.ts';
import { type ServeOptions, type StaticServer, serve } from './server.ts';

export interface BuiltSite {
  server: StaticServer;
  browser: Browser;
  /** A fresh browser context, closed after the test that opened it. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context, closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * For a browser test file: serves a built site on loopback and starts Chromium
 * before its tests, closes each test's browser contexts after it, and stops
 * both after them. Read the fields inside tests.
 */
export function useBuiltSite(dir: string | (() => string) = dist, options: ServeOptions = {}): BuiltSite {
  const open: BrowserContext[] = [];
  const site = {
    async newContext(options?: BrowserContextOptions) {
      const context = await site.browser.newContext(options);
      open.push(context);
      return context;
    },
    async newPage(options?: BrowserContextOptions) {
      return (await site.newContext(options)).newPage();
    },
  } as BuiltSite;
  beforeAll(async () => {
    site.server = await serve(typeof dir === 'function' ? dir() : dir, options);
    site.browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
