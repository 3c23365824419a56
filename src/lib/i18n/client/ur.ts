import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Urdu: published as /ui-strings/ur.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'تلاش لوڈ ہو رہی ہے…',
    noResults: '«{term}» کے لیے کوئی نتیجہ نہیں ملا',
    withFilters: '، ان فلٹرز کے ساتھ',
    // "All essays" is a link and the verb would come after it: here it is a list's name instead.
    tryOther: '۔ کم یا دوسرے الفاظ آزمائیں۔ پوری فہرست: ',
    browseAll: 'تمام مضامین',
    end: '۔',
    results: { one: '{n} نتیجہ', other: '{n} نتائج' },
    countEnd: '۔',
    forTerm: ' (تلاش: «{term}»)',
    failed: 'تلاش لوڈ نہیں ہو سکی۔ کنکشن دیکھیں اور دوبارہ تلاش کریں۔',
    noIndexInDev: '`astro dev` میں تلاش کا اشاریہ نہیں ہوتا: تلاش بنی ہوئی سائٹ میں کام کرتی ہے (`npm run build && npm run preview`)۔',
    filters: { tag: 'ٹیگ', essay: 'مضمون' },
  },
  steps: {
    label: 'تلاش کے نتائج',
    count: '{of} میں سے {n}',
    previous: 'پچھلا نتیجہ',
    next: 'اگلا نتیجہ',
    clear: 'نشانات ہٹائیں',
  },
  copy: {
    sectionCopied: 'حصے کا ربط کاپی ہو گیا۔',
    copyByHand: 'یہ ربط کاپی کریں: {url}',
    notShared: 'شیئر نہیں ہو سکا۔ ربط یہ ہے: {url}',
    passageOffer: 'اس اقتباس کا ربط کاپی کریں',
    passageCopied: 'اقتباس کا ربط کاپی ہو گیا۔',
    citationCopied: 'حوالہ کاپی ہو گیا۔',
    citationByHand: 'کاپی کرنے کے لیے حوالہ منتخب کریں۔',
  },
  preview: {
    goToEntry: 'کتابیات میں اندراج پر جائیں',
    goToNote: 'حاشیے پر جائیں',
  },
};
