import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Arabic: published as /ui-strings/ar.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'جارٍ تحميل البحث…',
    noResults: 'لا نتائج لـ«{term}»',
    withFilters: ' بهذه المرشحات',
    tryOther: '. جرّب كلمات أقل أو أخرى، أو تصفّح ',
    browseAll: 'كل المقالات',
    end: '.',
    results: {
      zero: '{n} نتيجة',
      one: '{n} نتيجة',
      two: '{n} نتيجتان',
      few: '{n} نتائج',
      many: '{n} نتيجة',
      other: '{n} نتيجة',
    },
    countEnd: '.',
    forTerm: ' لـ«{term}»',
    failed: 'تعذّر تحميل البحث. تحقّق من الاتصال ثم ابحث مجددًا.',
    noIndexInDev: 'لا فهرس للبحث في `astro dev`: يعمل البحث في الموقع المبني (`npm run build && npm run preview`).',
    filters: { tag: 'وسم', essay: 'مقالة' },
  },
  steps: {
    label: 'نتائج البحث في الصفحة',
    count: '{n} من {of}',
    previous: 'النتيجة السابقة',
    next: 'النتيجة التالية',
    clear: 'إزالة التظليل',
  },
  copy: {
    sectionCopied: 'نُسخ رابط القسم.',
    copyByHand: 'انسخ هذا الرابط: {url}',
    notShared: 'تعذّرت المشاركة. الرابط هو {url}',
    passageOffer: 'نسخ رابط هذا المقطع',
    passageCopied: 'نُسخ رابط المقطع.',
    citationCopied: 'نُسخ الاستشهاد.',
    citationByHand: 'حدّد الاستشهاد لنسخه.',
  },
  preview: {
    goToEntry: 'الانتقال إلى المدخل في المراجع',
    goToNote: 'الانتقال إلى الحاشية',
  },
};
