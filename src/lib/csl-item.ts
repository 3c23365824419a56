/** A CSL-JSON name: a person in parts, or an organisation as a literal. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

/** A CSL-JSON date: only the parts the source gives, a range as two. */
export interface CslDate {
  'date-parts'?: number[][];
  literal?: string;
  circa?: boolean;
}

/**
 * A CSL-JSON item. String fields may hold citeproc-js's input markup only:
 * `<i>`, `<b>`, `<sup>`, `<sub>`, `<span class="nocase">` and
 * `<span style="font-variant:small-caps;">`. That inline style never reaches a
 * page: the site's citation plugin turns citeproc's small-caps output into a
 * class after formatting, as the Content-Security-Policy allows no inline styles.
 */
export interface CslItem {
  id: string;
  'citation-key'?: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  [field: string]: unknown;
}

/** The markup {@link CslItem} strings may hold, as a pattern: the tags, not their text. */
const INPUT_MARKUP = /<\/?(?:i|b|sup|sub)>|<span (?:class="nocase"|style="font-variant:small-caps;")>|<\/span>/g;

/**
 * A CSL string as plain text, for what shows no markup (`<meta>` content,
 * JSON-LD): `$\sigma$` in a .bib title is `<span class="nocase">σ</span>`
 * for citeproc-js, and σ everywhere else.
 */
export function plainText(value: string): string {
  return value.replace(INPUT_MARKUP, '');
}
