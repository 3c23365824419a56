import { client } from './client/ar.ts';
import type { UiStrings } from './types.ts';

/**
 * Arabic, written right to left (the page's `dir` comes from the language:
 * src/lib/direction.ts). Places in backlinks carry their own preposition
 * ("في المقدمة", "في الحاشية 3", "في قسم «…»"); the date line reads
 * "كُتب في مارس 2021", which takes a month or a day alike. Counted words take
 * the six plural forms Arabic has (Intl.PluralRules).
 */
export const ar: UiStrings = {
  bibliography: 'المراجع',
  notes: 'الحواشي',
  backToNote: (n) => `العودة إلى علامة الحاشية ${n}`,
  backToCitation: (n, where) => `العودة إلى الإحالة ${n} ${where}`,
  introduction: 'في المقدمة',
  inNote: (n) => `في الحاشية ${n}`,
  inSection: (title) => `في قسم «${title}»`,
  linkToSection: (title) => `رابط القسم: ${title}`,
  copyLinkToSection: (title) => `نسخ رابط القسم: ${title}`,
  shareSection: (title) => `مشاركة القسم: ${title}`,
  sectionOf: (essayHtml) => `قسم من ${essayHtml}.`,
  readSection: (title) => `اقرأ «${title}»`,
  sectionDescription: (section, essay) => `قسم «${section}» من «${essay}».`,
  crossref: {
    fig: { one: 'الشكل', many: 'الأشكال' },
    tbl: { one: 'الجدول', many: 'الجداول' },
    eq: { one: 'المعادلة', many: 'المعادلات' },
    sec: { one: 'القسم', many: 'الأقسام' },
  },
  crossrefLowercase: false,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `كُتب في ${date}`,
  revised: (date) => `رُوجع في ${date}`,
  revisions: 'المراجعات',
  readingTime: {
    zero: '{n} دقيقة قراءة',
    one: '{n} دقيقة قراءة',
    two: '{n} دقيقتا قراءة',
    few: '{n} دقائق قراءة',
    many: '{n} دقيقة قراءة',
    other: '{n} دقيقة قراءة',
  },
  contents: 'المحتويات',

  layout: {
    skipToContent: 'انتقل إلى المحتوى',
    siteNavigation: 'الموقع',
    search: 'بحث',
    darkTheme: 'المظهر الداكن',
    lightTheme: 'المظهر الفاتح',
    licensedUnder: 'النص منشور بموجب رخصة',
    allRightsReserved: 'جميع الحقوق محفوظة',
    stop: '. ',
    feed: 'الخلاصة (RSS)',
    allEssays: 'كل المقالات',
  },

  cite: {
    title: 'استشهد بهذه المقالة',
    copy: 'نسخ الاستشهاد',
    thisEssay: 'هذه المقالة',
    itsBibliography: 'مراجعها',
    downloadGroup: (group) => `تنزيل: ${group}`,
    downloadFile: (format, group) => `تنزيل ${group} (${format})`,
  },

  searchBox: {
    label: 'ابحث في المقالات',
    placeholder: 'كلمات، أسماء، عناوين',
    submit: 'بحث',
    more: 'مزيد من النتائج',
    dialogTitle: 'ابحث في المقالات',
    close: 'إغلاق',
  },

  searchPage: {
    description: 'ابحث في نصوص كل المقالات.',
    noScript: 'يحتاج البحث إلى JavaScript، وهو معطّل. لا يزال بإمكانك قراءة ',
    noScriptLink: 'كل المقالات',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'الصفحة غير موجودة',
    text: 'لا توجد صفحة بهذا العنوان. ربما نُقلت، أو في الرابط خطأ.',
    read: 'اقرأ ',
    allEssays: 'كل المقالات',
    or: '، أو ',
    searchText: 'ابحث في نصوصها',
    end: '.',
  },

  client,
};
