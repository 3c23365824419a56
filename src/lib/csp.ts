/**
 * The Content-Security-Policy of every page: scripts and styles only from
 * the site itself (Astro adds a hash for each inline one it emits), nothing
 * from elsewhere. Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval'
 * (not 'unsafe-eval'). astro.config.mjs gives it to Astro; pages the build
 * writes itself (share pages) carry the same. public/_headers repeats what a
 * `<meta>` cannot carry (frame-ancestors) for hosts that read it.
 */
export const CSP = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scripts: ["'self'", "'wasm-unsafe-eval'"],
  styles: ["'self'"],
} as const;

/** The policy as a `<meta http-equiv>` holds it, with the hashes of a page's own inline scripts and styles. */
export function cspContent(hashes: { scripts?: string[]; styles?: string[] } = {}): string {
  const quoted = (list: string[] = []) => list.map((hash) => `'${hash}'`);
  // Written as Astro writes the policy of the pages it renders.
  const scripts = `script-src ${[...CSP.scripts, ...quoted(hashes.scripts)].join(' ')}`;
  const styles = `style-src ${[...CSP.styles, ...quoted(hashes.styles)].join(' ')}`;
  return `${CSP.directives.join(';')}; ${scripts}; ${styles}`;
}
