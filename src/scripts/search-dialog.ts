/**
 * Search from any page: the header's search link, `/` or Ctrl/Cmd+K open a
 * modal <dialog> holding a SearchBox (the link leads to /search/ without
 * scripts, or opened in a new tab). Its script and Pagefind load only when
 * search is first opened (src/scripts/search-ui.ts). Arrow keys move through
 * the results, Enter opens one, Escape closes the dialog and focus returns to
 * where it was. On the search page the shortcuts focus its own search field.
 */
import searchStyle from '../styles/search.css?url';
import { loadStyle } from './load-style.ts';

const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
const link = document.querySelector<HTMLAnchorElement>('a.search-open');
const box = dialog?.querySelector<HTMLElement>('[data-search-box]');
let attached = false;
let returnFocusTo: Element | null = null;

/** The search page's own field: there, search means that field. */
const onPage = () => document.querySelector<HTMLInputElement>('main [data-search-box] input[type="search"]');

if (dialog && link && box) {
  link.setAttribute('aria-haspopup', 'dialog');
  link.addEventListener('click', (event) => {
    // A new tab or window, as with any link.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const field = onPage();
    if (field) field.focus();
    else open(dialog, box);
  });
  dialog.querySelector('.search-close')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    if (returnFocusTo instanceof HTMLElement) returnFocusTo.focus();
  });
  // Escape closes the dialog even from a search field with words in it, which would only clear them.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialog.close();
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === '/' && !typing(event.target)) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut || event.altKey || dialog.open) return;
    event.preventDefault();
    const field = onPage();
    if (field) field.focus();
    else open(dialog, box);
  });
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function open(dialog: HTMLDialogElement, box: HTMLElement): void {
  returnFocusTo = document.activeElement;
  // Open and focused at once, so that nothing typed is lost; unseen until its styles apply (fetched once).
  const styled = loadStyle(searchStyle);
  dialog.style.opacity = '0';
  void styled.then(() => dialog.style.removeProperty('opacity'));
  dialog.showModal();
  box.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  if (attached) return;
  attached = true;
  // Whatever the reader types before the script arrives is searched when it does.
  void import('./search-ui.ts').then(({ attachSearch }) => attachSearch(box));
}
