/**
 * The search page's field is a plain GET form until the reader focuses it or
 * submits, or the address carries a search (`/search/?q=words`, which makes
 * searches linkable) or a tag (`/search/?tag=history`, where an essay's tags
 * lead): then its script and Pagefind load and results appear as the reader
 * types. Typing keeps `?q=` in the address bar, and choosing tags `?tag=`.
 */
import searchStyle from '../styles/search.css?url';
import { loadStyle } from './load-style.ts';

const box = document.querySelector<HTMLElement>('main [data-search-box]');
const field = box?.querySelector<HTMLInputElement>('input[type="search"]');
let attached = false;

if (box && field) {
  // Shown once styled (search needs scripts, and its styles load with them).
  void loadStyle(searchStyle).then(() => (box.closest<HTMLElement>('[data-search-page]')!.hidden = false));
  const params = new URLSearchParams(location.search);
  const query = params.get('q');
  if (query) field.value = query;
  if (query || params.getAll('tag').some((tag) => tag.trim() !== '')) attach(box);
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
      filters: { tag: new URLSearchParams(location.search).getAll('tag').filter((tag) => tag.trim() !== '') },
      onQuery(query) {
        const url = new URL(location.href);
        if (query.trim()) url.searchParams.set('q', query);
        else url.searchParams.delete('q');
        history.replaceState(history.state, '', url);
      },
      onFilters({ tag = [] }) {
        const url = new URL(location.href);
        url.searchParams.delete('tag');
        for (const value of tag) url.searchParams.append('tag', value);
        history.replaceState(history.state, '', url);
      },
    }),
  );
}
