/** "Copy citation": the essay's reference, as plain text, to the clipboard. */
import { announce } from './announce.ts';

const button = document.querySelector<HTMLButtonElement>('[data-copy-citation]');
const record = document.querySelector<HTMLElement>('.cite-record');

button?.addEventListener('click', async () => {
  const text = record?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  try {
    await navigator.clipboard.writeText(text);
    void announce((words) => words.copy.citationCopied);
  } catch {
    // No clipboard: select the reference, so that the reader's copy shortcut takes it.
    if (record) getSelection()?.selectAllChildren(record);
    void announce((words) => words.copy.citationByHand);
  }
});
