import { client } from './client/de.ts';
import type { UiStrings } from './types.ts';

/**
 * German. Places in backlinks carry their own preposition and case ("in der
 * Einleitung", "in Anmerkung 3", "im Abschnitt „…“"); quotation marks are
 * German ones („…“).
 */
export const de: UiStrings = {
  bibliography: 'Literaturverzeichnis',
  notes: 'Anmerkungen',
  backToNote: (n) => `Zurück zum Verweis ${n}`,
  backToCitation: (n, where) => `Zurück zum Beleg ${n} ${where}`,
  introduction: 'in der Einleitung',
  inNote: (n) => `in Anmerkung ${n}`,
  inSection: (title) => `im Abschnitt „${title}“`,
  linkToSection: (title) => `Link zum Abschnitt: ${title}`,
  copyLinkToSection: (title) => `Link zum Abschnitt kopieren: ${title}`,
  shareSection: (title) => `Abschnitt teilen: ${title}`,
  sectionOf: (essayHtml) => `Ein Abschnitt aus ${essayHtml}.`,
  readSection: (title) => `„${title}“ lesen`,
  sectionDescription: (section, essay) => `Der Abschnitt „${section}“ aus „${essay}“.`,
  crossref: {
    fig: { one: 'Abbildung', many: 'Abbildungen' },
    tbl: { one: 'Tabelle', many: 'Tabellen' },
    eq: { one: 'Gleichung', many: 'Gleichungen' },
    sec: { one: 'Abschnitt', many: 'Abschnitte' },
  },
  crossrefLowercase: false,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Geschrieben ${date}`,
  revised: (date) => `Überarbeitet ${date}`,
  revisions: 'Überarbeitungen',
  readingTime: { one: '{n} Minute Lesezeit', other: '{n} Minuten Lesezeit' },
  contents: 'Inhalt',

  layout: {
    skipToContent: 'Zum Inhalt springen',
    siteNavigation: 'Website',
    search: 'Suche',
    darkTheme: 'Dunkles Design',
    lightTheme: 'Helles Design',
    licensedUnder: 'Text unter der Lizenz',
    allRightsReserved: 'Alle Rechte vorbehalten',
    stop: '. ',
    feed: 'Feed (RSS)',
    allEssays: 'Alle Essays',
  },

  cite: {
    title: 'Diesen Essay zitieren',
    copy: 'Zitat kopieren',
    thisEssay: 'Dieser Essay',
    itsBibliography: 'Sein Literaturverzeichnis',
    downloadGroup: (group) => `Herunterladen: ${group}`,
    downloadFile: (format, group) => `${group} herunterladen (${format})`,
  },

  searchBox: {
    label: 'Die Essays durchsuchen',
    placeholder: 'Wörter, Namen, Titel',
    submit: 'Suchen',
    more: 'Weitere Ergebnisse',
    dialogTitle: 'Die Essays durchsuchen',
    close: 'Schließen',
  },

  searchPage: {
    description: 'Den Text aller Essays durchsuchen.',
    noScript: 'Die Suche braucht JavaScript, das ausgeschaltet ist. Lesen können Sie trotzdem ',
    noScriptLink: 'alle Essays',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Unter dieser Adresse gibt es keine Seite. Vielleicht ist sie umgezogen, oder der Link enthält einen Tippfehler.',
    read: 'Lesen Sie ',
    allEssays: 'alle Essays',
    or: ' oder ',
    searchText: 'durchsuchen Sie ihren Text',
    end: '.',
  },

  client,
};
