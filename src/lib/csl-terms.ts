/** One term of a CSL locale: its name, its form (long where none is written) and its words (one, or a singular and a plural). */
export interface LocaleTerm {
  name: string;
  form: 'long' | 'short';
  words: string[];
}

const byLocale = new Map<string, readonly LocaleTerm[]>();

/**
 * The terms of a CSL locale file (src/csl/locales/), read once per file,
 * their entities decoded (`«&#160;` is «, a no-break space). A term with
 * attributes besides its name and form (a gender) is not among them.
 */
export function localeTerms(localeXml: string): readonly LocaleTerm[] {
  let terms = byLocale.get(localeXml);
  if (terms) return terms;
  terms = [...localeXml.matchAll(/<term name="([a-z-]+)"(?: form="(short|long)")?>([^]*?)<\/term>/g)].map(([, name, form, body]) => ({
    name: name!,
    form: form === 'short' ? 'short' : 'long',
    words: (body!.includes('<') ? [...body!.matchAll(/<(?:single|multiple)>([^<]*)</g)].map((m) => m[1]!) : [body!]).map(decodeXml),
  }));
  byLocale.set(localeXml, terms);
  return terms;
}

/** A term's long form, as a locale gives it: "" where it gives none. */
export function localeTerm(localeXml: string, name: string): string {
  return localeTerms(localeXml).find((term) => term.name === name && term.form === 'long')?.words[0] ?? '';
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([\da-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
