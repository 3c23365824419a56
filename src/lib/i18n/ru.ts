import { client } from './client/ru.ts';
import type { UiStrings } from './types.ts';

/**
 * Russian. Places in backlinks carry their own preposition and case ("во
 * введении", "в примечании 3", "в разделе «…»"), since Russian inflects them.
 */
export const ru: UiStrings = {
  bibliography: 'Библиография',
  notes: 'Примечания',
  backToNote: (n) => `Назад к сноске ${n}`,
  backToCitation: (n, where) => `Назад к ссылке ${n} ${where}`,
  introduction: 'во введении',
  inNote: (n) => `в примечании ${n}`,
  inSection: (title) => `в разделе «${title}»`,
  linkToSection: (title) => `Ссылка на раздел: ${title}`,
  copyLinkToSection: (title) => `Скопировать ссылку на раздел: ${title}`,
  shareSection: (title) => `Поделиться разделом: ${title}`,
  sectionOf: (essayHtml) => `Раздел очерка ${essayHtml}.`,
  readSection: (title) => `Читать «${title}»`,
  sectionDescription: (section, essay) => `Раздел «${section}» очерка «${essay}».`,
  crossref: {
    fig: { one: 'Рисунок', many: 'Рисунки' },
    tbl: { one: 'Таблица', many: 'Таблицы' },
    eq: { one: 'Уравнение', many: 'Уравнения' },
    sec: { one: 'Раздел', many: 'Разделы' },
  },
  crossrefLowercase: true,
  captionSeparator: ': ',
  equationNumber: (n) => `(${n})`,
  written: (date) => `Написано ${date}`,
  revised: (date) => `Обновлено ${date}`,
  revisions: 'Изменения',
  readingTime: { one: '{n} минута чтения', few: '{n} минуты чтения', many: '{n} минут чтения', other: '{n} минуты чтения' },
  contents: 'Содержание',

  layout: {
    skipToContent: 'Перейти к тексту',
    siteNavigation: 'Сайт',
    search: 'Поиск',
    darkTheme: 'Тёмная тема',
    lightTheme: 'Светлая тема',
    licensedUnder: 'Текст публикуется по лицензии',
    allRightsReserved: 'Все права защищены',
    stop: '. ',
    feed: 'Лента (RSS)',
    allEssays: 'Все очерки',
  },

  cite: {
    title: 'Как цитировать',
    copy: 'Скопировать библиографическую запись',
    thisEssay: 'Этот очерк',
    itsBibliography: 'Его библиография',
    downloadGroup: (group) => `Скачать: ${group}`,
    downloadFile: (format, group) => `Скачать: ${group} (${format})`,
  },

  searchBox: {
    label: 'Поиск по очеркам',
    placeholder: 'Слова, имена, названия',
    submit: 'Найти',
    more: 'Показать ещё',
    dialogTitle: 'Поиск по очеркам',
    close: 'Закрыть',
  },

  searchPage: {
    description: 'Поиск по тексту всех очерков.',
    noScript: 'Для поиска нужен JavaScript, а он выключен. Все очерки можно читать и без него: ',
    noScriptLink: 'список очерков',
    noScriptEnd: '.',
  },

  notFound: {
    title: 'Страница не найдена',
    text: 'По этому адресу страницы нет. Возможно, она переехала или в ссылке опечатка.',
    read: 'Откройте ',
    allEssays: 'список очерков',
    or: ' или ',
    searchText: 'поищите по их тексту',
    end: '.',
  },

  client,
};
