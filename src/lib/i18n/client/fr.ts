import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in French: published as /ui-strings/fr.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'Chargement de la recherche…',
    noResults: 'Aucun résultat pour «\u00a0{term}\u00a0»',
    withFilters: ' avec ces filtres',
    tryOther: '. Essayez moins de mots ou d’autres mots, ou parcourez ',
    browseAll: 'tous les essais',
    end: '.',
    results: { one: '{n} résultat', many: '{n} de résultats', other: '{n} résultats' },
    countEnd: '.',
    forTerm: ' pour «\u00a0{term}\u00a0»',
    failed: 'La recherche n’a pas pu se charger. Vérifiez la connexion, puis cherchez à nouveau.',
    noIndexInDev:
      'Sous `astro dev`, la recherche n’a pas d’index\u00a0: elle fonctionne sur le site construit (`npm run build && npm run preview`).',
    filters: { tag: 'Mot-clé', essay: 'Essai' },
  },
  steps: {
    label: 'Occurrences trouvées',
    count: '{n} sur {of}',
    previous: 'Occurrence précédente',
    next: 'Occurrence suivante',
    clear: 'Effacer les marques',
  },
  copy: {
    sectionCopied: 'Lien vers la section copié.',
    copyByHand: 'Copiez ce lien\u00a0: {url}',
    notShared: 'Partage impossible. Le lien est {url}',
    passageOffer: 'Copier le lien vers ce passage',
    passageCopied: 'Lien vers le passage copié.',
    citationCopied: 'Référence copiée.',
    citationByHand: 'Sélectionnez la référence pour la copier.',
  },
  preview: {
    goToEntry: 'Aller à l’entrée de la bibliographie',
    goToNote: 'Aller à la note',
  },
};
