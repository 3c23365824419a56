import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Italian: published as /ui-strings/it.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say. A million results take "di", as a million of
 * anything does ("1.000.000 di risultati": Italian's `many`).
 */
export const client: ClientStrings = {
  search: {
    loading: 'Caricamento della ricerca…',
    noResults: 'Nessun risultato per «{term}»',
    withFilters: ' con questi filtri',
    tryOther: '. Prova con meno parole o con altre, oppure sfoglia ',
    browseAll: 'tutti i saggi',
    end: '.',
    results: { one: '{n} risultato', many: '{n} di risultati', other: '{n} risultati' },
    countEnd: '.',
    forTerm: ' per «{term}»',
    failed: 'Non è stato possibile caricare la ricerca. Controlla la connessione, poi cerca di nuovo.',
    noIndexInDev: 'Con `astro dev` la ricerca non ha un indice: funziona nel sito compilato (`npm run build && npm run preview`).',
    filters: { tag: 'Parola chiave', essay: 'Saggio' },
  },
  steps: {
    label: 'Occorrenze della ricerca',
    count: '{n} di {of}',
    previous: 'Occorrenza precedente',
    next: 'Occorrenza successiva',
    clear: 'Togli l’evidenziazione',
  },
  copy: {
    sectionCopied: 'Link alla sezione copiato.',
    copyByHand: 'Copia questo link: {url}',
    notShared: 'Condivisione non riuscita. Il link è {url}',
    passageOffer: 'Copia il link a questo passo',
    passageCopied: 'Link al passo copiato.',
    citationCopied: 'Citazione copiata.',
    citationByHand: 'Seleziona la citazione per copiarla.',
  },
  preview: {
    goToEntry: 'Vai alla voce della bibliografia',
    goToNote: 'Vai alla nota',
  },
};
