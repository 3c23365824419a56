/**
 * A BCP 47 tag in its canonical form, by CLDR's aliases (`iw` → `he`,
 * `per` → `fa`, `tl` → `fil`, `zh-hant-tw` → `zh-Hant-TW`), or as written
 * when it is not a tag (the frontmatter's check reports that).
 */
export function canonicalTag(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? lang;
  } catch {
    return lang;
  }
}

/** Tags that name no one language: undetermined, no linguistic content, several, and the private-use block. */
const NO_LANGUAGE = /^(und|zxx|mul|q[a-t][a-z])$/i;

const languageNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });

/** The English name of the language a tag names, if CLDR knows it ("ur" → "Urdu"); undefined for `xx-YY` or `zxx`. */
export function languageName(lang: string): string | undefined {
  const primary = canonicalTag(lang).split('-')[0]!;
  if (NO_LANGUAGE.test(primary)) return undefined;
  try {
    return languageNames.of(primary);
  } catch {
    return undefined;
  }
}
