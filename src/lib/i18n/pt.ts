import { client } from './client/pt.ts';
import type { UiStrings } from './types.ts';

/** "Este ensaio" inside a sentence: "Transferir este ensaio (BibTeX)". */
export const inSentence = (words: string) => words.charAt(0).toLocaleLowerCase('pt') + words.slice(1);

/**
 * Portuguese, as Portugal writes it (`pt`, `pt-PT`, and the tags that follow
 * its norm, `pt-AO`, `pt-MZ`…), in the spelling of the 1990 Orthographic
 * Agreement (desativado), which keeps "secção"; Brazilian Portuguese
 * (`pt-BR`) is this table with the words that differ there (pt-br.ts). That
 * is the split the citations make: the CSL project's `pt` is pt-PT, and only
 * `pt-BR` takes pt-BR's locale, so an essay's interface, its quotes and its
 * bibliography agree. Quotation marks are the angular «…», as pt-PT's locale
 * gives them. The words are those of Portuguese scholarly books: the contents
 * are the "Índice" (a "sumário" is a summary in Portugal), the mark in the
 * text a "chamada de nota", a link a "ligação", to share "partilhar", to
 * download "transferir". Places in backlinks carry their own contracted
 * preposition ("na introdução", "na nota 3", "na secção «…»"); the date line
 * reads "Escrito em 25 de abril de 2021" ("em abril de 2021", "em 2021"), its
 * participles agreeing with "ensaio". Requests are in the third person
 * (Leia, Verifique), which both countries write. Portuguese's plural rules
 * have `one`, `many` (a million, "1 000 000 de resultados") and `other`.
 */
export const pt: UiStrings = {
  bibliography: 'Bibliografia',
  notes: 'Notas',
  backToNote: (n) => `Voltar à chamada de nota ${n}`,
  backToCitation: (n, where) => `Voltar à citação ${n} ${where}`,
  introduction: 'na introdução',
  inNote: (n) => `na nota ${n}`,
  inSection: (title) => `na secção «${title}»`,
  linkToSection: (title) => `Ligação para a secção: ${title}`,
  copyLinkToSection: (title) => `Copiar a ligação para a secção: ${title}`,
  shareSection: (title) => `Partilhar a secção: ${title}`,
  sectionOf: (essayHtml) => `Uma secção do ensaio ${essayHtml}.`,
  readSection: (title) => `Ler «${title}»`,
  sectionDescription: (section, essay) => `A secção «${section}» do ensaio «${essay}».`,
  crossref: {
    fig: { one: 'Figura', many: 'Figuras' },
    tbl: { one: 'Tabela', many: 'Tabelas' },
    eq: { one: 'Equação', many: 'Equações' },
    sec: { one: 'Secção', many: 'Secções' },
  },
  crossrefLowercase: true,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Escrito em ${date}`,
  revised: (date) => `Revisto em ${date}`,
  revisions: 'Revisões',
  readingTime: { one: '{n} min de leitura', many: '{n} min de leitura', other: '{n} min de leitura' },
  contents: 'Índice',

  layout: {
    skipToContent: 'Ir para o texto',
    siteNavigation: 'Site',
    search: 'Pesquisar',
    darkTheme: 'Tema escuro',
    lightTheme: 'Tema claro',
    licensedUnder: 'Texto disponível sob a licença',
    allRightsReserved: 'Todos os direitos reservados',
    stop: '. ',
    feed: 'Feed (RSS)',
    allEssays: 'Todos os ensaios',
  },

  cite: {
    title: 'Citar este ensaio',
    copy: 'Copiar a referência',
    thisEssay: 'Este ensaio',
    itsBibliography: 'A bibliografia',
    downloadGroup: (group) => `Transferir: ${group}`,
    downloadFile: (format, group) => `Transferir ${inSentence(group)} (${format})`,
  },

  searchBox: {
    label: 'Pesquisar nos ensaios',
    placeholder: 'Palavras, nomes, títulos',
    submit: 'Pesquisar',
    more: 'Mostrar mais resultados',
    dialogTitle: 'Pesquisar nos ensaios',
    close: 'Fechar',
  },

  searchPage: {
    description: 'Pesquisar no texto de todos os ensaios.',
    noScript: 'A pesquisa precisa de JavaScript, que está desativado. Ainda assim, pode ler ',
    noScriptLink: 'todos os ensaios',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'Página não encontrada',
    text: 'Não há nenhuma página neste endereço. Pode ter mudado de lugar, ou pode haver um erro no endereço.',
    read: 'Leia ',
    allEssays: 'todos os ensaios',
    or: ' ou ',
    searchText: 'pesquise neles',
    end: '.',
  },

  client,
};
