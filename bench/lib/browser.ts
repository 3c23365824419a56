import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Kind, serveAndLog, type Transfer } from './server.ts';

/** Debian's Chromium with the test suite's flags: one launcher for tests and benchmarks. */
export { launchChromium } from '../../tools/chromium.ts';

/** How a reader on an essay page gets to a search box, and what a loaded result looks like. */
export interface SearchUi {
  open(page: Page, base: string): Promise<void>;
  /** The text field to type in. */
  input: string;
  /** A result whose data has loaded (a link with its address). */
  result: string;
}

/**
 * This site: the header's search link opens a dialog whose results script
 * (src/scripts/search-ui.ts) and Pagefind load at that moment.
 */
export const OUR_SEARCH: SearchUi = {
  async open(page) {
    await page.locator('a.search-open').click();
    await page.locator('dialog.search-dialog input[type="search"]').waitFor();
  },
  input: 'dialog.search-dialog input[type="search"]',
  result: 'dialog.search-dialog .search-result > a[href]',
};

/** Starlight: the header's search button opens a dialog with Pagefind's default UI. */
export const STARLIGHT_SEARCH: SearchUi = {
  async open(page) {
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('#starlight__search input').waitFor();
  },
  input: '#starlight__search input',
  result: '#starlight__search a.pagefind-ui__result-link[href]',
};

export type Bytes = { total: number; requests: number } & Partial<Record<Kind, number>>;

export interface PageRecord {
  path: string;
  bytes: Bytes;
  /** Every response, in order. */
  transfers: Pick<Transfer, 'path' | 'kind' | 'bytes' | 'status'>[];
}

export interface QueryRecord {
  query: string;
  /** Number of pages Pagefind found. */
  results: number;
  /** Typing in the site's search UI on a fresh visit, until the first result shows: the UI's debounce included. */
  uiColdMs: number;
  /** Bytes from opening search on an essay page to the first results. */
  uiBytes: Bytes;
  uiTransfers: PageRecord['transfers'];
  /** Pagefind's own API on a fresh visit: search plus the data of the first five results. */
  apiColdMs: number;
  apiColdBytes: Bytes;
  /** The same, repeated once everything is loaded: median and all runs. */
  apiWarmMs: number;
  apiWarmRunsMs: number[];
}

export interface BrowserRecord {
  essayPage: PageRecord;
  search: QueryRecord[];
  errors: string[];
}

function sum(transfers: Transfer[]): Bytes {
  const bytes: Bytes = { total: 0, requests: transfers.length };
  for (const t of transfers) {
    bytes.total += t.bytes;
    bytes[t.kind] = (bytes[t.kind] ?? 0) + t.bytes;
  }
  return bytes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Serves `dist` and measures, each time in a fresh browser context (empty
 * cache): the essay page's first load, then for each query the site's search UI
 * and Pagefind's API, cold and warm.
 */
export async function measureInBrowser(
  browser: Browser,
  dist: string,
  options: { essayPath: string; ui: SearchUi; queries: string[]; warmRuns?: number },
): Promise<BrowserRecord> {
  const server = await serveAndLog(dist);
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const visit = async (path: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: script error: ${error.message}`));
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await networkQuiet();
    return page;
  };
  /**
   * Waits until the server has sent nothing for 1 s (at most 15 s), so that
   * what a page loads by itself once idle (Starlight loads its search UI then)
   * counts as the page's, however busy the machine.
   */
  const networkQuiet = async () => {
    const started = performance.now();
    let [count, since] = [server.log.length, performance.now()];
    while (performance.now() - since < 1000 && performance.now() - started < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (server.log.length !== count) [count, since] = [server.log.length, performance.now()];
    }
  };
  const since = (mark: number) => sum(server.log.slice(mark));
  const transfers = (mark: number) => server.log.slice(mark).map(({ path, kind, bytes, status }) => ({ path, kind, bytes, status }));
  try {
    const mark = server.log.length;
    const page = await visit(options.essayPath);
    const essayPage = { path: options.essayPath, bytes: since(mark), transfers: transfers(mark) };
    await page.context().close();

    const search: QueryRecord[] = [];
    for (const query of options.queries) {
      try {
        search.push(await measureQuery(query));
      } catch (error) {
        errors.push(`search for "${query}": ${(error as Error).message.split('\n')[0]}`);
      }
    }
    return { essayPage, search, errors };
  } finally {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    await server.close();
  }

  async function measureQuery(query: string): Promise<QueryRecord> {
    const ui = await visit(options.essayPath);
    let mark = server.log.length;
    await options.ui.open(ui, server.url);
    const uiColdMs = await ui.evaluate(typeInto, { input: options.ui.input, result: options.ui.result, query });
    const uiBytes = since(mark);
    const uiTransfers = transfers(mark);
    await ui.context().close();

    const api = await visit(options.essayPath);
    mark = server.log.length;
    const timings = await api.evaluate(queryApi, { query, runs: options.warmRuns ?? 10 });
    const apiColdBytes = since(mark);
    await api.context().close();
    return {
      query,
      results: timings.results,
      uiColdMs,
      uiBytes,
      uiTransfers,
      apiColdMs: timings.coldMs,
      apiColdBytes,
      apiWarmMs: median(timings.warmMs),
      apiWarmRunsMs: timings.warmMs,
    };
  }
}

/** In the page: types `query` and waits for a loaded result; returns the milliseconds. */
async function typeInto({ input, result, query }: { input: string; result: string; query: string }): Promise<number> {
  const field = document.querySelector<HTMLInputElement>(input);
  if (!field) throw new Error(`no search field ${input}`);
  const started = performance.now();
  field.value = query;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no result for "${query}" within 30 s`)), 30_000);
    const check = () => {
      if (!document.querySelector(result)) return;
      observer.disconnect();
      clearTimeout(timeout);
      resolve();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    check();
  });
  return performance.now() - started;
}

interface PagefindApi {
  search(query: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
}

/** In the page: Pagefind's API, as a search UI drives it, cold once and then warm `runs` times. */
async function queryApi({ query, runs }: { query: string; runs: number }): Promise<{ results: number; coldMs: number; warmMs: number[] }> {
  const once = async (pagefind: PagefindApi) => {
    const { results } = await pagefind.search(query);
    await Promise.all(results.slice(0, 5).map((r) => r.data()));
    return results.length;
  };
  const started = performance.now();
  const pagefind = (await import(new URL('/pagefind/pagefind.js', location.href).href)) as PagefindApi;
  const results = await once(pagefind);
  const coldMs = performance.now() - started;
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await once(pagefind);
    warmMs.push(performance.now() - t);
  }
  return { results, coldMs, warmMs };
}
