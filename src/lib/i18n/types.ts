import type { PluralForms } from './format.ts';

/**
 * Every word the site itself puts around and inside an essay, in one
 * language: one table per language (en.ts, ru.ts), each typed by this
 * interface, so that a key missing from a table is a type error, and
 * tests/unit/ui-strings.test.ts fails on one that is empty. README, "Adding a
 * language", says how to add a table.
 *
 * Functions build words around what the essay gives (a title, a number);
 * `client` is plain data (strings with `{slots}`, plural forms), kept in
 * client/<lang>.ts: it is published as JSON, one file per language
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches, for its
 * page's language only, when it first speaks (no page loads it before).
 */
export interface UiStrings {
  /** The bibliography section's heading. */
  bibliography: string;
  /** The notes section's heading. */
  notes: string;
  /** A backlink from a note to its reference: "Back to reference 2". */
  backToNote: (n: number) => string;
  /**
   * A backlink from an entry to its n-th citation, and where that is (one of
   * `introduction`, `inNote`, `inSection`): "Back to citation 1, in ‘The July Days’".
   */
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
  /**
   * Whether a cross-reference's word is lower case in running text, as the
   * language's style guides write it ("voir la figure 1"), keeping `crossref`'s
   * capital at the start of a sentence and in a caption's label. English and
   * German keep the capital everywhere.
   */
  crossrefLowercase: boolean;
  /** Between a numbered caption's label and its words: "Figure 1: A map". */
  captionSeparator: string;
  /** A display equation's number, at its right: "(3)". */
  equationNumber: (n: string) => string;
  /** The date line's date of writing: "Written 1 March 2014" (the date in the essay's language already). */
  written: (date: string) => string;
  /** The date line's revision date: "Revised 10 February 2015". */
  revised: (date: string) => string;
  /** The heading of the list of revisions at the end of the essay. */
  revisions: string;
  /** Minutes to read an essay: "1 min read". */
  readingTime: PluralForms;
  /** The contents' heading. */
  contents: string;

  /** The layout around every page. */
  layout: {
    /** The first link of the page, for keyboards: past the header to the text. */
    skipToContent: string;
    /** The header's navigation landmark. */
    siteNavigation: string;
    /** The header's search link (and the search page's title). */
    search: string;
    /** The theme toggle, named for what it does. */
    darkTheme: string;
    lightTheme: string;
    /** The footer: "© Name. Text under the licence CC BY 4.0." */
    licensedUnder: string;
    /** The footer's terms when the site names no licence. */
    allRightsReserved: string;
    /** What ends each of the footer's sentences, with the space the language puts after it ('. ', Urdu's '۔ ', Japanese '。'). */
    stop: string;
    feed: string;
    /** The home page's list of essays, for screen readers. */
    allEssays: string;
  };

  /** "Cite this essay", at the end of each essay. */
  cite: {
    title: string;
    copy: string;
    /** The downloads' groups, and each file's name: "Download: This essay", "Download This essay (BibTeX)". */
    thisEssay: string;
    itsBibliography: string;
    downloadGroup: (group: string) => string;
    downloadFile: (format: string, group: string) => string;
  };

  /** The search box (header dialog and search page) as the page draws it. */
  searchBox: {
    label: string;
    placeholder: string;
    submit: string;
    more: string;
    /** The dialog's title and its close button. */
    dialogTitle: string;
    close: string;
  };

  /** The search page. */
  searchPage: {
    description: string;
    /** Without JavaScript: "Search needs JavaScript, which is turned off. You can still read <a>every essay</a>." */
    noScript: string;
    noScriptLink: string;
    noScriptEnd: string;
  };

  /** The 404 page. */
  notFound: {
    title: string;
    text: string;
    /** "Read <a>all the essays</a>, or <a>search their text</a>." */
    read: string;
    allEssays: string;
    or: string;
    searchText: string;
    end: string;
  };

  /** Words the page's scripts show (client/<lang>.ts). */
  client: ClientStrings;
}

/** What the browser's scripts say; strings may hold `{slots}` (src/lib/i18n/format.ts fills them). */
export interface ClientStrings {
  /** The search results' status line and filters (src/scripts/search-ui.ts). */
  search: {
    loading: string;
    /** "No results for “{term}”" + (" with these filters") + ". Try fewer or other words, or browse " + <a>every essay</a> + "." */
    noResults: string;
    withFilters: string;
    tryOther: string;
    browseAll: string;
    /** What closes that sentence, after the link: "." (German's " an."). */
    end: string;
    /** "3 results" + (" for “{term}”") + ".". */
    results: PluralForms;
    /** What closes the count's sentence: often `end`, but not in German ("." against " an."). */
    countEnd: string;
    forTerm: string;
    failed: string;
    /** Under `astro dev`, where there is no index. */
    noIndexInDev: string;
    /** The filters' names (Pagefind's filter keys). */
    filters: { tag: string; essay: string };
  };
  /** The bar that steps through a search's matches on arrival (src/scripts/search-steps.ts). */
  steps: {
    label: string;
    /** "3 of 8". */
    count: string;
    previous: string;
    next: string;
    clear: string;
  };
  /** Copying and sharing links and the citation (heading-links.ts, passage-offer.ts, cite-copy.ts). */
  copy: {
    sectionCopied: string;
    /** "Copy this link: {url}", when there is no clipboard. */
    copyByHand: string;
    notShared: string;
    passageOffer: string;
    passageCopied: string;
    citationCopied: string;
    citationByHand: string;
  };
  /** The preview's link to what it shows (citation-popover.ts): a citation's entry, a note. */
  preview: {
    goToEntry: string;
    goToNote: string;
  };
}
