import { client } from './client/hi.ts';
import type { UiStrings } from './types.ts';

/**
 * Hindi, in Devanagari, in the standard spelling of the Central Hindi
 * Directorate (anusvara before a consonant: संदर्भ, अंतर्गत; chandrabindu
 * where the vowel is nasal: टिप्पणियाँ, जाएँ), with the danda "।" ending a
 * sentence and Western commas, colons and quotation marks. The words are those
 * of Hindi scholarly publishing and of Hindi Wikipedia: a citation is an
 * उद्धरण, to cite is उद्धृत करना, the bibliography a ग्रंथसूची, a note a
 * टिप्पणी, a section an अनुभाग (as in the CSL project's hi-IN locale),
 * an essay a निबंध. Requests are in the polite subjunctive (लौटें, जाएँ).
 * Places in backlinks carry their own postposition ("भूमिका में", "टिप्पणी 3
 * में", "“…” अनुभाग में"); the date line reads "लेखन: 1 जून 2022", which takes
 * a month or a year alike. Hindi's plural rules have `one` (0 and 1) and
 * `other`; a noun after a number here (मिनट, परिणाम) is the same in both, so
 * the forms read alike and no verb agrees with the number. Cross-reference
 * labels keep the singular before several numbers ("तालिका 1 और 2"), as
 * Hindi does, since the plural would change its form before a postposition
 * (तालिकाएँ, तालिकाओं में).
 */
export const hi: UiStrings = {
  bibliography: 'ग्रंथसूची',
  notes: 'टिप्पणियाँ',
  backToNote: (n) => `पाठ में टिप्पणी-चिह्न ${n} पर लौटें`,
  backToCitation: (n, where) => `${where} उद्धरण ${n} पर लौटें`,
  introduction: 'भूमिका में',
  inNote: (n) => `टिप्पणी ${n} में`,
  inSection: (title) => `“${title}” अनुभाग में`,
  linkToSection: (title) => `अनुभाग का लिंक: ${title}`,
  copyLinkToSection: (title) => `अनुभाग का लिंक कॉपी करें: ${title}`,
  shareSection: (title) => `अनुभाग साझा करें: ${title}`,
  sectionOf: (essayHtml) => `${essayHtml} निबंध का एक अनुभाग।`,
  readSection: (title) => `“${title}” पढ़ें`,
  sectionDescription: (section, essay) => `“${essay}” निबंध का “${section}” अनुभाग।`,
  crossref: {
    fig: { one: 'चित्र', many: 'चित्र' },
    tbl: { one: 'तालिका', many: 'तालिका' },
    eq: { one: 'समीकरण', many: 'समीकरण' },
    sec: { one: 'अनुभाग', many: 'अनुभाग' },
  },
  crossrefLowercase: false,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `लेखन: ${date}`,
  revised: (date) => `संशोधन: ${date}`,
  revisions: 'संशोधन-इतिहास',
  readingTime: { one: 'पढ़ने में {n} मिनट', other: 'पढ़ने में {n} मिनट' },
  contents: 'विषय-सूची',

  layout: {
    skipToContent: 'मुख्य सामग्री पर जाएँ',
    siteNavigation: 'साइट',
    search: 'खोज',
    darkTheme: 'गहरे रंग की थीम',
    lightTheme: 'हल्के रंग की थीम',
    licensedUnder: 'पाठ का लाइसेंस:',
    allRightsReserved: 'सर्वाधिकार सुरक्षित',
    stop: '। ',
    feed: 'फ़ीड (RSS)',
    allEssays: 'सभी निबंध',
  },

  cite: {
    title: 'इस निबंध को उद्धृत करें',
    copy: 'उद्धरण कॉपी करें',
    thisEssay: 'यह निबंध',
    itsBibliography: 'इसकी ग्रंथसूची',
    downloadGroup: (group) => `डाउनलोड: ${group}`,
    downloadFile: (format, group) => `${group} डाउनलोड करें (${format})`,
  },

  searchBox: {
    label: 'निबंधों में खोजें',
    placeholder: 'शब्द, नाम, शीर्षक',
    submit: 'खोजें',
    more: 'और परिणाम दिखाएँ',
    dialogTitle: 'निबंधों में खोजें',
    close: 'बंद करें',
  },

  // The verb comes last: "… फिर भी आप [सभी निबंध] पढ़ सकते हैं।"
  searchPage: {
    description: 'सभी निबंधों के पाठ में खोजें।',
    noScript: 'खोज के लिए JavaScript आवश्यक है, जो बंद है। फिर भी आप ',
    noScriptLink: 'सभी निबंध',
    noScriptEnd: ' पढ़ सकते हैं।',
  },

  // "आप [सभी निबंध] पढ़ सकते हैं, या [उनके पाठ में खोज सकते हैं]।"
  notFound: {
    title: 'पृष्ठ नहीं मिला',
    text: 'इस पते पर कोई पृष्ठ नहीं है। संभव है कि पृष्ठ का पता बदल गया हो, या लिंक में कोई त्रुटि हो।',
    read: 'आप ',
    allEssays: 'सभी निबंध',
    or: ' पढ़ सकते हैं, या ',
    searchText: 'उनके पाठ में खोज सकते हैं',
    end: '।',
  },

  client,
};
