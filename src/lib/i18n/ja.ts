import { client } from './client/ja.ts';
import type { UiStrings } from './types.ts';

/**
 * Japanese. An essay is a 論考; places in backlinks are nouns the sentence
 * takes with の ("冒頭の引用3に戻る", "注2", "「…」"); the date line reads
 * "2021年3月執筆", which takes a month or a day alike. Japanese has one plural
 * form, and its punctuation (「」、。：) takes no spaces.
 */
export const ja: UiStrings = {
  bibliography: '参考文献',
  notes: '注',
  backToNote: (n) => `注${n}の参照箇所に戻る`,
  backToCitation: (n, where) => `${where}の引用${n}に戻る`,
  introduction: '冒頭',
  inNote: (n) => `注${n}`,
  inSection: (title) => `「${title}」`,
  linkToSection: (title) => `節へのリンク：${title}`,
  copyLinkToSection: (title) => `節へのリンクをコピー：${title}`,
  shareSection: (title) => `節を共有：${title}`,
  sectionOf: (essayHtml) => `${essayHtml}の一節。`,
  readSection: (title) => `「${title}」を読む`,
  sectionDescription: (section, essay) => `「${essay}」の節「${section}」。`,
  crossref: {
    fig: { one: '図', many: '図' },
    tbl: { one: '表', many: '表' },
    eq: { one: '式', many: '式' },
    sec: { one: '節', many: '節' },
  },
  crossrefLowercase: false,
  captionSeparator: '：',
  equationNumber: (n) => `(${n})`,
  written: (date) => `${date}執筆`,
  revised: (date) => `${date}改訂`,
  revisions: '改訂履歴',
  readingTime: { other: '約{n}分で読めます' },
  contents: '目次',

  layout: {
    skipToContent: '本文へ移動',
    siteNavigation: 'サイト',
    search: '検索',
    darkTheme: 'ダークテーマ',
    lightTheme: 'ライトテーマ',
    licensedUnder: '本文のライセンス：',
    allRightsReserved: '無断転載を禁じます',
    stop: '。',
    feed: 'フィード（RSS）',
    allEssays: '論考一覧',
  },

  cite: {
    title: 'この論考を引用する',
    copy: '引用をコピー',
    thisEssay: 'この論考',
    itsBibliography: 'この論考の参考文献',
    downloadGroup: (group) => `ダウンロード：${group}`,
    downloadFile: (format, group) => `${group}をダウンロード（${format}）`,
  },

  searchBox: {
    label: '論考を検索',
    placeholder: '語句、人名、題名',
    submit: '検索',
    more: '結果をさらに表示',
    dialogTitle: '論考を検索',
    close: '閉じる',
  },

  // The verb comes last: "…[論考一覧]からお読みいただけます。"
  searchPage: {
    description: 'すべての論考の本文を検索します。',
    noScript: '検索には JavaScript が必要ですが、無効になっています。',
    noScriptLink: '論考一覧',
    noScriptEnd: 'からお読みいただけます。',
  },

  notFound: {
    title: 'ページが見つかりません',
    text: 'このアドレスにページはありません。移動したか、リンクが誤っている可能性があります。',
    read: '代わりに',
    allEssays: '論考一覧',
    or: 'を読むか、',
    searchText: '本文を検索',
    end: 'してください。',
  },

  client,
};
