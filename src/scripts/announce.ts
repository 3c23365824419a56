/**
 * One polite live region for the page's confirmations ("Link copied"), shown
 * as a brief toast too. It is added when the first script that needs it
 * loads, well before any message, so that screen readers track it.
 */
const region = document.createElement('p');
region.className = 'toast';
region.setAttribute('role', 'status');
document.body.append(region);

let clear: number | undefined;

export function announce(message: string): void {
  window.clearTimeout(clear);
  // Emptied first, so that the same message twice is announced twice.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = message;
    clear = window.setTimeout(() => (region.textContent = ''), 5000);
  });
}
