/**
 * A script's words, in the page's language, from the JSON block the page
 * carries for it (src/components/ClientStrings.astro).
 */
import type { ClientGroup, ClientStrings } from '../lib/ui-strings.ts';

export { fill } from '../lib/i18n/format.ts';

export function clientStrings<G extends ClientGroup>(group: G): ClientStrings[G] {
  const block = document.querySelector(`script[type="application/json"][data-ui-strings="${group}"]`);
  if (!block?.textContent)
    throw new Error(`This page has no interface strings for "${group}": add <ClientStrings group="${group}"> beside the component.`);
  return JSON.parse(block.textContent) as ClientStrings[G];
}

/** The page's language, for plural rules. */
export function pageLang(): string {
  return document.documentElement.lang || 'en';
}
