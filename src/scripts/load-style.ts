/**
 * Adds a stylesheet that only a later part of an enhancement needs (search
 * results, search arrival), so that no page fetches it before. Resolves once
 * it applies, or at once if it fails (the content still works unstyled).
 */
export function loadStyle(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`);
  if (existing) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}
