/**
 * The search page's field is a plain GET form until the reader focuses it or
 * submits, or the address carries a search (`/search/?q=words`, which makes
 * searches linkable): then its script and Pagefind load and results appear as
 * the reader types. Typing keeps `?q=` in the address bar.
 */
import searchStyle from '../styles/search.css?url';
import { loadStyle } from './load-style.ts';

const box = document.querySelector<HTMLElement>('main [data-search-box]');
const field = box?.querySelector<HTMLInputElement>('input[type="search"]');
let attached = false;

if (box && field) {
  // Shown once styled (search needs scripts, and its styles load with them).
  void loadStyle(searchStyle).then(() => (box.closest<HTMLElement>('[data-search-page]')!.hidden = false));
  const query = new URLSearchParams(location.search).get('q');
  if (query) {
    field.value = query;
    attach(box);
  }
  field.addEventListener('focus', () => attach(box), { once: true });
  box.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    attach(box);
  });
}

function attach(box: HTMLElement): void {
  if (attached) return;
  attached = true;
  void import('./search-ui.ts').then(({ attachSearch }) =>
    attachSearch(box, {
      onQuery(query) {
        const url = new URL(location.href);
        if (query.trim()) url.searchParams.set('q', query);
        else url.searchParams.delete('q');
        history.replaceState(history.state, '', url);
      },
    }),
  );
}
