import { loadPagefindUI, searchMarkup } from './pagefind-ui.ts';

/**
 * The search page starts as a plain search field, so that its first load stays
 * small; Pagefind's UI replaces it when the reader focuses the field or submits,
 * or at once when the address carries a search (`/search/?q=words`), which makes
 * searches linkable. Typing keeps `?q=` in the address bar.
 */
const root = document.querySelector<HTMLElement>('[data-search-page]');
const form = root?.querySelector<HTMLFormElement>('form');
const field = form?.querySelector<HTMLInputElement>('input[type="search"]');
let mounted = false;

if (root && form && field) {
  form.hidden = false;
  const query = new URLSearchParams(location.search).get('q');
  if (query) {
    field.value = query;
    void mount(root, form, field);
  }
  field.addEventListener('focus', () => void mount(root, form, field), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void mount(root, form, field);
  });
}

async function mount(root: HTMLElement, form: HTMLFormElement, field: HTMLInputElement) {
  if (mounted) return;
  mounted = true;
  await loadPagefindUI();
  root.insertAdjacentHTML('beforeend', searchMarkup('<pagefind-filter-pane></pagefind-filter-pane>'));
  await new Promise(requestAnimationFrame);
  const input = root.querySelector<HTMLInputElement>('pagefind-input input');
  if (!input) return;
  const hadFocus = document.activeElement === field;
  const text = field.value;
  form.remove();
  if (text) {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (hadFocus) input.focus();
  input.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  });
}
