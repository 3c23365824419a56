import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Persian: published as /ui-strings/fa.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say. Numbers are written in Persian digits
 * (Intl.NumberFormat('fa')).
 */
export const client: ClientStrings = {
  search: {
    loading: 'در حال بارگذاری جستجو…',
    noResults: 'برای «{term}» نتیجه‌ای پیدا نشد',
    withFilters: ' (با این پالایه‌ها)',
    // "All essays" is a link and the verb would come after it: here it is a list's name instead.
    tryOther: '. واژه‌های کمتر یا دیگری را بیازمایید. فهرست کامل: ',
    browseAll: 'همهٔ جستارها',
    end: '.',
    results: { one: '{n} نتیجه', other: '{n} نتیجه' },
    countEnd: '.',
    forTerm: ' برای «{term}»',
    failed: 'جستجو بارگذاری نشد. اتصال را بررسی کنید و دوباره جستجو کنید.',
    noIndexInDev: 'در `astro dev` جستجو نمایه ندارد: در سایت ساخته‌شده کار می‌کند (`npm run build && npm run preview`).',
    filters: { tag: 'برچسب', essay: 'جستار' },
  },
  steps: {
    label: 'یافته‌های جستجو',
    count: '{n} از {of}',
    previous: 'یافتهٔ قبلی',
    next: 'یافتهٔ بعدی',
    clear: 'پاک کردن نشانه‌ها',
  },
  copy: {
    sectionCopied: 'پیوند بخش کپی شد.',
    copyByHand: 'این پیوند را کپی کنید: {url}',
    notShared: 'هم‌رسانی انجام نشد. پیوند: {url}',
    passageOffer: 'کپی پیوند این بند',
    passageCopied: 'پیوند بند کپی شد.',
    citationCopied: 'ارجاع کپی شد.',
    citationByHand: 'برای کپی، ارجاع را برگزینید.',
  },
  preview: {
    goToEntry: 'رفتن به مدخل در کتاب‌نامه',
    goToNote: 'رفتن به یادداشت',
  },
};
