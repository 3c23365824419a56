/**
 * Arriving from a search result (`?highlight=words#section`): only then does
 * the code that marks and steps through the matches load (search-steps.ts).
 */
const url = new URL(location.href);
if (url.searchParams.has('highlight')) void import('./search-steps.ts').then(({ arrive }) => arrive(url));

// A module, so that its names stay its own.
export {};
