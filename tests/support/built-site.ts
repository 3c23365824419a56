import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';
import { dist } from './paths.ts';
import { type StaticServer, serve } from './server.ts';

export interface BuiltSite {
  server: StaticServer;
  browser: Browser;
}

/**
 * For a browser test file: serves a built site on loopback and starts Chromium
 * before its tests, and stops both after them. Read the fields inside tests.
 */
export function useBuiltSite(dir: string | (() => string) = dist): BuiltSite {
  const site = {} as BuiltSite;
  beforeAll(async () => {
    site.server = await serve(typeof dir === 'function' ? dir() : dir);
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
