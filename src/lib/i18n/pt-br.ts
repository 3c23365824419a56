import { client } from './client/pt-br.ts';
import { inSentence, pt } from './pt.ts';
import type { UiStrings } from './types.ts';

/**
 * Brazilian Portuguese (`pt-BR`): the Portuguese table (pt.ts) with only the
 * words Brazil writes otherwise. The contents are the "Sumário" (ABNT NBR
 * 6027; an "índice" is the index at the back), a section a "seção", a link
 * a "link" (masculine, so the confirmations agree with it), to share
 * "compartilhar", to download "baixar"; quotation marks are “…”, as pt-BR's
 * CSL locale gives them. Everything else (the date line, the reading time,
 * the requests in the third person) is the same in both.
 */
export const ptBR: UiStrings = {
  ...pt,
  inSection: (title) => `na seção “${title}”`,
  linkToSection: (title) => `Link para a seção: ${title}`,
  copyLinkToSection: (title) => `Copiar o link da seção: ${title}`,
  shareSection: (title) => `Compartilhar a seção: ${title}`,
  sectionOf: (essayHtml) => `Uma seção do ensaio ${essayHtml}.`,
  readSection: (title) => `Ler “${title}”`,
  sectionDescription: (section, essay) => `A seção “${section}” do ensaio “${essay}”.`,
  crossref: { ...pt.crossref, sec: { one: 'Seção', many: 'Seções' } },
  // As ABNT's papers write them in the text: "na Figura 1", "na Tabela 2".
  crossrefLowercase: false,
  contents: 'Sumário',

  cite: {
    ...pt.cite,
    downloadGroup: (group) => `Baixar: ${group}`,
    downloadFile: (format, group) => `Baixar ${inSentence(group)} (${format})`,
  },

  client,
};
