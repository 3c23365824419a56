import { client } from './client/fa.ts';
import type { UiStrings } from './types.ts';

/**
 * Persian, written right to left in the Arabic script (the page's `dir` comes
 * from the language: src/lib/direction.ts), with the zero-width non-joiner
 * (U+200C) where Persian writes one ("یادداشت‌ها"). Places in backlinks carry
 * their own preposition ("در مقدمه", "در یادداشت ۳", "در بخش «…»"); the date
 * line reads "نوشته‌شده در مارس ۲۰۲۱": in the Gregorian calendar the essay's
 * date is written in, not the Solar Hijri one (src/lib/dates.ts). A noun after
 * a number stays singular, so both plural forms read alike.
 */
export const fa: UiStrings = {
  bibliography: 'کتاب‌نامه',
  notes: 'یادداشت‌ها',
  backToNote: (n) => `بازگشت به نشانهٔ یادداشت ${n}`,
  backToCitation: (n, where) => `بازگشت به ارجاع ${n} ${where}`,
  introduction: 'در مقدمه',
  inNote: (n) => `در یادداشت ${n}`,
  inSection: (title) => `در بخش «${title}»`,
  linkToSection: (title) => `پیوند به بخش: ${title}`,
  copyLinkToSection: (title) => `کپی پیوند بخش: ${title}`,
  shareSection: (title) => `هم‌رسانی بخش: ${title}`,
  sectionOf: (essayHtml) => `بخشی از ${essayHtml}.`,
  readSection: (title) => `خواندن «${title}»`,
  sectionDescription: (section, essay) => `بخش «${section}» از «${essay}».`,
  crossref: {
    fig: { one: 'شکل', many: 'شکل‌های' },
    tbl: { one: 'جدول', many: 'جدول‌های' },
    eq: { one: 'معادله', many: 'معادله‌های' },
    sec: { one: 'بخش', many: 'بخش‌های' },
  },
  crossrefLowercase: false,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `نوشته‌شده در ${date}`,
  revised: (date) => `بازبینی‌شده در ${date}`,
  revisions: 'بازبینی‌ها',
  readingTime: { one: '{n} دقیقه مطالعه', other: '{n} دقیقه مطالعه' },
  contents: 'فهرست مطالب',

  layout: {
    skipToContent: 'رفتن به محتوا',
    siteNavigation: 'سایت',
    search: 'جستجو',
    darkTheme: 'زمینهٔ تیره',
    lightTheme: 'زمینهٔ روشن',
    licensedUnder: 'متن با مجوز',
    allRightsReserved: 'همهٔ حقوق محفوظ است',
    stop: '. ',
    feed: 'خوراک (RSS)',
    allEssays: 'همهٔ جستارها',
  },

  cite: {
    title: 'ارجاع به این جستار',
    copy: 'کپی ارجاع',
    thisEssay: 'این جستار',
    itsBibliography: 'کتاب‌نامهٔ آن',
    downloadGroup: (group) => `دریافت: ${group}`,
    downloadFile: (format, group) => `دریافت ${group} (${format})`,
  },

  searchBox: {
    label: 'جستجو در جستارها',
    placeholder: 'واژه‌ها، نام‌ها، عنوان‌ها',
    submit: 'جستجو',
    more: 'نتایج بیشتر',
    dialogTitle: 'جستجو در جستارها',
    close: 'بستن',
  },

  // The verb comes last in Persian: "… می‌توانید [همهٔ جستارها] را بخوانید."
  searchPage: {
    description: 'جستجو در متن همهٔ جستارها.',
    noScript: 'جستجو به JavaScript نیاز دارد که اکنون خاموش است. همچنان می‌توانید ',
    noScriptLink: 'همهٔ جستارها',
    noScriptEnd: ' را بخوانید.',
  },

  notFound: {
    title: 'صفحه پیدا نشد',
    text: 'در این نشانی صفحه‌ای نیست. شاید جابه‌جا شده باشد، یا پیوند نادرست باشد.',
    read: 'می‌توانید ',
    allEssays: 'همهٔ جستارها',
    or: ' را بخوانید، یا ',
    searchText: 'در متن آن‌ها جستجو کنید',
    end: '.',
  },

  client,
};
