/**
 * One polite live region for the page's confirmations ("Link copied"), shown
 * as a brief toast too. It is added when the first script that needs it
 * loads, well before any message, so that screen readers track it. Messages
 * are chosen from the page's words, in its language (the JSON named by
 * `<html data-ui-strings>`), fetched with the first one.
 *
 * Each script fetches the words itself (a file of about 1 kB, cacheable): one
 * shared module would put Vite's preload map in front of every dynamic import,
 * measured at 300 bytes more of first load, over its budget.
 */
import type { ClientStrings } from '../lib/ui-strings.ts';

const region = document.createElement('p');
region.className = 'toast';
region.setAttribute('role', 'status');
document.body.append(region);

let clear: number | undefined;

/** Announces the message `pick` chooses from the page's words, its `{slots}` filled from `values`. */
export async function announce(pick: (words: ClientStrings) => string, values: Record<string, string> = {}): Promise<void> {
  const words = (await (await fetch(document.documentElement.dataset.uiStrings!)).json()) as ClientStrings;
  const message = pick(words).replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
  window.clearTimeout(clear);
  // Emptied first, so that the same message twice is announced twice.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = message;
    clear = window.setTimeout(() => (region.textContent = ''), 5000);
  });
}
