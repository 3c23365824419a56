import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EssayError, type Place } from './essay-error.ts';
import { didYouMean } from './suggest.ts';

/** The vendored CSL styles (see src/csl/README.md), by the name an essay uses in `csl:`. */
export const STYLES = [
  'chicago-author-date',
  'chicago-note-bibliography',
  'modern-humanities-research-association',
  'apa',
  'modern-language-association',
  'harvard-cite-them-right',
] as const;

/** Short names authors are likely to type, for the same files. */
const STYLE_ALIASES: Record<string, (typeof STYLES)[number]> = {
  chicago: 'chicago-author-date',
  'chicago-notes': 'chicago-note-bibliography',
  mhra: 'modern-humanities-research-association',
  mla: 'modern-language-association',
  harvard: 'harvard-cite-them-right',
};

/** The vendored CSL locales, by BCP 47 tag. */
export const LOCALES = ['en-GB', 'en-US', 'ru-RU'] as const;

export const DEFAULT_STYLE = 'chicago-author-date';
export const DEFAULT_LANG = 'en-GB';

/**
 * src/csl, found beside this module when it runs from source (the Markdown
 * plugins, tests), else from the project root (pages run from a build bundle).
 */
const besideThis = fileURLToPath(new URL('../csl/', import.meta.url));
const cslDir = existsSync(besideThis) ? besideThis : `${path.resolve('src/csl')}/`;
const cache = new Map<string, string>();

function read(file: string): string {
  let xml = cache.get(file);
  if (xml === undefined) {
    xml = readFileSync(file, 'utf8');
    cache.set(file, xml);
  }
  return xml;
}

export interface LoadedStyle {
  name: (typeof STYLES)[number];
  xml: string;
}

/** The CSL style an essay asked for, or an error listing what exists. */
export function loadStyle(requested: string, place: Place): LoadedStyle {
  const name = STYLE_ALIASES[requested] ?? requested;
  if (!(STYLES as readonly string[]).includes(name)) {
    throw new EssayError(
      place,
      `unknown citation style "csl: ${requested}"${didYouMean(requested, [...STYLES, ...Object.keys(STYLE_ALIASES)])}` +
        ` Styles available offline: ${STYLES.join(', ')}.`,
    );
  }
  const style = name as LoadedStyle['name'];
  return { name: style, xml: read(`${cslDir}styles/${style}.csl`) };
}

export interface LoadedLocale {
  lang: (typeof LOCALES)[number];
  xml: string;
}

/**
 * The CSL locale for an essay's `lang`: an exact match, else the first locale of
 * the same language (`en` → `en-GB`), else an error listing what exists.
 */
export function loadLocale(lang: string, place: Place): LoadedLocale {
  const exact = LOCALES.find((l) => l.toLowerCase() === lang.toLowerCase());
  const sameLanguage = LOCALES.find((l) => l.split('-')[0] === lang.split('-')[0]?.toLowerCase());
  const found = exact ?? sameLanguage;
  if (found === undefined) {
    throw new EssayError(
      place,
      `no citation locale for "lang: ${lang}". Locales available offline: ${LOCALES.join(', ')}` +
        ' (add the official locales-xx-XX.xml to src/csl/locales/ to support another).',
    );
  }
  return { lang: found, xml: read(`${cslDir}locales/locales-${found}.xml`) };
}
