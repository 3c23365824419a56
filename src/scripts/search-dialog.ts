/**
 * Search from any page: the header's search button, `/` or Ctrl/Cmd+K open a
 * modal <dialog> with Pagefind's Component UI. Pagefind's script, styles and
 * WebAssembly load only when search is first opened. Arrow keys move through
 * the results, Enter opens one, Escape closes the dialog and focus returns to
 * where it was (Pagefind's Component UI handles the arrow keys itself). On the
 * search page the shortcuts focus its search box.
 */
import { loadPagefindUI, searchMarkup } from './pagefind-ui.ts';

const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
const button = document.querySelector<HTMLButtonElement>('button.search-open');
const mount = dialog?.querySelector<HTMLElement>('[data-search-mount]');
let mounted = false;
let returnFocusTo: Element | null = null;

if (dialog && button && mount) {
  button.hidden = false;
  button.addEventListener('click', () => void open());
  dialog.querySelector('.search-close')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    if (returnFocusTo instanceof HTMLElement) returnFocusTo.focus();
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === '/' && !typing(event.target)) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut || event.altKey || dialog.open) return;
    event.preventDefault();
    const onPage = document.querySelector<HTMLInputElement>('main .search input[type="search"]');
    if (onPage) onPage.focus();
    else void open();
  });
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

async function open() {
  returnFocusTo = document.activeElement;
  dialog!.showModal();
  if (!mounted) {
    mounted = true;
    await loadPagefindUI();
    mount!.innerHTML = searchMarkup();
    await new Promise(requestAnimationFrame);
  }
  dialog!.querySelector<HTMLInputElement>('pagefind-input input')?.focus();
}
