/**
 * Makes citeproc-js set names in Devanagari and the other scripts of India,
 * Armenian, Georgian, Ethiopic, Syriac and Thaana as it sets Latin, Greek,
 * Cyrillic, Hebrew and Arabic ones: "वर्मा, धीरेन्द्र", family name, comma,
 * given name. Imported once by citeproc.ts.
 *
 * citeproc-js tells a "romanesque" name (given and family names apart,
 * separated by a space) from a Chinese, Japanese or Korean one (run
 * together, family name first) by a list of Unicode ranges
 * (`CSL.ROMANESQUE_REGEXP` and its four relatives). The list leaves those
 * scripts out, so a Hindi bibliography printed "वर्माधीरेन्द्र. 1998.". This
 * adds their blocks, and Latin's extended blocks (Vietnamese's "Nguyễn",
 * Latin Extended-B), to each of the five; nothing else changes.
 */
import CSL from 'citeproc';

const EXTRA = [
  '\\u0180-\\u024f', // Latin Extended-B
  '\\u0530-\\u058f', // Armenian
  '\\u0700-\\u07bf', // Syriac, Arabic Supplement, Thaana
  '\\u0900-\\u0dff', // Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
  '\\u10a0-\\u10ff', // Georgian
  '\\u1200-\\u139f', // Ethiopic
  '\\u1e00-\\u1eff', // Latin Extended Additional
].join('');

const NAMES = [
  'ROMANESQUE_REGEXP',
  'ROMANESQUE_NOT_REGEXP',
  'STARTSWITH_ROMANESQUE_REGEXP',
  'ENDSWITH_ROMANESQUE_REGEXP',
  'ALL_ROMANESQUE_REGEXP',
] as const;

const csl = CSL as unknown as Record<(typeof NAMES)[number], RegExp | undefined>;
for (const name of NAMES) {
  const pattern = csl[name];
  if (!(pattern instanceof RegExp) || !pattern.source.includes('\\u0400-\\u052f')) {
    throw new Error(`citeproc-js's CSL.${name} is not the list of scripts it was; review src/lib/citeproc-scripts.ts.`);
  }
  if (pattern.source.includes(EXTRA)) continue;
  // Each is one character class (negated for ROMANESQUE_NOT_REGEXP): the blocks join it before it closes.
  const end = pattern.source.lastIndexOf(']');
  csl[name] = new RegExp(pattern.source.slice(0, end) + EXTRA + pattern.source.slice(end), pattern.flags);
}

/**
 * A given name's initial (APA's "वर्मा, धी."), where a style initialises
 * them: citeproc-js finds it by `CSL.NAME_INITIAL_REGEXP`, whose first letter
 * is Latin, Greek, Cyrillic, Hebrew, Arabic or Thai. Any other name it kept
 * whole, after a doubled space ("वर्मा,  धीरेन्द्र."). This adds Armenian's
 * capitals, Ethiopic's syllables, and, for the scripts of
 * India, the first akshara: a letter with its vowel sign (धी of धीरेन्द्र), and
 * the consonants a virama joins to it (क्ष of क्षमा), as those scripts abbreviate a name.
 * (Georgian's letters have had capitals since Unicode 11, which Georgian does not
 * write; citeproc-js takes a name that is not in capitals to have no initial, and keeps it whole.)
 */
const VIRAMAS = '\\u094d\\u09cd\\u0a4d\\u0acd\\u0b4d\\u0bcd\\u0c4d\\u0ccd\\u0d4d';
const INDIC = '[\\u0900-\\u0dff]';
const MORE_INITIALS = [
  '[\\u0531-\\u0556]', // Armenian capitals
  '[\\u1200-\\u137f]', // Ethiopic
  `${INDIC}\\p{M}*(?:(?<=[${VIRAMAS}])${INDIC}\\p{M}*)*`, // an akshara
].join('|');
const initial = CSL as unknown as { NAME_INITIAL_REGEXP?: RegExp };
// Patched once: this module may be evaluated again over the same citeproc-js (Vite's module runner).
if (!initial.NAME_INITIAL_REGEXP?.flags.includes('u')) {
  const written = initial.NAME_INITIAL_REGEXP?.source.match(/^\^\((\[[^\]]+\])\)(\(.*)$/);
  if (written === null || written === undefined) {
    throw new Error("citeproc-js's CSL.NAME_INITIAL_REGEXP is not the pattern it was; review src/lib/citeproc-scripts.ts.");
  }
  initial.NAME_INITIAL_REGEXP = new RegExp(`^((?:${written[1]}|${MORE_INITIALS}))${written[2]}`, 'u');
}

/**
 * A given name citeproc-js finds no initial in (one not in capitals: "bell",
 * "ilia" in Georgian) it keeps whole with a space before it, which doubles the
 * style's own after the comma ("hooks,  bell."): the space goes.
 */
const names = (CSL as unknown as { Util: { Names: { doInitialize: DoInitialize & { trimmed?: true } } } }).Util.Names;
type DoInitialize = (this: unknown, ...args: unknown[]) => string;
if (typeof names.doInitialize !== 'function') {
  throw new Error('citeproc-js no longer has CSL.Util.Names.doInitialize; review src/lib/citeproc-scripts.ts.');
}
if (!names.doInitialize.trimmed) {
  const original = names.doInitialize;
  names.doInitialize = Object.assign(
    function (this: unknown, ...args: unknown[]): string {
      return original.apply(this, args).replace(/^ +/, '');
    },
    { trimmed: true as const },
  );
}

const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u30fb・\s]+$/u;

/**
 * A Chinese, Japanese or Korean name written in its own script ("李, 小龙"
 * in the .bib) is cited whole, 李小龙, as those languages cite a person:
 * citeproc-js's short form, a later note's or an author-date citation's,
 * gives the family name alone ("李"), as it would "Li". The name goes to
 * citeproc-js as a literal, in its order (family first), so the bibliography
 * and its sorting stay as they were; a romanised name keeps its parts.
 */
export function wholeEastAsianNames<T extends object>(item: T): T {
  let changed: Record<string, unknown> | undefined;
  for (const [variable, value] of Object.entries(item)) {
    if (!Array.isArray(value) || !value.some(isEastAsianName)) continue;
    changed ??= { ...item } as Record<string, unknown>;
    changed[variable] = value.map((name: unknown) => (isEastAsianName(name) ? { literal: `${name.family}${name.given}` } : name));
  }
  return (changed as T | undefined) ?? item;
}

function isEastAsianName(name: unknown): name is { family: string; given: string } {
  if (typeof name !== 'object' || name === null) return false;
  const { family, given, literal } = name as Record<string, unknown>;
  return literal === undefined && typeof family === 'string' && typeof given === 'string' && EAST_ASIAN.test(family + given);
}
