import { isEnglish } from './bibtex.ts';
import type { CslItem } from './csl-item.ts';
import { type EssayFacts, essayItem, exportItems, RECORD_FORMATS, type RecordFormat } from './essay-record.ts';

/** A file a reader can download from an essay's "Cite this essay" section. */
export interface Download {
  /** File name under the essay's URL, e.g. `cite.ris`. */
  file: string;
  /** What it is, in full: "This essay (BibTeX)". */
  label: string;
  /** What it holds, and in which format, for a button in a group: "essay", "BibTeX". */
  of: 'essay' | 'bibliography';
  format: string;
  type: string;
  body: () => string;
}

/**
 * The essay's record in each format (`cite.bib`, `cite.ris`, `cite.json`) and,
 * when it has a bibliography, the works it lists (`references.bib` and
 * `references.json`), written from the parsed entries: nothing else in the
 * author's .bib file (comments, `@string`s, works the essay does not list) is
 * published.
 */
export function essayDownloads(facts: EssayFacts, listed: readonly CslItem[], titleCase?: (title: string) => string): Download[] {
  // The works' English titles, sentence-cased as they were read, are in title case again in the .bib (bibtex.ts).
  const english = (item: CslItem) => (isEnglish(typeof item.language === 'string' ? item.language : facts.lang) ? titleCase : undefined);
  const record = (format: RecordFormat): Download => ({
    file: `cite.${format}`,
    label: `This essay (${RECORD_FORMATS[format].label})`,
    of: 'essay',
    format: RECORD_FORMATS[format].label,
    type: RECORD_FORMATS[format].type,
    body: () => exportItems([essayItem(facts)], format),
  });
  const downloads = [record('bib'), record('ris'), record('json')];
  if (listed.length > 0) {
    downloads.push(
      {
        file: 'references.bib',
        label: 'Its bibliography (BibTeX)',
        of: 'bibliography',
        format: RECORD_FORMATS.bib.label,
        type: RECORD_FORMATS.bib.type,
        body: () => exportItems(listed, 'bib', english),
      },
      {
        file: 'references.json',
        label: 'Its bibliography (CSL-JSON)',
        of: 'bibliography',
        format: RECORD_FORMATS.json.label,
        type: RECORD_FORMATS.json.type,
        body: () => exportItems(listed, 'json'),
      },
    );
  }
  return downloads;
}
