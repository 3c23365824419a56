/**
 * The digits a language writes numbers in, by default: Persian's ۰–۹, Egyptian
 * Arabic's ٠–٩, Hindi's 0–9 (as CLDR has it, which the date line already
 * follows through Intl). The numbers the site itself makes (figures', tables'
 * and equations' numbers, note numbers, numbered lists) are written in them,
 * so that a Persian page does not say "۱۵ مارس ۲۰۲۲" above "جدول 1".
 */

const numberingSystems = new Map<string, string>();

/** Intl's numbering system of a language (`arabext`, `arab`, `deva`, `latn`). */
export function numberingSystem(lang: string): string {
  let system = numberingSystems.get(lang);
  if (system === undefined) {
    try {
      system = new Intl.NumberFormat(lang).resolvedOptions().numberingSystem;
    } catch {
      system = 'latn';
    }
    numberingSystems.set(lang, system);
  }
  return system;
}

/** A number, or the digits in a text ("2.1"), in the language's digits. */
export function inDigits(lang: string, value: number | string): string {
  const system = numberingSystem(lang);
  const text = String(value);
  if (system === 'latn') return text;
  const digits = new Intl.NumberFormat(`${lang}-u-nu-${system}`, { useGrouping: false });
  return text.replace(/[0-9]/g, (d) => digits.format(Number(d)));
}

/**
 * The CSS counter style that numbers a list in those digits (src/styles/global.css
 * sets it by the essay's `data-digits`), for the systems CSS predefines; the
 * others, and Latin digits, are `decimal`.
 */
export const LIST_STYLES: Readonly<Record<string, string>> = {
  arabext: 'persian',
  arab: 'arabic-indic',
  beng: 'bengali',
  deva: 'devanagari',
  mymr: 'myanmar',
};
