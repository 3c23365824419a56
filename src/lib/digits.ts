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

const digitSets = new Map<string, string[]>();

/** A number, or the digits in a text ("2.1"), in the language's digits. */
export function inDigits(lang: string, value: number | string): string {
  const system = numberingSystem(lang);
  const text = String(value);
  if (system === 'latn') return text;
  let digits = digitSets.get(system);
  if (digits === undefined) {
    // By the numbering system as an option: a tag may carry Unicode extensions of its own (`fa-IR-u-ca-persian`).
    const format = new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false });
    digitSets.set(system, (digits = Array.from({ length: 10 }, (_, d) => format.format(d))));
  }
  return text.replace(/[0-9]/g, (d) => digits[Number(d)]!);
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
  gujr: 'gujarati',
  guru: 'gurmukhi',
  khmr: 'khmer',
  knda: 'kannada',
  laoo: 'lao',
  mlym: 'malayalam',
  mymr: 'myanmar',
  orya: 'oriya',
  telu: 'telugu',
  thai: 'thai',
  tibt: 'tibetan',
};
