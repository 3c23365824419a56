import { client } from './client/it.ts';
import type { UiStrings } from './types.ts';

/** "Questo saggio" inside a sentence: "Scarica questo saggio (BibTeX)". */
const inSentence = (words: string) => words.charAt(0).toLocaleLowerCase('it') + words.slice(1);

/**
 * Italian. Quotation marks are the caporali «…», set close, as Italian
 * publishers set them and the CSL it-IT locale gives them (the essay's own
 * quotes are set so too); the apostrophe is ’ (nell’introduzione). The words
 * are those of Italian scholarly books and of Italian Wikipedia: the contents
 * are the "Indice", a citation a "citazione", the mark in the text a
 * "richiamo di nota", a section a "sezione" (the CSL locale's word); a table
 * is a "Tabella", as Italian papers number them, not the CSL locale's older
 * "tavola" (which is also a plate). Places in backlinks carry their own
 * articulated preposition ("nell’introduzione", "nella nota 3", "nella
 * sezione «…»"). The date line reads "Scritto: 25 aprile 2021", as journals
 * write "Ricevuto: …", which takes a day, a month or a year alike (a
 * preposition would change with each: il 25 aprile, ad aprile, nel 2021);
 * the participles agree with "saggio". Requests address the reader as "tu",
 * as Italian websites do. Italian's plural rules have `one`, `many` (a
 * million, "1.000.000 di risultati") and `other`.
 */
export const it: UiStrings = {
  bibliography: 'Bibliografia',
  notes: 'Note',
  backToNote: (n) => `Torna al richiamo di nota ${n}`,
  backToCitation: (n, where) => `Torna alla citazione ${n} ${where}`,
  introduction: 'nell’introduzione',
  inNote: (n) => `nella nota ${n}`,
  inSection: (title) => `nella sezione «${title}»`,
  linkToSection: (title) => `Link alla sezione: ${title}`,
  copyLinkToSection: (title) => `Copia il link alla sezione: ${title}`,
  shareSection: (title) => `Condividi la sezione: ${title}`,
  sectionOf: (essayHtml) => `Una sezione del saggio ${essayHtml}.`,
  readSection: (title) => `Leggi «${title}»`,
  sectionDescription: (section, essay) => `La sezione «${section}» del saggio «${essay}».`,
  crossref: {
    fig: { one: 'Figura', many: 'Figure' },
    tbl: { one: 'Tabella', many: 'Tabelle' },
    eq: { one: 'Equazione', many: 'Equazioni' },
    sec: { one: 'Sezione', many: 'Sezioni' },
  },
  crossrefLowercase: true,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Scritto: ${date}`,
  revised: (date) => `Rivisto: ${date}`,
  revisions: 'Revisioni',
  readingTime: { one: '{n} min di lettura', many: '{n} min di lettura', other: '{n} min di lettura' },
  contents: 'Indice',

  layout: {
    skipToContent: 'Vai al testo',
    siteNavigation: 'Sito',
    search: 'Cerca',
    darkTheme: 'Tema scuro',
    lightTheme: 'Tema chiaro',
    licensedUnder: 'Testo disponibile secondo la licenza',
    allRightsReserved: 'Tutti i diritti riservati',
    stop: '. ',
    feed: 'Feed (RSS)',
    allEssays: 'Tutti i saggi',
  },

  cite: {
    title: 'Cita questo saggio',
    copy: 'Copia la citazione',
    thisEssay: 'Questo saggio',
    itsBibliography: 'La sua bibliografia',
    downloadGroup: (group) => `Scarica: ${group}`,
    downloadFile: (format, group) => `Scarica ${inSentence(group)} (${format})`,
  },

  searchBox: {
    label: 'Cerca nei saggi',
    placeholder: 'Parole, nomi, titoli',
    submit: 'Cerca',
    more: 'Mostra altri risultati',
    dialogTitle: 'Cerca nei saggi',
    close: 'Chiudi',
  },

  searchPage: {
    description: 'Cerca nel testo di tutti i saggi.',
    noScript: 'La ricerca richiede JavaScript, che è disattivato. Puoi comunque leggere ',
    noScriptLink: 'tutti i saggi',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'Pagina non trovata',
    text: 'Non c’è nessuna pagina a questo indirizzo. Potrebbe essere stata spostata, o il link potrebbe contenere un errore.',
    read: 'Leggi ',
    allEssays: 'tutti i saggi',
    or: ' o ',
    searchText: 'cerca nel loro testo',
    end: '.',
  },

  client,
};
