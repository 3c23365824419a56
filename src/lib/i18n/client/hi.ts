import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Hindi: published as /ui-strings/hi.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say. A count is "{n} परिणाम", with no verb, so that
 * nothing agrees with the number (Hindi's `one` is 0 and 1 alike).
 */
export const client: ClientStrings = {
  search: {
    loading: 'खोज लोड हो रही है…',
    noResults: '“{term}” के लिए कोई परिणाम नहीं मिला',
    withFilters: ' (चुने गए फ़िल्टरों के साथ)',
    // "Every essay" is a link, and `end` (which follows it) also ends the count of results, so it is
    // named after a colon rather than inside a sentence whose verb would come after it.
    tryOther: '। कम या दूसरे शब्दों से खोजें, या यहाँ देखें: ',
    browseAll: 'सभी निबंध',
    end: '।',
    results: { one: '{n} परिणाम', other: '{n} परिणाम' },
    countEnd: '।',
    forTerm: ' (खोज: “{term}”)',
    failed: 'खोज लोड नहीं हो सकी। इंटरनेट कनेक्शन जाँचें, फिर दोबारा खोजें।',
    noIndexInDev: '`astro dev` में खोज-अनुक्रमणिका नहीं होती: खोज बिल्ड की गई साइट में काम करती है (`npm run build && npm run preview`)।',
    filters: { tag: 'टैग', essay: 'निबंध' },
  },
  steps: {
    label: 'खोज के मिलान',
    count: '{of} में से {n}',
    previous: 'पिछला मिलान',
    next: 'अगला मिलान',
    clear: 'चिह्न हटाएँ',
  },
  copy: {
    sectionCopied: 'अनुभाग का लिंक कॉपी हो गया।',
    copyByHand: 'यह लिंक कॉपी करें: {url}',
    notShared: 'साझा नहीं किया जा सका। लिंक यह है: {url}',
    passageOffer: 'इस अंश का लिंक कॉपी करें',
    passageCopied: 'अंश का लिंक कॉपी हो गया।',
    citationCopied: 'उद्धरण कॉपी हो गया।',
    citationByHand: 'कॉपी करने के लिए उद्धरण चुनें।',
  },
  preview: {
    goToEntry: 'ग्रंथसूची में प्रविष्टि पर जाएँ',
    goToNote: 'टिप्पणी पर जाएँ',
  },
};
