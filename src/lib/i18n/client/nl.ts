import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Dutch: published as /ui-strings/nl.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'Zoeken wordt geladen…',
    noResults: 'Geen resultaten voor “{term}”',
    withFilters: ' met deze filters',
    tryOther: '. Probeer minder of andere woorden, of bekijk ',
    browseAll: 'alle essays',
    end: '.',
    results: { one: '{n} resultaat', other: '{n} resultaten' },
    countEnd: '.',
    forTerm: ' voor “{term}”',
    failed: 'Zoeken kon niet worden geladen. Controleer de verbinding en zoek opnieuw.',
    noIndexInDev: 'Onder `astro dev` heeft zoeken geen index: het werkt op de gebouwde site (`npm run build && npm run preview`).',
    filters: { tag: 'Trefwoord', essay: 'Essay' },
  },
  steps: {
    label: 'Zoektreffers',
    count: '{n} van {of}',
    previous: 'Vorige treffer',
    next: 'Volgende treffer',
    clear: 'Markeringen wissen',
  },
  copy: {
    sectionCopied: 'Link naar de paragraaf gekopieerd.',
    copyByHand: 'Kopieer deze link: {url}',
    notShared: 'Delen is niet gelukt. De link is {url}',
    passageOffer: 'Link naar deze passage kopiëren',
    passageCopied: 'Link naar de passage gekopieerd.',
    citationCopied: 'Bronvermelding gekopieerd.',
    citationByHand: 'Selecteer de bronvermelding om die te kopiëren.',
  },
  preview: {
    goToEntry: 'Naar de vermelding in de literatuurlijst',
    goToNote: 'Naar de noot',
  },
};
