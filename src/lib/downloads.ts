import type { Bibliography } from './bibliography.ts';
import { type EssayFacts, essayItem, exportItems, RECORD_FORMATS, type RecordFormat } from './essay-record.ts';

/** A file a reader can download from an essay's "Cite this essay" section. */
export interface Download {
  /** File name under the essay's URL, e.g. `cite.ris`. */
  file: string;
  /** Link text. */
  label: string;
  type: string;
  body: () => string;
}

/**
 * The essay's record in each format (`cite.bib`, `cite.ris`, `cite.json`) and,
 * when it has one, its whole bibliography (`references.bib` exactly as the
 * author wrote it, `references.json` as CSL-JSON).
 */
export function essayDownloads(facts: EssayFacts, bibliography: Bibliography | undefined): Download[] {
  const record = (format: RecordFormat): Download => ({
    file: `cite.${format}`,
    label: `This essay (${RECORD_FORMATS[format].label})`,
    type: RECORD_FORMATS[format].type,
    body: () => exportItems([essayItem(facts)], format),
  });
  const downloads = [record('bib'), record('ris'), record('json')];
  if (bibliography) {
    downloads.push(
      { file: 'references.bib', label: 'Its bibliography (BibTeX)', type: RECORD_FORMATS.bib.type, body: () => bibliography.text },
      {
        file: 'references.json',
        label: 'Its bibliography (CSL-JSON)',
        type: RECORD_FORMATS.json.type,
        body: () => exportItems(bibliography.items, 'json'),
      },
    );
  }
  return downloads;
}
