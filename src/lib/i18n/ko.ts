import { client } from './client/ko.ts';
import type { UiStrings } from './types.ts';

/**
 * Korean, in the formal polite style (합쇼체) where a sentence is whole, and
 * as nouns where the interface names a thing ("이 글 인용하기", "목차"). An
 * essay is a 글. Which particle follows a word depends on its last letter
 * (을/를, 이/가, 으로/로), so none follows the essay's text: a title or a
 * number is followed by a noun or by 의, which takes any word ("‘…’ 절의 인용
 * 1 위치로 돌아가기"). Titles (of a section, of the essay) are in single
 * quotation marks, as the 2015 punctuation rules allow in place of 「」, and
 * search terms, which are quoted, in double ones. The date line reads
 * "2021년 3월 1일 작성", which takes a month or a year alike. Korean has one
 * plural form, and Western punctuation with a space after it.
 */
export const ko: UiStrings = {
  bibliography: '참고 문헌',
  notes: '각주',
  backToNote: (n) => `본문의 각주 ${n} 위치로 돌아가기`,
  backToCitation: (n, where) => `${where}의 인용 ${n} 위치로 돌아가기`,
  introduction: '도입부',
  inNote: (n) => `각주 ${n}`,
  inSection: (title) => `‘${title}’ 절`,
  linkToSection: (title) => `절 링크: ${title}`,
  copyLinkToSection: (title) => `절 링크 복사: ${title}`,
  shareSection: (title) => `절 공유: ${title}`,
  sectionOf: (essayHtml) => `${essayHtml}의 한 절입니다.`,
  readSection: (title) => `‘${title}’ 읽기`,
  sectionDescription: (section, essay) => `‘${essay}’의 ‘${section}’ 절입니다.`,
  crossref: {
    fig: { one: '그림', many: '그림' },
    tbl: { one: '표', many: '표' },
    eq: { one: '식', many: '식' },
    sec: { one: '절', many: '절' },
  },
  crossrefLowercase: false,
  captionSeparator: '. ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `${date} 작성`,
  revised: (date) => `${date} 수정`,
  revisions: '수정 이력',
  readingTime: { other: '읽는 데 {n}분' },
  contents: '목차',

  layout: {
    skipToContent: '본문으로 건너뛰기',
    siteNavigation: '사이트 메뉴',
    search: '검색',
    darkTheme: '어두운 테마',
    lightTheme: '밝은 테마',
    licensedUnder: '본문 라이선스:',
    allRightsReserved: '무단 전재 및 재배포 금지',
    stop: '. ',
    feed: '피드(RSS)',
    allEssays: '전체 글',
  },

  cite: {
    title: '이 글 인용하기',
    copy: '인용 정보 복사',
    thisEssay: '이 글',
    itsBibliography: '이 글의 참고 문헌',
    downloadGroup: (group) => `다운로드: ${group}`,
    downloadFile: (format, group) => `${group} 다운로드(${format})`,
  },

  searchBox: {
    label: '글 검색',
    placeholder: '단어, 이름, 제목',
    submit: '검색',
    more: '결과 더 보기',
    dialogTitle: '글 검색',
    close: '닫기',
  },

  // The verb comes last: "… [모든 글]을 읽으실 수 있습니다." The link's words are
  // fixed, so the particle after them can be chosen here (글 → 을).
  searchPage: {
    description: '모든 글의 본문을 검색합니다.',
    noScript: '검색하려면 JavaScript가 필요한데, 지금은 꺼져 있습니다. 검색 없이도 ',
    noScriptLink: '모든 글',
    noScriptEnd: '을 읽으실 수 있습니다.',
  },

  // "찾으시는 글이 있다면 [전체 글 목록]을 보시거나 [본문 검색]을 이용해 보세요."
  notFound: {
    title: '페이지를 찾을 수 없습니다',
    text: '이 주소에는 페이지가 없습니다. 페이지가 옮겨졌거나 링크 주소가 잘못되었을 수 있습니다.',
    read: '찾으시는 글이 있다면 ',
    allEssays: '전체 글 목록',
    or: '을 보시거나 ',
    searchText: '본문 검색',
    end: '을 이용해 보세요.',
  },

  client,
};
