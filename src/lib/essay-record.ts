import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem, CslName } from './bibliography.ts';
import { loadLocale, loadStyle } from './csl.ts';
import type { Written } from './dates.ts';

/** What the record of an essay is made from: its frontmatter, its URL, the site. */
export interface EssayFacts {
  slug: string;
  title: string;
  description: string;
  author?: string | undefined;
  written: Written;
  lang: string;
  csl: string;
  url: URL;
  siteName: string;
  /** The essay's file, for error messages about its style or locale. */
  file: string;
}

/**
 * The essay itself as a CSL-JSON item: a web page of the site, dated only as
 * precisely as the author dated it.
 */
export function essayItem(facts: EssayFacts): CslItem {
  const { date, precision } = facts.written;
  const parts = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()].slice(
    0,
    precision === 'year' ? 1 : precision === 'month' ? 2 : 3,
  );
  return {
    id: facts.slug,
    'citation-key': facts.slug,
    type: 'webpage',
    title: facts.title,
    abstract: facts.description,
    'container-title': facts.siteName,
    ...(facts.author ? { author: [personName(facts.author)] } : {}),
    issued: { 'date-parts': [parts] },
    language: facts.lang,
    URL: facts.url.href,
  };
}

/** "Jane Q. Doe" → family Doe, given Jane Q.; a one-word name stays whole. */
export function personName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { literal: name.trim() };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

const csl = plugins.config.get('@csl');
// BibTeX keys are the essays' slugs, not labels citation-js makes up.
(plugins.config.get('@bibtex' as '@csl') as unknown as { format: { useIdAsLabel: boolean } }).format.useIdAsLabel = true;

/** Items formatted as a bibliography in the essay's style and language, as HTML entries. */
export function formatEntries(items: CslItem[], style: string, lang: string, file: string): string[] {
  const s = loadStyle(style, { file });
  const l = loadLocale(lang, { file });
  if (!csl.styles.has(s.name)) csl.styles.add(s.name, s.xml);
  if (!csl.locales.has(l.lang)) csl.locales.add(l.lang, l.xml);
  const html = new Cite(items).format('bibliography', { template: s.name, lang: l.lang, format: 'html' });
  return [...html.matchAll(/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => m[1]!.trim());
}

/** The formats a reader can download a record in. */
export const RECORD_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;

export type RecordFormat = keyof typeof RECORD_FORMATS;

/** Items as BibTeX, RIS or CSL-JSON text. */
export function exportItems(items: CslItem[], format: RecordFormat): string {
  if (format === 'json') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'bib') return new Cite(items).format('bibtex', { format: 'text' });
  // citation-js wraps long RIS values onto untagged lines, which importers
  // reject; the abstract is the only long field, and RIS readers do not need it.
  return new Cite(items.map(({ abstract: _, ...item }) => item)).format('ris', { format: 'text' });
}
