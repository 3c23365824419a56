import { client } from './client/en.ts';
import type { UiStrings } from './types.ts';

/** English: the site's first language, and the fallback for a language with no table. */
export const en: UiStrings = {
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
  crossrefLowercase: false,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Written ${date}`,
  revised: (date) => `Revised ${date}`,
  revisions: 'Revisions',
  readingTime: { one: '{n} min read', other: '{n} min read' },
  contents: 'Contents',

  layout: {
    skipToContent: 'Skip to content',
    siteNavigation: 'Site',
    search: 'Search',
    darkTheme: 'Dark theme',
    lightTheme: 'Light theme',
    licensedUnder: 'Text under the licence',
    allRightsReserved: 'All rights reserved',
    stop: '. ',
    feed: 'Feed (RSS)',
    allEssays: 'All essays',
  },

  cite: {
    title: 'Cite this essay',
    copy: 'Copy citation',
    thisEssay: 'This essay',
    itsBibliography: 'Its bibliography',
    downloadGroup: (group) => `Download: ${group}`,
    downloadFile: (format, group) => `Download ${group} (${format})`,
  },

  searchBox: {
    label: 'Search the essays',
    placeholder: 'Words, names, titles',
    submit: 'Search',
    more: 'Show more results',
    dialogTitle: 'Search the essays',
    close: 'Close',
  },

  searchPage: {
    description: 'Search the text of every essay.',
    noScript: 'Search needs JavaScript, which is turned off. You can still read ',
    noScriptLink: 'every essay',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    read: 'Read ',
    allEssays: 'all the essays',
    or: ', or ',
    searchText: 'search their text',
    end: '.',
  },

  client,
};
