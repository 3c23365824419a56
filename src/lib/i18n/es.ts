import { client } from './client/es.ts';
import type { UiStrings } from './types.ts';

/**
 * Spanish. Quotation marks are angular ones («…»), as the RAE prefers; places
 * in backlinks carry their own preposition ("en la introducción", "en la
 * nota 3"). The date line reads "Redacción: mayo de 2019", which takes a
 * month or a day alike.
 */
export const es: UiStrings = {
  bibliography: 'Bibliografía',
  notes: 'Notas',
  backToNote: (n) => `Volver a la llamada de nota ${n}`,
  backToCitation: (n, where) => `Volver a la cita ${n} ${where}`,
  introduction: 'en la introducción',
  inNote: (n) => `en la nota ${n}`,
  inSection: (title) => `en la sección «${title}»`,
  linkToSection: (title) => `Enlace a la sección: ${title}`,
  copyLinkToSection: (title) => `Copiar el enlace a la sección: ${title}`,
  shareSection: (title) => `Compartir la sección: ${title}`,
  sectionOf: (essayHtml) => `Una sección de ${essayHtml}.`,
  readSection: (title) => `Leer «${title}»`,
  sectionDescription: (section, essay) => `La sección «${section}» de «${essay}».`,
  crossref: {
    fig: { one: 'Figura', many: 'Figuras' },
    tbl: { one: 'Tabla', many: 'Tablas' },
    eq: { one: 'Ecuación', many: 'Ecuaciones' },
    sec: { one: 'Sección', many: 'Secciones' },
  },
  crossrefLowercase: true,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Redacción: ${date}`,
  revised: (date) => `Revisión: ${date}`,
  revisions: 'Revisiones',
  readingTime: { one: '{n} min de lectura', many: '{n} min de lectura', other: '{n} min de lectura' },
  contents: 'Índice',

  layout: {
    skipToContent: 'Saltar al texto',
    siteNavigation: 'Sitio',
    search: 'Buscar',
    darkTheme: 'Tema oscuro',
    lightTheme: 'Tema claro',
    licensedUnder: 'Texto bajo la licencia',
    allRightsReserved: 'Todos los derechos reservados',
    stop: '. ',
    feed: 'Canal (RSS)',
    allEssays: 'Todos los ensayos',
  },

  cite: {
    title: 'Citar este ensayo',
    copy: 'Copiar la cita',
    thisEssay: 'Este ensayo',
    itsBibliography: 'Su bibliografía',
    downloadGroup: (group) => `Descargar: ${group}`,
    downloadFile: (format, group) => `Descargar ${group} (${format})`,
  },

  searchBox: {
    label: 'Buscar en los ensayos',
    placeholder: 'Palabras, nombres, títulos',
    submit: 'Buscar',
    more: 'Más resultados',
    dialogTitle: 'Buscar en los ensayos',
    close: 'Cerrar',
  },

  searchPage: {
    description: 'Buscar en el texto de todos los ensayos.',
    noScript: 'La búsqueda necesita JavaScript, que está desactivado. Aun así puede leer ',
    noScriptLink: 'todos los ensayos',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'Página no encontrada',
    text: 'No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace tenga una errata.',
    read: 'Lea ',
    allEssays: 'todos los ensayos',
    or: ' o ',
    searchText: 'busque en su texto',
    end: '.',
  },

  client,
};
