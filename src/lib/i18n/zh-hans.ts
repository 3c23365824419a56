import { client } from './client/zh-hans.ts';
import type { UiStrings } from './types.ts';

/**
 * Chinese in simplified characters (`zh`, `zh-CN`, `zh-SG`, `zh-Hans`: the
 * script comes from the tag, src/lib/ui-strings.ts), with full-width
 * punctuation and “” quotation marks. Places in backlinks are nouns the
 * sentence takes with 的 ("返回引言的引用3"); the date line reads
 * "写于2021年3月", which takes a month or a day alike. One plural form.
 */
export const zhHans: UiStrings = {
  bibliography: '参考文献',
  notes: '注释',
  backToNote: (n) => `返回注释${n}的引用处`,
  backToCitation: (n, where) => `返回${where}的引用${n}`,
  introduction: '引言',
  inNote: (n) => `注释${n}`,
  inSection: (title) => `“${title}”一节`,
  linkToSection: (title) => `章节链接：${title}`,
  copyLinkToSection: (title) => `复制章节链接：${title}`,
  shareSection: (title) => `分享章节：${title}`,
  sectionOf: (essayHtml) => `${essayHtml}中的一节。`,
  readSection: (title) => `阅读“${title}”`,
  sectionDescription: (section, essay) => `“${essay}”中的“${section}”一节。`,
  crossref: {
    fig: { one: '图', many: '图' },
    tbl: { one: '表', many: '表' },
    eq: { one: '公式', many: '公式' },
    sec: { one: '节', many: '节' },
  },
  crossrefLowercase: false,
  captionSeparator: '：',
  equationNumber: (n) => `(${n})`,
  written: (date) => `写于${date}`,
  revised: (date) => `修订于${date}`,
  revisions: '修订记录',
  readingTime: { other: '阅读约需{n}分钟' },
  contents: '目录',

  layout: {
    skipToContent: '跳至正文',
    siteNavigation: '网站',
    search: '搜索',
    darkTheme: '深色主题',
    lightTheme: '浅色主题',
    licensedUnder: '正文许可协议：',
    allRightsReserved: '保留所有权利',
    stop: '。',
    feed: '订阅（RSS）',
    allEssays: '全部文章',
  },

  cite: {
    title: '引用本文',
    copy: '复制引用',
    thisEssay: '本文',
    itsBibliography: '本文的参考文献',
    downloadGroup: (group) => `下载：${group}`,
    downloadFile: (format, group) => `下载${group}（${format}）`,
  },

  searchBox: {
    label: '搜索文章',
    placeholder: '词语、人名、标题',
    submit: '搜索',
    more: '显示更多结果',
    dialogTitle: '搜索文章',
    close: '关闭',
  },

  searchPage: {
    description: '搜索所有文章的正文。',
    noScript: '搜索需要 JavaScript，但它已被关闭。你仍可阅读',
    noScriptLink: '全部文章',
    noScriptEnd: '。',
  },

  notFound: {
    title: '找不到页面',
    text: '此地址没有页面。它可能已被移动，或者链接有误。',
    read: '你可以阅读',
    allEssays: '全部文章',
    or: '，或',
    searchText: '搜索正文',
    end: '。',
  },

  client,
};
