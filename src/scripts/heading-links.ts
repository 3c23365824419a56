/**
 * The copy-link and share buttons beside each section heading
 * (src/lib/heading-links.ts renders them hidden). Both use the section's
 * share page, whose link preview shows the section, not the whole essay.
 */
import { announce } from './announce.ts';

const buttons = document.querySelectorAll<HTMLButtonElement>('.heading-actions button[data-share]');
const canShare = typeof navigator.share === 'function';

for (const button of buttons) {
  if (button.classList.contains('heading-copy') || canShare) button.hidden = false;
  button.addEventListener('click', () => void (button.classList.contains('heading-copy') ? copy(button) : share(button)));
}

function sectionOf(button: HTMLButtonElement): { url: string; title: string } {
  const heading = button.closest('.section-heading')?.querySelector('h2')?.textContent?.trim() ?? '';
  const essay = document.querySelector('h1')?.textContent?.trim() ?? document.title;
  return { url: new URL(button.dataset.share!, location.href).href, title: `${heading} — ${essay}` };
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const { url } = sectionOf(button);
  try {
    await navigator.clipboard.writeText(url);
    announce('Link to the section copied.');
  } catch {
    // No clipboard (an insecure page, or permission refused): show the link to copy by hand.
    announce(`Copy this link: ${url}`);
  }
}

async function share(button: HTMLButtonElement): Promise<void> {
  const { url, title } = sectionOf(button);
  try {
    await navigator.share({ title, url });
  } catch (error) {
    // Closing the share sheet is not a failure.
    if (error instanceof DOMException && error.name === 'AbortError') return;
    announce(`Could not share. The link is ${url}`);
  }
}
