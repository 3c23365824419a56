import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in German: published as /ui-strings/de.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'Suche wird geladen…',
    noResults: 'Keine Ergebnisse für „{term}“',
    withFilters: ' mit diesen Filtern',
    tryOther: '. Versuchen Sie weniger oder andere Wörter, oder sehen Sie sich ',
    browseAll: 'alle Essays',
    end: ' an.',
    results: { one: '{n} Ergebnis', other: '{n} Ergebnisse' },
    countEnd: '.',
    forTerm: ' für „{term}“',
    failed: 'Die Suche konnte nicht geladen werden. Prüfen Sie die Verbindung und suchen Sie noch einmal.',
    noIndexInDev:
      'Unter `astro dev` hat die Suche keinen Index: Sie funktioniert auf der gebauten Website (`npm run build && npm run preview`).',
    filters: { tag: 'Schlagwort', essay: 'Essay' },
  },
  steps: {
    label: 'Treffer',
    count: '{n} von {of}',
    previous: 'Vorheriger Treffer',
    next: 'Nächster Treffer',
    clear: 'Markierungen entfernen',
  },
  copy: {
    sectionCopied: 'Link zum Abschnitt kopiert.',
    copyByHand: 'Kopieren Sie diesen Link: {url}',
    notShared: 'Teilen nicht möglich. Der Link lautet {url}',
    passageOffer: 'Link zu dieser Textstelle kopieren',
    passageCopied: 'Link zur Textstelle kopiert.',
    citationCopied: 'Zitat kopiert.',
    citationByHand: 'Markieren Sie das Zitat, um es zu kopieren.',
  },
  preview: {
    goToEntry: 'Zum Eintrag im Literaturverzeichnis',
    goToNote: 'Zur Anmerkung',
  },
};
