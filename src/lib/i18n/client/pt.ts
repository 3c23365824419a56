import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in European Portuguese: published as
 * /ui-strings/pt.json (src/pages/ui-strings/[lang].json.ts), which a script
 * fetches only when it first has something to say. Brazil's words are
 * client/pt-br.ts. A million results take "de" ("1 000 000 de resultados":
 * Portuguese's `many`).
 */
export const client: ClientStrings = {
  search: {
    loading: 'A carregar a pesquisa…',
    noResults: 'Nenhum resultado para «{term}»',
    withFilters: ' com estes filtros',
    tryOther: '. Tente usar menos palavras ou palavras diferentes, ou veja ',
    browseAll: 'todos os ensaios',
    end: '.',
    results: { one: '{n} resultado', many: '{n} de resultados', other: '{n} resultados' },
    countEnd: '.',
    forTerm: ' para «{term}»',
    failed: 'Não foi possível carregar a pesquisa. Verifique a ligação e pesquise de novo.',
    noIndexInDev: 'Com `astro dev`, a pesquisa não tem índice: funciona no site gerado (`npm run build && npm run preview`).',
    filters: { tag: 'Palavra-chave', essay: 'Ensaio' },
  },
  steps: {
    label: 'Ocorrências da pesquisa',
    count: '{n} de {of}',
    previous: 'Ocorrência anterior',
    next: 'Ocorrência seguinte',
    clear: 'Remover os destaques',
  },
  copy: {
    sectionCopied: 'Ligação para a secção copiada.',
    copyByHand: 'Copie esta ligação: {url}',
    notShared: 'Não foi possível partilhar. A ligação é {url}',
    passageOffer: 'Copiar a ligação para esta passagem',
    passageCopied: 'Ligação para a passagem copiada.',
    citationCopied: 'Referência copiada.',
    citationByHand: 'Selecione a referência para copiá-la.',
  },
  preview: {
    goToEntry: 'Ir para a entrada na bibliografia',
    goToNote: 'Ir para a nota',
  },
};
