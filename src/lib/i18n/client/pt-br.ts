import type { ClientStrings } from '../types.ts';
import { client as pt } from './pt.ts';

/**
 * What the browser's scripts say in Brazilian Portuguese, published as
 * /ui-strings/pt-br.json: European Portuguese's words (client/pt.ts) but
 * where Brazil's differ, the gerund ("Carregando"), "conexão", "link",
 * "compartilhar" and “…”.
 */
export const client: ClientStrings = {
  ...pt,
  search: {
    ...pt.search,
    loading: 'Carregando a pesquisa…',
    noResults: 'Nenhum resultado para “{term}”',
    forTerm: ' para “{term}”',
    failed: 'Não foi possível carregar a pesquisa. Verifique a conexão e pesquise de novo.',
  },
  copy: {
    ...pt.copy,
    sectionCopied: 'Link da seção copiado.',
    copyByHand: 'Copie este link: {url}',
    notShared: 'Não foi possível compartilhar. O link é {url}',
    passageOffer: 'Copiar o link desta passagem',
    passageCopied: 'Link da passagem copiado.',
  },
};
