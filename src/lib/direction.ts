/**
 * The direction a language is written in, for `dir` on the page: Arabic,
 * Hebrew, Persian, Urdu, Yiddish, Dhivehi… are written right to left. It
 * comes from the locale's likely script (CLDR, through Intl), so `az-Arab` is
 * right to left and `az` is not, and no list of languages is kept here.
 */
export type TextDirection = 'ltr' | 'rtl';

interface TextInfo {
  direction?: string;
}
/** `getTextInfo()` since V8 13 (Node 24); the `textInfo` getter before it (Node 20). */
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };

const directions = new Map<string, TextDirection>();

export function textDirection(lang: string): TextDirection {
  let direction = directions.get(lang);
  if (direction === undefined) {
    let info: TextInfo | undefined;
    try {
      const locale = new Intl.Locale(lang) as LocaleWithTextInfo;
      info = locale.getTextInfo?.() ?? locale.textInfo;
    } catch {
      // Not a BCP 47 tag: the loader rejects those, and a page without one is left to right.
    }
    direction = info?.direction === 'rtl' ? 'rtl' : 'ltr';
    directions.set(lang, direction);
  }
  return direction;
}

/** A tag's likely script, by CLDR's likely subtags (`zh-HK` → `Hant`, `sr` → `Cyrl`, `fa` → `Arab`); undefined for what is not a tag. */
export function likelyScript(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().script;
  } catch {
    return undefined;
  }
}

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…, and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether the text has a letter of a right-to-left script: where it may run the other way from its page. */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}
