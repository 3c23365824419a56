import { client } from './client/he.ts';
import type { UiStrings } from './types.ts';

/**
 * Hebrew, written right to left (the page's `dir` comes from the language:
 * src/lib/direction.ts). Places in backlinks carry their own preposition
 * ("במבוא", "בהערה 3", "בפרק „…”"); the date line reads "נכתב: מרץ 2021",
 * which takes a month or a day alike.
 */
export const he: UiStrings = {
  bibliography: 'ביבליוגרפיה',
  notes: 'הערות',
  backToNote: (n) => `חזרה לסימון הערה ${n}`,
  backToCitation: (n, where) => `חזרה למובאה ${n} ${where}`,
  introduction: 'במבוא',
  inNote: (n) => `בהערה ${n}`,
  inSection: (title) => `בפרק „${title}”`,
  linkToSection: (title) => `קישור לפרק: ${title}`,
  copyLinkToSection: (title) => `העתקת קישור לפרק: ${title}`,
  shareSection: (title) => `שיתוף הפרק: ${title}`,
  sectionOf: (essayHtml) => `פרק מתוך ${essayHtml}.`,
  readSection: (title) => `לקריאת „${title}”`,
  sectionDescription: (section, essay) => `הפרק „${section}” מתוך „${essay}”.`,
  crossref: {
    fig: { one: 'איור', many: 'איורים' },
    tbl: { one: 'טבלה', many: 'טבלאות' },
    eq: { one: 'משוואה', many: 'משוואות' },
    sec: { one: 'פרק', many: 'פרקים' },
  },
  crossrefLowercase: false,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `נכתב: ${date}`,
  revised: (date) => `עודכן: ${date}`,
  revisions: 'גרסאות',
  readingTime: { one: '{n} דקת קריאה', two: '{n} דקות קריאה', other: '{n} דקות קריאה' },
  contents: 'תוכן העניינים',

  layout: {
    skipToContent: 'דילוג לתוכן',
    siteNavigation: 'האתר',
    search: 'חיפוש',
    darkTheme: 'ערכת נושא כהה',
    lightTheme: 'ערכת נושא בהירה',
    licensedUnder: 'הטקסט מפורסם ברישיון',
    allRightsReserved: 'כל הזכויות שמורות',
    stop: '. ',
    feed: 'פיד (RSS)',
    allEssays: 'כל המסות',
  },

  cite: {
    title: 'ציטוט המסה',
    copy: 'העתקת הציטוט',
    thisEssay: 'המסה הזאת',
    itsBibliography: 'הביבליוגרפיה שלה',
    downloadGroup: (group) => `הורדה: ${group}`,
    downloadFile: (format, group) => `הורדת ${group} (${format})`,
  },

  searchBox: {
    label: 'חיפוש במסות',
    placeholder: 'מילים, שמות, כותרות',
    submit: 'חיפוש',
    more: 'תוצאות נוספות',
    dialogTitle: 'חיפוש במסות',
    close: 'סגירה',
  },

  searchPage: {
    description: 'חיפוש בטקסט של כל המסות.',
    noScript: 'החיפוש דורש JavaScript, שכבוי כרגע. עדיין אפשר לקרוא את ',
    noScriptLink: 'כל המסות',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'הדף לא נמצא',
    text: 'אין דף בכתובת הזאת. ייתכן שהוא הועבר, או שנפלה שגיאה בקישור.',
    read: 'אפשר לקרוא את ',
    allEssays: 'כל המסות',
    or: ', או ',
    searchText: 'לחפש בטקסט שלהן',
    end: '.',
  },

  client,
};
