import { client } from './client/ur.ts';
import type { UiStrings } from './types.ts';

/**
 * Urdu, written right to left in the Arabic script (the page's `dir` comes
 * from the language: src/lib/direction.ts), with its full stop "۔". Places in
 * backlinks carry their own postposition ("تعارف میں", "حاشیہ 3 میں",
 * "حصے «…» میں"); the date line reads "تحریر: مارچ 2021", which takes a month
 * or a day alike. The CSL project has no Urdu locale, so citations take
 * en-GB's few words, with a warning (src/loader/csl.ts).
 */
export const ur: UiStrings = {
  bibliography: 'کتابیات',
  notes: 'حواشی',
  backToNote: (n) => `حاشیے کے نشان ${n} پر واپس جائیں`,
  backToCitation: (n, where) => `حوالہ ${n} پر واپس جائیں، ${where}`,
  introduction: 'تعارف میں',
  inNote: (n) => `حاشیہ ${n} میں`,
  inSection: (title) => `حصے «${title}» میں`,
  linkToSection: (title) => `حصے کا ربط: ${title}`,
  copyLinkToSection: (title) => `حصے کا ربط کاپی کریں: ${title}`,
  shareSection: (title) => `حصہ شیئر کریں: ${title}`,
  sectionOf: (essayHtml) => `${essayHtml} کا ایک حصہ۔`,
  readSection: (title) => `«${title}» پڑھیں`,
  sectionDescription: (section, essay) => `«${essay}» کا حصہ «${section}»۔`,
  crossref: {
    fig: { one: 'شکل', many: 'اشکال' },
    tbl: { one: 'جدول', many: 'جداول' },
    eq: { one: 'مساوات', many: 'مساواتیں' },
    sec: { one: 'حصہ', many: 'حصے' },
  },
  crossrefLowercase: false,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `تحریر: ${date}`,
  revised: (date) => `نظرثانی: ${date}`,
  revisions: 'ترامیم',
  readingTime: { one: '{n} منٹ کا مطالعہ', other: '{n} منٹ کا مطالعہ' },
  contents: 'فہرست',

  layout: {
    skipToContent: 'مواد پر جائیں',
    siteNavigation: 'سائٹ',
    search: 'تلاش',
    darkTheme: 'تاریک تھیم',
    lightTheme: 'روشن تھیم',
    licensedUnder: 'متن کا لائسنس:',
    allRightsReserved: 'جملہ حقوق محفوظ ہیں',
    stop: '۔ ',
    feed: 'فیڈ (RSS)',
    allEssays: 'تمام مضامین',
  },

  cite: {
    title: 'اس مضمون کا حوالہ',
    copy: 'حوالہ کاپی کریں',
    thisEssay: 'یہ مضمون',
    itsBibliography: 'اس کی کتابیات',
    downloadGroup: (group) => `ڈاؤن لوڈ: ${group}`,
    downloadFile: (format, group) => `${group} ڈاؤن لوڈ کریں (${format})`,
  },

  searchBox: {
    label: 'مضامین میں تلاش',
    placeholder: 'الفاظ، نام، عنوانات',
    submit: 'تلاش',
    more: 'مزید نتائج',
    dialogTitle: 'مضامین میں تلاش',
    close: 'بند کریں',
  },

  // The verb comes last in Urdu: "… آپ اب بھی [تمام مضامین] پڑھ سکتے ہیں۔"
  searchPage: {
    description: 'تمام مضامین کے متن میں تلاش کریں۔',
    noScript: 'تلاش کے لیے JavaScript درکار ہے، جو بند ہے۔ آپ اب بھی ',
    noScriptLink: 'تمام مضامین',
    noScriptEnd: ' پڑھ سکتے ہیں۔',
  },

  notFound: {
    title: 'صفحہ نہیں ملا',
    text: 'اس پتے پر کوئی صفحہ نہیں۔ شاید یہ منتقل ہو گیا ہے، یا ربط میں غلطی ہے۔',
    read: 'آپ ',
    allEssays: 'تمام مضامین',
    or: ' پڑھ سکتے ہیں، یا ',
    searchText: 'ان کے متن میں تلاش کر سکتے ہیں',
    end: '۔',
  },

  client,
};
