/**
 * "Copy link to this passage" loads when the reader first selects text in the
 * essay (passage-offer.ts), not with the page.
 */
const body = document.querySelector('.essay-body');

function selectedInBody(): boolean {
  const selection = getSelection();
  return !!body && !!selection && !selection.isCollapsed && body.contains(selection.anchorNode);
}

if (body) {
  const load = () => {
    if (!selectedInBody()) return;
    document.removeEventListener('selectionchange', load);
    void import('./passage-offer.ts');
  };
  document.addEventListener('selectionchange', load);
}

// A module, so that its names stay its own.
export {};
