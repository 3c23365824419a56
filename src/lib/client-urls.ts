/**
 * The URLs the browser's scripts fetch, which the layout hands them on
 * `<html>` (`data-ui-strings`, `data-pagefind`): made here, once, under the
 * site's base path, so that scripts need not know it.
 */
import { withBase } from './site.ts';
import { uiLanguage } from './ui-strings.ts';

/** The JSON of the words the page's scripts show, in its language (src/pages/ui-strings/[lang].json.ts). */
export function uiStringsUrl(lang: string): string {
  return withBase(`/ui-strings/${uiStringsFile(lang)}.json`);
}

/** The file name of a language's words: its table's name (`ru-RU` → `ru`, `zh-TW` → `zh-hant`), else its primary subtag. */
export function uiStringsFile(lang: string): string {
  return uiLanguage(lang);
}

/** Where Pagefind's bundle is served (src/integrations/pagefind.ts writes it to dist/pagefind/); results link below its parent. */
export function pagefindBundleUrl(): string {
  return withBase('/pagefind/');
}
