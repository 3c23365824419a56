import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Korean: published as /ui-strings/ko.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say. No particle follows a search term or a number
 * (its form would depend on their last letter): "“{term}”에 대한" (에 takes
 * any word), "결과 {n}건".
 */
export const client: ClientStrings = {
  search: {
    loading: '검색을 불러오는 중…',
    noResults: '“{term}”에 대한 검색 결과가 없습니다',
    withFilters: '(선택한 필터 기준)',
    // "Every essay" is a link, and `end` (which follows it) also ends the count of results, so it is
    // named after a colon rather than inside a sentence whose verb would come after it.
    tryOther: '. 단어를 줄이거나 다른 단어로 검색해 보세요. 둘러보기: ',
    browseAll: '전체 글',
    end: '.',
    results: { other: '검색 결과 {n}건' },
    countEnd: '.',
    forTerm: '(검색어: “{term}”)',
    failed: '검색을 불러오지 못했습니다. 인터넷 연결을 확인한 뒤 다시 검색해 주세요.',
    noIndexInDev: '`astro dev`에서는 검색 색인이 없습니다. 빌드한 사이트에서 작동합니다(`npm run build && npm run preview`).',
    filters: { tag: '태그', essay: '글' },
  },
  steps: {
    label: '검색 일치 항목',
    count: '{n} / {of}',
    previous: '이전 일치 항목',
    next: '다음 일치 항목',
    clear: '표시 지우기',
  },
  copy: {
    sectionCopied: '절 링크를 복사했습니다.',
    copyByHand: '이 링크를 복사해 주세요: {url}',
    notShared: '공유하지 못했습니다. 링크: {url}',
    passageOffer: '이 구절의 링크 복사',
    passageCopied: '구절 링크를 복사했습니다.',
    citationCopied: '인용 정보를 복사했습니다.',
    citationByHand: '인용 정보를 선택해 복사해 주세요.',
  },
  preview: {
    goToEntry: '참고 문헌 항목으로 이동',
    goToNote: '각주로 이동',
  },
};
