import type { ClientStrings } from '../types.ts';

/**
 * What the browser's scripts say in Russian: published as /ui-strings/ru.json
 * (src/pages/ui-strings/[lang].json.ts), which a script fetches only when it
 * first has something to say.
 */
export const client: ClientStrings = {
  search: {
    loading: 'Загрузка поиска…',
    noResults: 'По запросу «{term}» ничего не найдено',
    withFilters: ' с этими фильтрами',
    tryOther: '. Попробуйте другие слова или меньше слов, или откройте ',
    browseAll: 'список очерков',
    end: '.',
    results: { one: '{n} результат', few: '{n} результата', many: '{n} результатов', other: '{n} результата' },
    countEnd: '.',
    forTerm: ' по запросу «{term}»',
    failed: 'Поиск не загрузился. Проверьте подключение и попробуйте ещё раз.',
    noIndexInDev: 'Под `astro dev` у поиска нет индекса: он работает на собранном сайте (`npm run build && npm run preview`).',
    filters: { tag: 'Метка', essay: 'Очерк' },
  },
  steps: {
    label: 'Совпадения',
    count: '{n} из {of}',
    previous: 'Предыдущее совпадение',
    next: 'Следующее совпадение',
    clear: 'Снять выделение',
  },
  copy: {
    sectionCopied: 'Ссылка на раздел скопирована.',
    copyByHand: 'Скопируйте ссылку: {url}',
    notShared: 'Не удалось поделиться. Ссылка: {url}',
    passageOffer: 'Скопировать ссылку на этот фрагмент',
    passageCopied: 'Ссылка на фрагмент скопирована.',
    citationCopied: 'Библиографическая запись скопирована.',
    citationByHand: 'Выделите запись, чтобы скопировать её.',
  },
  preview: {
    goToEntry: 'Перейти к записи в библиографии',
    goToNote: 'Перейти к примечанию',
  },
};
