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

/**
 * The CSL locales there are (src/csl/locales/), by BCP 47 tag, and the
 * CSL project's primary dialect of each language (its `locales.json`).
 */
export interface Locales {
  available: readonly string[];
  primary: Readonly<Record<string, string>>;
}

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
 * The CSL locale for an essay's `lang`: an exact match (`de-AT`), else the
 * language's primary dialect (`de` → `de-DE`, `pt` → `pt-PT`, but `en` →
 * `en-GB`, this site's default), else the first locale of the same language
 * (`de-LU` → `de-AT`, were there no `de-DE`), else a message listing what exists.
 */
export function localeName(lang: string, { available, primary }: Locales): string | { problem: string } {
  const wanted = lang.toLowerCase();
  const language = wanted.split('-')[0]!;
  const find = (tag: string | undefined) => available.find((l) => l.toLowerCase() === tag?.toLowerCase());
  const sameLanguage = available.find((l) => l.split('-')[0]!.toLowerCase() === language);
  return (
    find(wanted) ??
    find(language === DEFAULT_LANG.split('-')[0] ? DEFAULT_LANG : primary[language]) ??
    sameLanguage ?? {
      problem:
        `no citation locale for "lang: ${lang}". Locales available offline: ${available.join(', ')}` +
        ' (add the official locales-xx-XX.xml to src/csl/locales/ to support another).',
    }
  );
}
