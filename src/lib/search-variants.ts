/**
 * A query as a reader of Persian, Urdu or Arabic may type it, in the letters
 * and digits each index is written in. Arabic and Persian keyboards type two
 * letters differently, yeh (Arabic ي, Persian and Urdu ی) and kaf (ك, ک),
 * which look alike in the middle of a word and are different characters to
 * Pagefind; and a number is written in Western digits (1906), Persian ones
 * (۱۹۰۶, also Urdu's) or Arabic-Indic ones (١٩٠٦). Pagefind folds neither, so
 * "يافت" typed on an Arabic keyboard finds nothing in a Persian essay that
 * has "یافت". Search runs the query once more for each other spelling that
 * the site's languages write (src/scripts/search-ui.ts), and keeps each
 * essay's best result.
 */

const WESTERN = '0123456789';
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Each digit of any of the three sets, as the set given. */
function digitsAs(term: string, digits: string): string {
  return term.replace(/[0-9۰-۹٠-٩]/g, (d) => digits[(WESTERN + PERSIAN_DIGITS + ARABIC_DIGITS).indexOf(d) % 10]!);
}

/** In Persian's and Urdu's letters: yeh and alef maksura as ی, kaf as ک. */
function persianLetters(term: string): string {
  return term.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک');
}

/** In Arabic's letters: Persian yeh as ي, keheh as ك. */
function arabicLetters(term: string): string {
  return term.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
}

/** Languages whose essays write ی and ک, and Persian digits. */
const PERSIAN_SCRIPT = new Set(['fa', 'ur', 'ps', 'ku', 'ckb', 'sd', 'bal']);

/**
 * The query, then each other spelling of it in the letters and digits of the
 * site's languages (Pagefind's index names: `fa`, `ar`, `en-gb`…), none twice.
 * A query with no letter or digit that differs across them is itself alone.
 */
export function queryVariants(term: string, languages: readonly string[]): string[] {
  if (!/[0-9۰-۹٠-٩يىكیک]/.test(term)) return [term];
  const primary = new Set(languages.map((language) => language.toLowerCase().split('-')[0]!));
  const persian = [...primary].some((language) => PERSIAN_SCRIPT.has(language));
  const arabic = primary.has('ar');
  // Each way of writing the letters with each way of writing the digits: a Persian essay may well write 1908.
  const letters = [term, ...(persian ? [persianLetters(term)] : []), ...(arabic ? [arabicLetters(term)] : [])];
  const digits = [
    (text: string) => text,
    // Essays in every language may write Western digits, Persian and Arabic ones among them.
    (text: string) => digitsAs(text, WESTERN),
    ...(persian ? [(text: string) => digitsAs(text, PERSIAN_DIGITS)] : []),
    ...(arabic ? [(text: string) => digitsAs(text, ARABIC_DIGITS)] : []),
  ];
  return [...new Set(letters.flatMap((spelt) => digits.map((written) => written(spelt))))];
}
