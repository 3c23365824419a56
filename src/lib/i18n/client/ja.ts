import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Japanese: published as /ui-strings/ja.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: '検索を読み込んでいます…',
    noResults: '「{term}」に一致する結果はありません',
    withFilters: '（この絞り込み条件では）',
    // "Every essay" is a link and the verb would come after it: here it is named after a colon instead.
    tryOther: '。語句を減らすか、別の語句をお試しください。参照：',
    browseAll: '論考一覧',
    end: '。',
    results: { other: '{n}件の結果' },
    countEnd: '。',
    forTerm: '（「{term}」）',
    failed: '検索を読み込めませんでした。接続を確認してから、もう一度検索してください。',
    noIndexInDev: '`astro dev` では検索の索引がありません。ビルドしたサイトで動作します（`npm run build && npm run preview`）。',
    filters: { tag: 'タグ', essay: '論考' },
  },
  steps: {
    label: '検索の一致箇所',
    count: '{n} / {of}',
    previous: '前の一致箇所',
    next: '次の一致箇所',
    clear: 'ハイライトを消す',
  },
  copy: {
    sectionCopied: '節へのリンクをコピーしました。',
    copyByHand: 'このリンクをコピーしてください：{url}',
    notShared: '共有できませんでした。リンク：{url}',
    passageOffer: 'この段落へのリンクをコピー',
    passageCopied: '段落へのリンクをコピーしました。',
    citationCopied: '引用をコピーしました。',
    citationByHand: '引用を選択してコピーしてください。',
  },
  preview: {
    goToEntry: '参考文献の項目へ移動',
    goToNote: '注へ移動',
  },
};
