import { client } from './client/zh-hant.ts';
import type { UiStrings } from './types.ts';

/**
 * Chinese in traditional characters (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant`:
 * the script comes from the tag, src/lib/ui-strings.ts), in Taiwan's usage,
 * with full-width punctuation and 「」 quotation marks. Places in backlinks
 * are nouns the sentence takes with 的 ("返回引言的引用3"); the date line reads
 * "寫於2021年3月", which takes a month or a day alike. One plural form.
 */
export const zhHant: UiStrings = {
  bibliography: '參考文獻',
  notes: '註釋',
  backToNote: (n) => `返回註釋${n}的引用處`,
  backToCitation: (n, where) => `返回${where}的引用${n}`,
  introduction: '引言',
  inNote: (n) => `註釋${n}`,
  inSection: (title) => `「${title}」一節`,
  linkToSection: (title) => `章節連結：${title}`,
  copyLinkToSection: (title) => `複製章節連結：${title}`,
  shareSection: (title) => `分享章節：${title}`,
  sectionOf: (essayHtml) => `${essayHtml}中的一節。`,
  readSection: (title) => `閱讀「${title}」`,
  sectionDescription: (section, essay) => `「${essay}」中的「${section}」一節。`,
  crossref: {
    fig: { one: '圖', many: '圖' },
    tbl: { one: '表', many: '表' },
    eq: { one: '公式', many: '公式' },
    sec: { one: '節', many: '節' },
  },
  crossrefLowercase: false,
  captionSeparator: '：',
  equationNumber: (n) => `(${n})`,
  written: (date) => `寫於${date}`,
  revised: (date) => `修訂於${date}`,
  revisions: '修訂紀錄',
  readingTime: { other: '閱讀約需{n}分鐘' },
  contents: '目錄',

  layout: {
    skipToContent: '跳至正文',
    siteNavigation: '網站',
    search: '搜尋',
    darkTheme: '深色主題',
    lightTheme: '淺色主題',
    licensedUnder: '正文授權條款：',
    allRightsReserved: '保留所有權利',
    stop: '。',
    feed: '訂閱（RSS）',
    allEssays: '全部文章',
  },

  cite: {
    title: '引用本文',
    copy: '複製引用',
    thisEssay: '本文',
    itsBibliography: '本文的參考文獻',
    downloadGroup: (group) => `下載：${group}`,
    downloadFile: (format, group) => `下載${group}（${format}）`,
  },

  searchBox: {
    label: '搜尋文章',
    placeholder: '詞語、人名、標題',
    submit: '搜尋',
    more: '顯示更多結果',
    dialogTitle: '搜尋文章',
    close: '關閉',
  },

  searchPage: {
    description: '搜尋所有文章的正文。',
    noScript: '搜尋需要 JavaScript，但它已被關閉。你仍可閱讀',
    noScriptLink: '全部文章',
    noScriptEnd: '。',
  },

  notFound: {
    title: '找不到頁面',
    text: '此網址沒有頁面。它可能已被移動，或者連結有誤。',
    read: '你可以閱讀',
    allEssays: '全部文章',
    or: '，或',
    searchText: '搜尋正文',
    end: '。',
  },

  client,
};
