import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in English: published as /ui-strings/en.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'Loading search…',
    noResults: 'No results for “{term}”',
    withFilters: ' with these filters',
    tryOther: '. Try fewer or other words, or browse ',
    browseAll: 'every essay',
    end: '.',
    results: { one: '{n} result', other: '{n} results' },
    countEnd: '.',
    forTerm: ' for “{term}”',
    failed: 'Search could not load. Check the connection, then search again.',
    noIndexInDev: 'Search has no index under `astro dev`: it works in a built site (`npm run build && npm run preview`).',
    filters: { tag: 'Tag', essay: 'Essay' },
  },
  steps: {
    label: 'Search matches',
    count: '{n} of {of}',
    previous: 'Previous match',
    next: 'Next match',
    clear: 'Clear marks',
  },
  copy: {
    sectionCopied: 'Link to the section copied.',
    copyByHand: 'Copy this link: {url}',
    notShared: 'Could not share. The link is {url}',
    passageOffer: 'Copy link to this passage',
    passageCopied: 'Link to the passage copied.',
    citationCopied: 'Citation copied.',
    citationByHand: 'Select the citation to copy it.',
  },
  preview: {
    goToEntry: 'Go to the bibliography entry',
    goToNote: 'Go to the note',
  },
};
