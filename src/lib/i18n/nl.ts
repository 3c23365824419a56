import { client } from './client/nl.ts';
import type { UiStrings } from './types.ts';

/**
 * Dutch, in the Taalunie's spelling (the Groene Boekje), with the double
 * quotation marks “…” of the CSL nl-NL locale (the essay's own quotes are set
 * so too). The words are those of Dutch scholarly books: the bibliography is
 * the "Literatuur" (a "literatuurlijst" in a sentence), the notes "Noten", a
 * citation a "bronverwijzing" (a "citaat" is a quotation), a section a
 * "paragraaf", as Dutch theses number them (§ 2), not the CSL locale's
 * "sectie"; an equation is a "vergelijking" (the CSL locale leaves
 * "equation" in English). Actions are infinitives after their object, as
 * Dutch interfaces write them ("Link kopiëren"), and the reader is "je".
 * The date line reads "Geschreven: 25 april 2021", as journals write
 * "Ontvangen: …", which takes a day, a month or a year alike (a preposition
 * would change with them: op 25 april, in april). Dutch's plural rules have
 * `one` and `other`.
 */
export const nl: UiStrings = {
  bibliography: 'Literatuur',
  notes: 'Noten',
  backToNote: (n) => `Terug naar nootverwijzing ${n}`,
  backToCitation: (n, where) => `Terug naar bronverwijzing ${n} ${where}`,
  introduction: 'in de inleiding',
  inNote: (n) => `in noot ${n}`,
  inSection: (title) => `in de paragraaf “${title}”`,
  linkToSection: (title) => `Link naar de paragraaf: ${title}`,
  copyLinkToSection: (title) => `Link naar de paragraaf kopiëren: ${title}`,
  shareSection: (title) => `Paragraaf delen: ${title}`,
  sectionOf: (essayHtml) => `Een paragraaf uit het essay ${essayHtml}.`,
  readSection: (title) => `Lees “${title}”`,
  sectionDescription: (section, essay) => `De paragraaf “${section}” uit het essay “${essay}”.`,
  crossref: {
    fig: { one: 'Figuur', many: 'Figuren' },
    tbl: { one: 'Tabel', many: 'Tabellen' },
    eq: { one: 'Vergelijking', many: 'Vergelijkingen' },
    sec: { one: 'Paragraaf', many: 'Paragrafen' },
  },
  crossrefLowercase: true,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Geschreven: ${date}`,
  revised: (date) => `Herzien: ${date}`,
  revisions: 'Herzieningen',
  readingTime: { one: '{n} min leestijd', other: '{n} min leestijd' },
  contents: 'Inhoud',

  layout: {
    skipToContent: 'Direct naar de tekst',
    siteNavigation: 'Site',
    search: 'Zoeken',
    darkTheme: 'Donker thema',
    lightTheme: 'Licht thema',
    licensedUnder: 'Tekst beschikbaar onder de licentie',
    allRightsReserved: 'Alle rechten voorbehouden',
    stop: '. ',
    feed: 'Feed (RSS)',
    allEssays: 'Alle essays',
  },

  cite: {
    title: 'Dit essay citeren',
    copy: 'Bronvermelding kopiëren',
    thisEssay: 'Dit essay',
    itsBibliography: 'De literatuurlijst',
    downloadGroup: (group) => `Downloaden: ${group}`,
    downloadFile: (format, group) => `${group} downloaden (${format})`,
  },

  searchBox: {
    label: 'Zoeken in de essays',
    placeholder: 'Woorden, namen, titels',
    submit: 'Zoeken',
    more: 'Meer resultaten tonen',
    dialogTitle: 'Zoeken in de essays',
    close: 'Sluiten',
  },

  // The verb comes last: "Je kunt wel [alle essays] lezen."
  searchPage: {
    description: 'Zoeken in de tekst van alle essays.',
    noScript: 'Zoeken werkt alleen met JavaScript, en dat staat uit. Je kunt wel ',
    noScriptLink: 'alle essays',
    noScriptEnd: ' lezen.',
  },

  notFound: {
    title: 'Pagina niet gevonden',
    text: 'Op dit adres staat geen pagina. Misschien is de pagina verplaatst, of bevat de link een tikfout.',
    read: 'Lees ',
    allEssays: 'alle essays',
    or: ' of ',
    searchText: 'doorzoek ze',
    end: '.',
  },

  client,
};
