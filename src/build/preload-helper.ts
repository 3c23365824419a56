/**
 * A smaller stand-in for Vite's preload helper (`__vitePreload`), which
 * wraps each dynamic import() of the pages' scripts to fetch the chunk's
 * dependencies alongside it. Vite's is 880 bytes gzip, loaded by every essay
 * page (it comes with the first script that imports lazily), most of them for
 * what this site has no use for: a CSP nonce (the CSP here is `'self'`),
 * feature tests for `modulepreload`, which every browser the site supports
 * has, and a `vite:preloadError` event nothing listens to. A lazy chunk's
 * stylesheets are the site's own to load (src/scripts/load-style.ts), so
 * Vite names only JavaScript chunks, and this preloads them as Vite does; a
 * stylesheet, should Vite ever name one, is linked and awaited before the
 * module runs, as Vite's helper does. It is about 240 bytes, which pays for
 * the contents' following the reader and print's rules within the essay
 * page's first-load budget (tests/support/first-load.ts).
 *
 * It replaces the module Vite names `\0vite/preload-helper.js`: should a
 * version of Vite name it otherwise, this loads nothing, Vite's own helper is
 * used, and the budget test fails on its size. Where Vite makes each URL
 * itself (a relative base, `experimental.renderBuiltUrl`, Astro's
 * `build.assetsPrefix`), Vite's own helper is used too.
 */
import type { Plugin } from 'vite';

export const PRELOAD_HELPER = '\0vite/preload-helper.js';

/** The helper's code, for a site under `base` (`/`, `/essays-site/`). */
export function preloadHelperCode(base: string): string {
  return `const base = ${JSON.stringify(base)}, seen = new Map();
export const __vitePreload = (load, deps) => {
  const sheets = [];
  for (const dep of deps || []) {
    const href = base + dep;
    if (!seen.has(href)) {
      const link = document.createElement('link');
      link.href = href;
      let loaded;
      if (href.endsWith('.css')) {
        link.rel = 'stylesheet';
        loaded = new Promise((done) => (link.onload = link.onerror = done));
      } else link.rel = 'modulepreload';
      seen.set(href, loaded);
      document.head.append(link);
    }
    sheets.push(seen.get(href));
  }
  return Promise.all(sheets).then(load);
};`;
}

export function smallPreloadHelper(): Plugin {
  let base: string | undefined;
  return {
    name: 'essay-publisher:preload-helper',
    enforce: 'pre',
    apply: 'build',
    configResolved(config) {
      // A relative base (`./`) or URLs of Vite's making need each URL made as Vite's own helper makes it.
      base = config.base.startsWith('/') && !config.experimental.renderBuiltUrl ? config.base : undefined;
    },
    load(id) {
      return id === PRELOAD_HELPER && base !== undefined ? preloadHelperCode(base) : undefined;
    },
  };
}
