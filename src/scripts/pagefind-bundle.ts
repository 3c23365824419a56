/**
 * Where Pagefind's bundle is served: the one place its URL is made, so that a
 * site under a sub-path changes only this (src/integrations/pagefind.ts
 * writes the bundle to dist/pagefind/).
 */
export function pagefindBundle(): string {
  return '/pagefind/';
}

/** The site's root, which Pagefind puts before each result's URL. */
export function siteRoot(): string {
  return '/';
}
