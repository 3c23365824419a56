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

export type StyleName = (typeof STYLES)[number];

/** Short names authors are likely to type, for the same files. */
const STYLE_ALIASES: Record<string, StyleName> = {
  chicago: 'chicago-author-date',
  'chicago-notes': 'chicago-note-bibliography',
  mhra: 'modern-humanities-research-association',
  mla: 'modern-language-association',
  harvard: 'harvard-cite-them-right',
};

/** The vendored CSL locales, by BCP 47 tag. */
export const LOCALES = ['en-GB', 'en-US', 'ru-RU'] as const;

export type LocaleName = (typeof LOCALES)[number];

export const DEFAULT_STYLE: StyleName = 'chicago-author-date';
export const DEFAULT_LANG = 'en-GB';

/** The style file an essay's `csl:` names, or a message listing what exists. */
export function styleName(requested: string): StyleName | { problem: string } {
  const name = STYLE_ALIASES[requested] ?? requested;
  if ((STYLES as readonly string[]).includes(name)) return name as StyleName;
  return {
    problem:
      `unknown citation style "csl: ${requested}"${didYouMean(requested, [...STYLES, ...Object.keys(STYLE_ALIASES)])}` +
      ` Styles available offline: ${STYLES.join(', ')}.`,
  };
}

/**
 * The CSL locale for an essay's `lang`: an exact match, else the first locale
 * of the same language (`en` → `en-GB`), else a message listing what exists.
 */
export function localeName(lang: string): LocaleName | { problem: string } {
  const exact = LOCALES.find((l) => l.toLowerCase() === lang.toLowerCase());
  const sameLanguage = LOCALES.find((l) => l.split('-')[0] === lang.split('-')[0]?.toLowerCase());
  return (
    exact ??
    sameLanguage ?? {
      problem:
        `no citation locale for "lang: ${lang}". Locales available offline: ${LOCALES.join(', ')}` +
        ' (add the official locales-xx-XX.xml to src/csl/locales/ to support another).',
    }
  );
}
