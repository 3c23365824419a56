/**
 * The two operations interface strings need, for the pages and the browser
 * alike: filling a template's `{name}` slots, and choosing a plural form by
 * the language's rules (Intl.PluralRules: Russian has one, few, many and other).
 */

/** A word that changes with a number: `{n}` in each form is the number. `other` is every language's fallback. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `fill('{n} of {of}', { n: 3, of: 8 })` → "3 of 8". A slot with no value is left as written, so that a typo shows. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

/** The form of `forms` for `n` in `lang`, filled: "1 min read", "5 минут чтения". */
export function plural(lang: string, forms: PluralForms, n: number): string {
  const rule = new Intl.PluralRules(lang).select(n);
  return fill(forms[rule] ?? forms.other, { n: new Intl.NumberFormat(lang).format(n) });
}
