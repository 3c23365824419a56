/** "Copy citation": the essay's reference, as plain text, to the clipboard. */
import { announce } from './announce.ts';
import { clientStrings } from './client-strings.ts';

const WORDS = clientStrings('copy');

const button = document.querySelector<HTMLButtonElement>('[data-copy-citation]');
const record = document.querySelector<HTMLElement>('.cite-record');

button?.addEventListener('click', async () => {
  const text = record?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  try {
    await navigator.clipboard.writeText(text);
    announce(WORDS.citationCopied);
  } catch {
    // No clipboard: select the reference, so that the reader's copy shortcut takes it.
    if (record) getSelection()?.selectAllChildren(record);
    announce(WORDS.citationByHand);
  }
});
