import { client } from './client/fr.ts';
import type { UiStrings } from './types.ts';

/**
 * French. Guillemets « … » and the space before a colon are no-break spaces
 * (U+00A0), as French typography sets them; places in backlinks carry their
 * own preposition ("dans l’introduction", "dans la note 3"). The date line
 * reads "Rédaction : mai 2019", which takes a month or a day alike.
 */
export const fr: UiStrings = {
  bibliography: 'Bibliographie',
  notes: 'Notes',
  backToNote: (n) => `Retour à l’appel de note ${n}`,
  backToCitation: (n, where) => `Retour à la citation ${n} ${where}`,
  introduction: 'dans l’introduction',
  inNote: (n) => `dans la note ${n}`,
  inSection: (title) => `dans la section «\u00a0${title}\u00a0»`,
  linkToSection: (title) => `Lien vers la section\u00a0: ${title}`,
  copyLinkToSection: (title) => `Copier le lien vers la section\u00a0: ${title}`,
  shareSection: (title) => `Partager la section\u00a0: ${title}`,
  sectionOf: (essayHtml) => `Une section de ${essayHtml}.`,
  readSection: (title) => `Lire «\u00a0${title}\u00a0»`,
  sectionDescription: (section, essay) => `La section «\u00a0${section}\u00a0» de «\u00a0${essay}\u00a0».`,
  crossref: {
    fig: { one: 'Figure', many: 'Figures' },
    tbl: { one: 'Tableau', many: 'Tableaux' },
    eq: { one: 'Équation', many: 'Équations' },
    sec: { one: 'Section', many: 'Sections' },
  },
  crossrefLowercase: true,
  captionSeparator: '\u00a0: ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Rédaction\u00a0: ${date}`,
  revised: (date) => `Révision\u00a0: ${date}`,
  revisions: 'Révisions',
  readingTime: { one: '{n} min de lecture', many: '{n} min de lecture', other: '{n} min de lecture' },
  contents: 'Sommaire',

  layout: {
    skipToContent: 'Aller au texte',
    siteNavigation: 'Site',
    search: 'Rechercher',
    darkTheme: 'Thème sombre',
    lightTheme: 'Thème clair',
    licensedUnder: 'Texte sous la licence',
    allRightsReserved: 'Tous droits réservés',
    stop: '. ',
    feed: 'Flux (RSS)',
    allEssays: 'Tous les essais',
  },

  cite: {
    title: 'Citer cet essai',
    copy: 'Copier la référence',
    thisEssay: 'Cet essai',
    itsBibliography: 'Sa bibliographie',
    downloadGroup: (group) => `Télécharger\u00a0: ${group}`,
    downloadFile: (format, group) => `Télécharger ${group} (${format})`,
  },

  searchBox: {
    label: 'Rechercher dans les essais',
    placeholder: 'Mots, noms, titres',
    submit: 'Rechercher',
    more: 'Plus de résultats',
    dialogTitle: 'Rechercher dans les essais',
    close: 'Fermer',
  },

  searchPage: {
    description: 'Rechercher dans le texte de tous les essais.',
    noScript: 'La recherche a besoin de JavaScript, qui est désactivé. Vous pouvez toujours lire ',
    noScriptLink: 'tous les essais',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'Page introuvable',
    text: 'Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien est mal saisi.',
    read: 'Lisez ',
    allEssays: 'tous les essais',
    or: ', ou ',
    searchText: 'cherchez dans leur texte',
    end: '.',
  },

  client,
};
