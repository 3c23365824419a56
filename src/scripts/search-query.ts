/**
 * Makes searches linkable: `/search/?q=words` runs that search on arrival, and
 * typing keeps `?q=` in the address bar (replacing, not adding, history entries).
 */
async function connectQuery() {
  await customElements.whenDefined('pagefind-input');
  const input = document.querySelector<HTMLInputElement>('pagefind-input input');
  if (!input) return;
  const query = new URLSearchParams(location.search).get('q');
  if (query) {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  input.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  });
}

void connectQuery();
