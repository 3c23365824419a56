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
};

const TABLES: Record<string, UiStrings> = { en };

/** The interface words for a BCP 47 language (`en-GB` → `en`), English when none are written yet. */
export function uiStrings(lang: string): UiStrings {
  return TABLES[lang.toLowerCase()] ?? TABLES[lang.split('-')[0]!.toLowerCase()] ?? en;
}
