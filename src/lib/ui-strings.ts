/**
 * The words the site itself puts around and inside an essay, in the essay's
 * language. English is the fallback for a language with no table yet.
 */
export interface UiStrings {
  /** The bibliography section's heading. */
  bibliography: string;
  /** The notes section's heading. */
  notes: string;
  /** A backlink from a note to its reference: "Back to reference 2". */
  backToNote: (n: number) => string;
  /** A backlink from an entry to its n-th citation, and where that is: "Back to citation 1, in ‘The July Days’". */
  backToCitation: (n: number, where: string) => string;
  /** Where a citation before the first heading is. */
  introduction: string;
  /** Where a citation in a note is: "note 3". */
  inNote: (n: string) => string;
  /** A section heading in quotes, as a place: "‘The July Days’". */
  inSection: (title: string) => string;
  /** A heading's one link (to its share page), named for what it does: go there, copy it, or share it. */
  linkToSection: (title: string) => string;
  copyLinkToSection: (title: string) => string;
  shareSection: (title: string) => string;
  /** A share page: "A section of <cite>…</cite>." (the essay's title comes as HTML). */
  sectionOf: (essayHtml: string) => string;
  /** A share page's link on to the section: "Read “The July Days”". */
  readSection: (title: string) => string;
  /** A section's description when it opens with no prose. */
  sectionDescription: (section: string, essay: string) => string;
  /** What cross-references call figures, tables, equations and sections: "Figure 1", "Figures 1 and 2". */
  crossref: Record<'fig' | 'tbl' | 'eq' | 'sec', { one: string; many: string }>;
  /** Between a numbered caption's label and its words: "Figure 1: A map". */
  captionSeparator: string;
  /** A display equation's number, at its right: "(3)". */
  equationNumber: (n: string) => string;
  /** The date line's revision date: "Revised 10 February 2015". */
  revised: (date: string) => string;
  /** The heading of the list of revisions at the end of the essay. */
  revisions: string;
  /** A note preview's link to the note itself. */
  goToNote: string;
}

const en: UiStrings = {
  bibliography: 'Bibliography',
  notes: 'Notes',
  backToNote: (n) => `Back to reference ${n}`,
  backToCitation: (n, where) => `Back to citation ${n}, in ${where}`,
  introduction: 'the introduction',
  inNote: (n) => `note ${n}`,
  inSection: (title) => `‘${title}’`,
  linkToSection: (title) => `Link to section: ${title}`,
  copyLinkToSection: (title) => `Copy link to section: ${title}`,
  shareSection: (title) => `Share section: ${title}`,
  sectionOf: (essayHtml) => `A section of ${essayHtml}.`,
  readSection: (title) => `Read “${title}”`,
  sectionDescription: (section, essay) => `The “${section}” section of “${essay}”.`,
  crossref: {
    fig: { one: 'Figure', many: 'Figures' },
    tbl: { one: 'Table', many: 'Tables' },
    eq: { one: 'Equation', many: 'Equations' },
    sec: { one: 'Section', many: 'Sections' },
  },
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  revised: (date) => `Revised ${date}`,
  revisions: 'Revisions',
  goToNote: 'Go to the note',
};

const TABLES: Record<string, UiStrings> = { en };

/** The interface words for a BCP 47 language (`en-GB` → `en`), English when none are written yet. */
export function uiStrings(lang: string): UiStrings {
  return TABLES[lang.toLowerCase()] ?? TABLES[lang.split('-')[0]!.toLowerCase()] ?? en;
}
