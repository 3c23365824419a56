import { likelyScript } from './direction.ts';
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
 * `en-GB`, this site's default) if it is written in the tag's script, else
 * the first locale of the same language and script (`zh-HK` → `zh-TW`,
 * `sr-Latn` → `sr-Latn-RS`; `de-LU` → `de-AT`, were there no `de-DE`), else
 * of the same language, else a message listing what exists.
 */
export function localeName(lang: string, { available, primary }: Locales): string | { problem: string } {
  const wanted = lang.toLowerCase();
  const language = wanted.split('-')[0]!;
  const find = (tag: string | undefined) => available.find((l) => l.toLowerCase() === tag?.toLowerCase());
  const sameLanguage = available.filter((l) => l.split('-')[0]!.toLowerCase() === language);
  const dialect = find(language === DEFAULT_LANG.split('-')[0] ? DEFAULT_LANG : primary[language]);
  // In the tag's script, where the language has more than one: `zh-HK` is written in traditional
  // characters, as zh-TW's locale is, not zh-CN's (the primary dialect); `sr-Latn` is sr-Latn-RS's.
  const script = likelyScript(lang);
  const inScript = (l: string | undefined) => (l !== undefined && (script === undefined || likelyScript(l) === script) ? l : undefined);
  return (
    find(wanted) ??
    inScript(dialect) ??
    sameLanguage.find((l) => inScript(l)) ??
    dialect ??
    sameLanguage[0] ?? {
      problem:
        `no citation locale for "lang: ${lang}", which names no language; write its BCP 47 tag (en-GB, fr, pt-BR, zh-TW…). ` +
        `Locales available offline: ${available.join(', ')}.`,
    }
  );
}
