import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Hebrew: published as /ui-strings/he.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'החיפוש נטען…',
    noResults: 'אין תוצאות עבור „{term}”',
    withFilters: ' עם המסננים האלה',
    tryOther: '. כדאי לנסות פחות מילים או מילים אחרות, או לעיין ב',
    browseAll: 'כל המסות',
    end: '.',
    results: { one: '{n} תוצאה', two: '{n} תוצאות', other: '{n} תוצאות' },
    countEnd: '.',
    forTerm: ' עבור „{term}”',
    failed: 'לא ניתן היה לטעון את החיפוש. יש לבדוק את החיבור ולחפש שוב.',
    noIndexInDev: 'תחת `astro dev` אין לחיפוש אינדקס: הוא פועל באתר הבנוי (`npm run build && npm run preview`).',
    filters: { tag: 'תגית', essay: 'מסה' },
  },
  steps: {
    label: 'התאמות בחיפוש',
    count: '{n} מתוך {of}',
    previous: 'ההתאמה הקודמת',
    next: 'ההתאמה הבאה',
    clear: 'ניקוי הסימונים',
  },
  copy: {
    sectionCopied: 'הקישור לפרק הועתק.',
    copyByHand: 'יש להעתיק את הקישור: {url}',
    notShared: 'השיתוף נכשל. הקישור הוא {url}',
    passageOffer: 'העתקת קישור לקטע הזה',
    passageCopied: 'הקישור לקטע הועתק.',
    citationCopied: 'הציטוט הועתק.',
    citationByHand: 'יש לסמן את הציטוט כדי להעתיק אותו.',
  },
  preview: {
    goToEntry: 'מעבר לפריט בביבליוגרפיה',
    goToNote: 'מעבר להערה',
  },
};
