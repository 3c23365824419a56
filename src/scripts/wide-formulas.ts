/**
 * An inline formula wider than its line scrolls in its own box
 * (src/styles/math.css). Chromium makes an HTML scroller with nothing
 * focusable in it a tab stop, but not a <math> one, so a formula that
 * overflows becomes one here, as display equations are in the markup
 * (src/plugins/rehype-math.ts): the keyboard can scroll it. Only those that
 * overflow, so that short formulas add no stops; the check is redone as
 * their boxes change width (a phone turned, a window resized).
 */
const formulas = document.querySelectorAll<MathMLElement>('.essay-body math:not([display="block"])');

const observer = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    if (target.scrollWidth > target.clientWidth) target.setAttribute('tabindex', '0');
    else target.removeAttribute('tabindex');
  }
});
for (const formula of formulas) observer.observe(formula);
