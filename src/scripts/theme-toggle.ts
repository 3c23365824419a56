/**
 * The theme toggle: light or dark, remembered in localStorage ("theme", as
 * ThemeInit.astro reads it). Its label follows the theme by CSS alone. Choosing what the system already shows forgets
 * the choice, so the page follows the system again from then on.
 */
export {};

const KEY = 'theme';
const root = document.documentElement;
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

function isDark(): boolean {
  return root.dataset.theme === 'dark' || (root.dataset.theme !== 'light' && systemDark.matches);
}

function choose(dark: boolean): void {
  const theme = dark === systemDark.matches ? 'system' : dark ? 'dark' : 'light';
  root.dataset.theme = theme;
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be refused (private modes, blocked cookies): the choice then lasts for this page.
  }
}

button?.addEventListener('click', () => choose(!isDark()));
// Another tab chose: follow it.
addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  root.dataset.theme = event.newValue === 'light' || event.newValue === 'dark' ? event.newValue : 'system';
});
