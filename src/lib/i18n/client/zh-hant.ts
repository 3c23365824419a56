import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Chinese, traditional characters: published
 * as /ui-strings/zh-hant.json (src/pages/ui-strings/[lang].json.ts), which a
 * script fetches only when it first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: '正在載入搜尋…',
    noResults: '沒有符合「{term}」的結果',
    withFilters: '（在這些篩選條件下）',
    tryOther: '。請嘗試更少或其他的詞語，或瀏覽',
    browseAll: '全部文章',
    end: '。',
    results: { other: '{n}個結果' },
    countEnd: '。',
    forTerm: '（「{term}」）',
    failed: '搜尋無法載入。請檢查網路連線，然後重新搜尋。',
    noIndexInDev: '在 `astro dev` 下搜尋沒有索引：搜尋在建置後的網站中可用（`npm run build && npm run preview`）。',
    filters: { tag: '標籤', essay: '文章' },
  },
  steps: {
    label: '搜尋符合項目',
    count: '第{n}個，共{of}個',
    previous: '上一個符合項目',
    next: '下一個符合項目',
    clear: '清除標記',
  },
  copy: {
    sectionCopied: '章節連結已複製。',
    copyByHand: '請複製此連結：{url}',
    notShared: '無法分享。連結為 {url}',
    passageOffer: '複製此段落的連結',
    passageCopied: '段落連結已複製。',
    citationCopied: '引用已複製。',
    citationByHand: '請選取引用以複製。',
  },
  preview: {
    goToEntry: '前往參考文獻條目',
    goToNote: '前往註釋',
  },
};
