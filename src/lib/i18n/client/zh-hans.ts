import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Chinese, simplified characters: published
 * as /ui-strings/zh-hans.json (src/pages/ui-strings/[lang].json.ts), which a
 * script fetches only when it first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: '正在加载搜索…',
    noResults: '没有与“{term}”匹配的结果',
    withFilters: '（在这些筛选条件下）',
    tryOther: '。请尝试更少或其他的词语，或浏览',
    browseAll: '全部文章',
    end: '。',
    results: { other: '{n}个结果' },
    countEnd: '。',
    forTerm: '（“{term}”）',
    failed: '搜索无法加载。请检查网络连接，然后重新搜索。',
    noIndexInDev: '在 `astro dev` 下搜索没有索引：搜索在构建后的网站中可用（`npm run build && npm run preview`）。',
    filters: { tag: '标签', essay: '文章' },
  },
  steps: {
    label: '搜索匹配项',
    count: '第{n}个，共{of}个',
    previous: '上一个匹配项',
    next: '下一个匹配项',
    clear: '清除标记',
  },
  copy: {
    sectionCopied: '章节链接已复制。',
    copyByHand: '请复制此链接：{url}',
    notShared: '无法分享。链接为 {url}',
    passageOffer: '复制此段落的链接',
    passageCopied: '段落链接已复制。',
    citationCopied: '引用已复制。',
    citationByHand: '请选中引用以复制。',
  },
  preview: {
    goToEntry: '前往参考文献条目',
    goToNote: '前往注释',
  },
};
