/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), as the BibTeX reader produces it. */
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

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  [part: string]: unknown;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  literal?: string;
  [part: string]: unknown;
}
