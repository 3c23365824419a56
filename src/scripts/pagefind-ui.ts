/**
 * Pagefind's Component UI, loaded once and only when a reader starts to search:
 * its script and styles (about 48 KB gzip) and, through them, its WebAssembly
 * and index. Shared by the search dialog and the search page.
 */
let loading: Promise<void> | undefined;

export function loadPagefindUI(): Promise<void> {
  loading ??= (async () => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = '/pagefind/pagefind-component-ui.css';
    document.head.append(style);
    const script = '/pagefind/pagefind-component-ui.js';
    await import(/* @vite-ignore */ script);
    await customElements.whenDefined('pagefind-input');
  })();
  return loading;
}

/**
 * The search box, summary and results. Result links carry `?highlight=` so that
 * the essay marks the matched words on arrival (src/scripts/search-arrival.ts).
 */
export function searchMarkup(extra = ''): string {
  return `<pagefind-config base-url="/" highlight-param="highlight"></pagefind-config>
    <pagefind-input placeholder="Search the essays"></pagefind-input>${extra}
    <pagefind-summary></pagefind-summary>
    <pagefind-results max-sub-results="5"></pagefind-results>`;
}
