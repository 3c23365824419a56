import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANG, type Locales, localeName, styleName } from '../lib/csl-names.ts';
import { EssayError, type Place } from '../lib/essay-error.ts';
import { canonicalTag, languageName } from '../lib/language-tag.ts';
import type { CslFile } from '../plugins/contracts.ts';

const cslDir = fileURLToPath(new URL('../csl/', import.meta.url));
const files = new Map<string, CslFile>();

/** A vendored CSL file, read once per build and kept (they change only with the code). */
function read(name: string, file: string, mend = (xml: string) => xml): CslFile {
  let found = files.get(file);
  if (found === undefined) {
    found = { name, xml: mend(readFileSync(file, 'utf8')) };
    files.set(file, found);
  }
  return found;
}

/** The CSL style an essay's `csl:` names, or an error listing the styles there are. */
export function loadStyle(requested: string, place: Place): CslFile {
  const name = styleName(requested);
  if (typeof name !== 'string') throw new EssayError(place, name.problem);
  return read(name, `${cslDir}styles/${name}.csl`, mend(name));
}

let locales: Locales | undefined;

/** The locale files there are, and the CSL project's primary dialect of each language. */
export function vendoredLocales(): Locales {
  locales ??= {
    available: readdirSync(`${cslDir}locales`)
      .map((file) => /^locales-(.+)\.xml$/.exec(file)?.[1])
      .filter((tag) => tag !== undefined)
      .sort(),
    primary: (JSON.parse(readFileSync(`${cslDir}locales/locales.json`, 'utf8')) as { 'primary-dialects': Record<string, string> })[
      'primary-dialects'
    ],
  };
  return locales;
}

/** The CSL locale for a `lang:`, or an error listing the locales there are. */
export function loadLocale(lang: string, place: Place): CslFile {
  const name = localeName(lang, vendoredLocales());
  if (typeof name !== 'string') throw new EssayError(place, name.problem);
  return localeFile(name);
}

/** A vendored locale by its name (`en-GB`), with its corrections. */
function localeFile(name: string): CslFile {
  return read(name, `${cslDir}locales/locales-${name}.xml`, mend(name));
}

/** A style's or a locale's corrections, as a function of its XML. */
function mend(name: string): (xml: string) => string {
  return (xml) => (CORRECTIONS[name] ?? []).reduce((mended, [wrong, right]) => mended.replaceAll(wrong, right), xml);
}

/**
 * Slips in the CSL project's files, mended as they are read (the files stay
 * as published; src/csl/README.md lists these), by style or locale name:
 * - Hebrew's short "page" is `'עמ`, its geresh typed before the letters, so
 *   that a page printed "'עמ 20" and `[@key, עמ' 20]` was no locator: it is
 *   `עמ׳`, with the geresh (U+05F3) after them, as Hebrew writes it.
 * - MLA sets a locator's label against its number, "(Smith, chap.2)": the
 *   group of the two has no delimiter. MLA's handbook writes "ch. 2".
 * - Greek quotes with « » and, inside them, “ ”; its locale gives ‘ ’ and
 *   straight inner marks. Persian quotes with « »; its locale gives “ ”.
 *   Lithuanian's inner quote opens with ‚ (U+201A); its locale gives a comma.
 *   (The essays' own quotes take these marks too: src/lib/smart-punctuation.ts.)
 */
const CORRECTIONS: Record<string, [string, string][]> = {
  'he-IL': [["'עמ<", 'עמ׳<']],
  'el-GR': [
    ['<term name="open-quote">‘</term>', '<term name="open-quote">«</term>'],
    ['<term name="close-quote">’</term>', '<term name="close-quote">»</term>'],
    ['<term name="open-inner-quote">\'</term>', '<term name="open-inner-quote">“</term>'],
    ['<term name="close-inner-quote">\'</term>', '<term name="close-inner-quote">”</term>'],
  ],
  'fa-IR': [
    ['<term name="open-quote">“</term>', '<term name="open-quote">«</term>'],
    ['<term name="close-quote">”</term>', '<term name="close-quote">»</term>'],
  ],
  'lt-LT': [['<term name="open-inner-quote">,</term>', '<term name="open-inner-quote">‚</term>']],
  'modern-language-association': [
    [
      '<group>\n              <label variable="locator" form="short"/>',
      '<group delimiter=" ">\n              <label variable="locator" form="short"/>',
    ],
  ],
};

/**
 * The CSL locale for an essay's `lang:`. A language the CSL project has no
 * locale for (Urdu, Yiddish, Swahili…), which CLDR knows, gets the site's
 * default one and a warning: its citations' few words ("and", "edited by",
 * "p.") are then English, and everything else is the author's. A tag no
 * language has (`xx-YY`, a slip) is an error listing the locales there are.
 */
export function essayLocale(lang: string, place: Place): { locale: CslFile; warning?: string } {
  // By its canonical tag: `iw` is Hebrew, whose locale is he-IL.
  const tag = canonicalTag(lang);
  const name = localeName(tag, vendoredLocales());
  if (typeof name === 'string') return { locale: localeFile(name) };
  const language = languageName(tag);
  if (language === undefined) throw new EssayError(place, name.problem);
  const primary = tag.split('-')[0]!.toLowerCase();
  return {
    locale: localeFile(DEFAULT_LANG),
    warning:
      `no citation locale for ${language} ("lang: ${lang}"), so its citations, bibliography and "Cite this essay" take ` +
      `${DEFAULT_LANG}'s words ("and", "edited by", "p."); to have them in ${language}, add a CSL locale file ` +
      `(locales-${primary}-XX.xml, made from the CSL project's locales-en-US.xml) to src/csl/locales/ (the build goes on)`,
  };
}
