import { invertedName, naturalOrder } from './authors.ts';
import { type CslItem, plainText } from './csl-item.ts';
import { isoDate } from './dates.ts';
import type { EssayFacts } from './essay-record.ts';
import { cardPath } from './share.ts';
import { withBase } from './site.ts';

/** A `<meta name content>` pair. */
export type Meta = [name: string, content: string];

const yearOf = (item: CslItem) => item.issued?.['date-parts']?.[0]?.[0];

/**
 * Google Scholar's `citation_*` tags (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing):
 * the essay's own facts, and one `citation_reference` per work its bibliography lists.
 */
export function scholarMeta(facts: EssayFacts, references: CslItem[]): Meta[] {
  const date = isoDate(facts.written.date, facts.written.precision).replaceAll('-', '/');
  const meta: Meta[] = [['citation_title', facts.title]];
  // One tag per author, in order, each "Family, Given" (particle and suffix kept: "von Neumann, John"),
  // which Scholar reads without guessing where the family name starts; so are the references' authors below.
  for (const author of facts.authors) meta.push(['citation_author', invertedName(author.csl)]);
  meta.push(['citation_publication_date', date], ['citation_language', facts.lang], ['citation_fulltext_html_url', facts.url.href]);
  for (const item of references) {
    const parts = [
      item.title && `citation_title=${plainText(item.title)}`,
      ...(item.author ?? item.editor ?? []).map((n) => `citation_author=${invertedName(n)}`),
      yearOf(item) && `citation_publication_date=${yearOf(item)}`,
      typeof item['container-title'] === 'string' && `${containerTag(item.type)}=${item['container-title']}`,
      typeof item.publisher === 'string' && `citation_publisher=${item.publisher}`,
    ].filter(Boolean);
    meta.push(['citation_reference', parts.join('; ')]);
  }
  return meta;
}

/** Scholar's tag for the work a reference is part of: a journal, a conference, or a book. */
function containerTag(type: string): string {
  if (type.startsWith('article')) return 'citation_journal_title';
  if (type === 'paper-conference') return 'citation_conference_title';
  return 'citation_inbook_title';
}

const SCHEMA_TYPES: Record<string, string> = {
  book: 'Book',
  chapter: 'Chapter',
  'article-journal': 'ScholarlyArticle',
  webpage: 'WebPage',
};

/**
 * The essay's authors as schema.org names people, with their names' parts; the
 * site author's page and ORCID iD where given, on the one author they are
 * for (the site's, when it names one person).
 */
function people(facts: EssayFacts): Record<string, unknown>[] {
  const own = facts.authors.length === 1;
  return facts.authors.map(({ name, csl }) => ({
    '@type': 'Person',
    name,
    ...(csl.given ? { givenName: csl.given } : {}),
    ...(csl.family ? { familyName: [csl['non-dropping-particle'], csl.family].filter(Boolean).join(' ') } : {}),
    ...(csl.suffix ? { honorificSuffix: csl.suffix } : {}),
    ...(own && facts.authorUrl ? { url: facts.authorUrl } : {}),
    ...(own && facts.orcid ? { sameAs: `https://orcid.org/${facts.orcid}` } : {}),
  }));
}

/** schema.org `ScholarlyArticle` for the essay, with its bibliography as `citation`. */
export function scholarlyArticle(facts: EssayFacts, references: CslItem[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: facts.title,
    name: facts.title,
    description: facts.description,
    url: facts.url.href,
    mainEntityOfPage: facts.url.href,
    image: new URL(cardPath(facts.url.pathname), facts.url).href,
    datePublished: isoDate(facts.written.date, facts.written.precision),
    ...(facts.revised ? { dateModified: isoDate(facts.revised.date, facts.revised.precision) } : {}),
    inLanguage: facts.lang,
    ...(facts.authors.length > 0 ? { author: people(facts) } : {}),
    license: facts.licence.url ?? facts.licence.name,
    isPartOf: { '@type': 'WebSite', name: facts.siteName, url: new URL(withBase('/'), facts.url).href },
    // schema.org's `name` is a person's whole name as it is read: "John von Neumann", "Martin Luther King Jr.".
    citation: references.map((item) => ({
      '@type': SCHEMA_TYPES[item.type] ?? 'CreativeWork',
      name: item.title && plainText(item.title),
      ...(item.author?.length ? { author: item.author.map((n) => ({ '@type': 'Person', name: naturalOrder(n) })) } : {}),
      ...(item.editor?.length ? { editor: item.editor.map((n) => ({ '@type': 'Person', name: naturalOrder(n) })) } : {}),
      ...(yearOf(item) ? { datePublished: String(yearOf(item)) } : {}),
      ...(typeof item.publisher === 'string' ? { publisher: { '@type': 'Organization', name: item.publisher } } : {}),
      ...(typeof item['container-title'] === 'string' ? { isPartOf: { '@type': 'Book', name: item['container-title'] } } : {}),
      ...(typeof item.URL === 'string' ? { url: item.URL } : {}),
    })),
  };
}

/** JSON for inside a `<script>` element: `<` escaped so the text cannot close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
