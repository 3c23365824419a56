/**
 * The words the site itself puts around and inside an essay, in the essay's
 * language: one table per language in src/lib/i18n/ (README, "Adding a
 * language"). English is the fallback for a language with no table yet.
 */
import { plural } from './i18n/format.ts';
import { likelyScript } from './direction.ts';
import { canonicalTag } from './language-tag.ts';
import { ar } from './i18n/ar.ts';
import { de } from './i18n/de.ts';
import { en } from './i18n/en.ts';
import { es } from './i18n/es.ts';
import { fa } from './i18n/fa.ts';
import { fr } from './i18n/fr.ts';
import { he } from './i18n/he.ts';
import { hi } from './i18n/hi.ts';
import { it } from './i18n/it.ts';
import { ja } from './i18n/ja.ts';
import { ko } from './i18n/ko.ts';
import { nl } from './i18n/nl.ts';
import { pt } from './i18n/pt.ts';
import { ptBR } from './i18n/pt-br.ts';
import { ru } from './i18n/ru.ts';
import { ur } from './i18n/ur.ts';
import { zhHans } from './i18n/zh-hans.ts';
import { zhHant } from './i18n/zh-hant.ts';
import type { UiStrings } from './i18n/types.ts';

export type { ClientStrings, UiStrings } from './i18n/types.ts';
export { fill, plural, type PluralForms } from './i18n/format.ts';

/**
 * Every language with a table, by its BCP 47 primary subtag, or by language
 * and script where the script is what differs (Chinese: `zh-hans`, `zh-hant`),
 * or by language and region where a country writes other words: `pt-br`
 * (Brazil: seção, compartilhar, “…”), while `pt` is Portugal's, and every
 * other country's, as the CSL project's `pt` is pt-PT.
 */
export const UI_LANGUAGES: Readonly<Record<string, UiStrings>> = {
  ar,
  de,
  en,
  es,
  fa,
  fr,
  he,
  hi,
  it,
  ja,
  ko,
  nl,
  pt,
  'pt-br': ptBR,
  ru,
  ur,
  'zh-hans': zhHans,
  'zh-hant': zhHant,
};

/**
 * The table a BCP 47 language reads (lowercased), or its primary subtag when
 * there is none: the tag itself (`pt-BR` → `pt-br`), else its primary subtag
 * (`pt-PT`, `pt-AO` → `pt`), else its language and likely script (`zh-TW` →
 * `zh-hant`, `zh` → `zh-hans`, by CLDR's likely subtags through Intl.Locale).
 */
export function uiLanguage(lang: string): string {
  // Every page, share page and component asks, for a handful of languages.
  let found = tables.get(lang);
  if (found === undefined) tables.set(lang, (found = tableFor(lang)));
  return found;
}

const tables = new Map<string, string>();

function tableFor(lang: string): string {
  const tag = canonicalTag(lang).toLowerCase();
  const primary = tag.split('-')[0]!;
  if (tag in UI_LANGUAGES) return tag;
  if (primary in UI_LANGUAGES) return primary;
  // Not a language tag: the schema reports it; English words meanwhile.
  const script = likelyScript(tag)?.toLowerCase();
  return script !== undefined && `${primary}-${script}` in UI_LANGUAGES ? `${primary}-${script}` : primary;
}

/** The interface words for a BCP 47 language (`ru-RU` → `ru`, `zh-TW` → `zh-hant`), English when none are written yet. */
export function uiStrings(lang: string): UiStrings {
  return UI_LANGUAGES[uiLanguage(lang)] ?? en;
}

/** "5 min read", "5 минут чтения": minutes to read, in the language's plural form. */
export function readingTime(minutes: number, lang: string): string {
  return plural(lang, uiStrings(lang).readingTime, minutes);
}
