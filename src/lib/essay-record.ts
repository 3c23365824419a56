import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem, CslName } from './csl-item.ts';
import { dateParts, type Written } from './dates.ts';

/** What the record of an essay is made from: its frontmatter, its URL, the site. */
export interface EssayFacts {
  slug: string;
  title: string;
  description: string;
  author?: string | undefined;
  written: Written;
  lang: string;
  url: URL;
  siteName: string;
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

// BibTeX keys are the essays' slugs, not labels citation-js makes up.
plugins.config.get('@bibtex').format.useIdAsLabel = true;

/** The formats a reader can download a record in. */
export const RECORD_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;

export type RecordFormat = keyof typeof RECORD_FORMATS;

/** Items as BibTeX, RIS or CSL-JSON text. */
export function exportItems(items: readonly CslItem[], format: RecordFormat): string {
  if (format === 'json') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'bib') return new Cite([...items]).format('bibtex', { format: 'text' });
  // citation-js wraps long RIS values onto untagged lines, which importers
  // reject; the abstract is the only long field, and RIS readers do not need it.
  return new Cite(items.map(({ abstract: _, ...item }) => item)).format('ris', { format: 'text' });
}
