import { type Author, invertedName, readAuthors } from './authors.ts';
import { portableCsl, type TitleCaser, writeBibtex } from './bibtex.ts';
import type { CslItem } from './csl-item.ts';
import { type CalendarDate, dateParts, type Written } from './dates.ts';
import { SITE } from './site.ts';

/** What the record of an essay is made from: its frontmatter, its URL, the site. */
export interface EssayFacts {
  slug: string;
  title: string;
  description: string;
  /** Who wrote it, in order: the essay's `author`, or the site's. */
  authors: Author[];
  /** The author's page and ORCID iD, when the author is the site's (`essays({ author })`). */
  authorUrl?: string | undefined;
  orcid?: string | undefined;
  /** The terms the essay is published under: its own, or the site's. */
  licence: { name: string; url?: string | undefined };
  written: Written;
  /** When it was last revised, if it was (the frontmatter's `updated`, or the repository's date). */
  revised?: CalendarDate | undefined;
  lang: string;
  url: URL;
  siteName: string;
}

/**
 * An essay's facts from its frontmatter, its public address and when it was
 * last revised: the site's author when the essay names none, the site's name
 * as the container. The loader (for the downloads) and the pages (for the
 * metadata) make them here, so that both say the same.
 */
export function essayFactsOf(
  slug: string,
  data: Pick<EssayFacts, 'title' | 'description' | 'written' | 'lang'> & {
    author?: Author[] | undefined;
    licence?: EssayFacts['licence'] | undefined;
  },
  url: URL,
  revised: CalendarDate | undefined,
): EssayFacts {
  const { title, description, author, written, lang } = data;
  const site = author === undefined ? { authorUrl: SITE.author.url, orcid: SITE.author.orcid } : {};
  const licence = data.licence ?? SITE.licence;
  return {
    slug,
    title,
    description,
    authors: author ?? siteAuthors(),
    ...site,
    licence,
    written,
    revised,
    lang,
    url,
    siteName: SITE.name,
  };
}

/**
 * The essay itself as a CSL-JSON item: a web page of the site, dated only as
 * precisely as the author dated it.
 */
export function essayItem(facts: EssayFacts): CslItem {
  const parts = dateParts(facts.written);
  return {
    id: facts.slug,
    'citation-key': facts.slug,
    type: 'webpage',
    title: facts.title,
    abstract: facts.description,
    'container-title': facts.siteName,
    ...(facts.authors.length > 0 ? { author: facts.authors.map((a) => a.csl) } : {}),
    issued: { 'date-parts': [parts] },
    language: facts.lang,
    URL: facts.url.href,
  };
}

/**
 * A formatted record with its URL made a link (citeproc writes it as text,
 * escaping `&`, `<` and `>` as numeric references).
 */
export function linkUrl(html: string, url: string): string {
  const escaped = url.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
  return html.replace(escaped, `<a href="${escaped.replace(/"/g, '&#34;')}">${escaped}</a>`);
}

/**
 * The site's author (`essays({ author: { name } })`), read as an essay's
 * `author` is: "Ann Smith and Bob Jones" are two. A name the reading cannot
 * take apart (a brace without its pair) is cited whole, as written.
 */
export function siteAuthors(): Author[] {
  const read = readAuthors(SITE.author.name);
  return 'authors' in read ? read.authors : [{ name: SITE.author.name, csl: { literal: SITE.author.name } }];
}

/** The formats a reader can download a record in. */
export const RECORD_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;

export type RecordFormat = keyof typeof RECORD_FORMATS;

/**
 * Items as BibTeX (`year`, `month` as a macro and `day`, only as far as the
 * date is known), RIS or CSL-JSON text, each as reference managers import it.
 */
export function exportItems(items: readonly CslItem[], format: RecordFormat, titleCaser?: TitleCaser): string {
  if (format === 'json') return `${JSON.stringify(portableCsl([...items]), null, 2)}\n`;
  if (format === 'bib') return writeBibtex([...items], titleCaser);
  return items.map(risRecord).join('\n');
}

/** RIS types of the CSL types an essay's record uses. */
const RIS_TYPES: Record<string, string> = {
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
  book: 'BOOK',
  chapter: 'CHAP',
  'article-journal': 'JOUR',
};

/**
 * An item as RIS, which citation-js writes with unpadded dates (`2014/3/1/`)
 * and long values wrapped onto untagged lines, both of which importers
 * misread. `PY` is the year; `DA` is `YYYY/MM/DD/` with only the parts known
 * (`2013/10//`, `2013///`), as the RIS specification writes them.
 */
function risRecord(item: CslItem): string {
  const lines: [string, string][] = [['TY', RIS_TYPES[item.type] ?? 'GEN']];
  for (const author of item.author ?? []) lines.push(['AU', invertedName(author)]);
  const text = (tag: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') lines.push([tag, value.replace(/\s+/g, ' ')]);
  };
  text('TI', item.title);
  text('T2', item['container-title']);
  const [year, month, day] = item.issued?.['date-parts']?.[0] ?? [];
  if (year !== undefined) {
    const pad = (n: number | string | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
    lines.push(['PY', String(year)], ['DA', `${year}/${pad(month)}/${pad(day)}/`]);
  }
  text('LA', item.language);
  text('UR', item.URL);
  text('AB', item.abstract);
  text('ID', item.id);
  // `ER  - ` keeps its space: the end of a record is the tag with an empty value, as RIS readers expect it.
  lines.push(['ER', '']);
  return `${lines.map(([tag, value]) => `${tag}  - ${value}`).join('\n')}\n`;
}
