import { describe, expect, it } from 'vitest';
import { describeWritten } from '../../src/lib/dates.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { fill, plural, type PluralForms } from '../../src/lib/i18n/format.ts';
import { otherIndexes, primaryIndex, searchPlan } from '../../src/lib/pagefind-languages.ts';
import { closeUpOpenings } from '../../src/lib/excerpt-spacing.ts';
import { matchedByFallback } from '../../src/lib/prefix-fallback.ts';
import { readingTime, UI_LANGUAGES, uiLanguage, uiStrings } from '../../src/lib/ui-strings.ts';

/** Every leaf of a table, by its dotted key: strings as they are, functions called with sample arguments. */
function leaves(value: unknown, key = ''): [string, unknown][] {
  if (typeof value === 'function') return [[key, (value as (...args: unknown[]) => unknown)(3, 'X', 'Y')]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, key ? `${key}.${k}` : k));
  return [[key, value]];
}

const keysOf = (table: unknown) => leaves(table).map(([key]) => key);

describe.each(Object.entries(UI_LANGUAGES))('the %s interface strings', (lang, table) => {
  it('have every key the English table has, and no other', () => {
    // Plural forms differ by language (English has two, Russian four): compared apart, below.
    const withoutPlurals = (keys: string[]) => [...new Set(keys.map((k) => k.replace(/^(readingTime|client\.search\.results)\..*/, '$1')))];
    expect(withoutPlurals(keysOf(table)).sort()).toEqual(withoutPlurals(keysOf(en)).sort());
  });

  it('leave no key empty', () => {
    const empty = leaves(table)
      .filter(([, value]) => typeof value !== 'boolean' && (typeof value !== 'string' || value.trim() === ''))
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('give every plural form the language has', () => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const forms of [table.readingTime, table.client.search.results]) {
      for (const category of categories) expect(forms[category], `${lang} ${category}`).toMatch(/\{n\}/);
    }
  });
});

describe('interface strings', () => {
  it('close the search count with the count’s own full stop, not the end of the no-results sentence (German’s " an.")', () => {
    const count = (lang: string) => {
      const { search } = uiStrings(lang).client;
      return `${search.results.other.replace('{n}', '6')}${search.forTerm.replace('{term}', 'X')}${search.countEnd}`;
    };
    expect(count('de')).toBe('6 Ergebnisse für „X“.');
    expect(count('en')).toBe('6 results for “X”.');
  });

  it('are found for a language by its primary subtag, and English stands in for a language with none', () => {
    expect(uiStrings('ru-RU').contents).toBe('Содержание');
    expect(uiStrings('RU').contents).toBe('Содержание');
    expect(uiStrings('de-AT').contents).toBe('Inhalt');
    expect(uiStrings('en-US').contents).toBe('Contents');
    expect(uiStrings('fr-CA').contents).toBe('Sommaire');
    expect(uiStrings('ja-JP').contents).toBe('目次');
    expect(uiStrings('ko-KR').contents).toBe('목차');
    expect(uiStrings('hi-IN').contents).toBe('विषय-सूची');
    expect(uiStrings('it-CH').contents).toBe('Indice');
    expect(uiStrings('pt-PT').contents).toBe('Índice');
    expect(uiStrings('pt-BR').contents).toBe('Sumário');
    expect(uiStrings('nl-BE').contents).toBe('Inhoud');
    expect(uiStrings('sv').contents).toBe('Contents');
  });

  it('are found for Chinese by its script, as the tag gives it or as it is likely to be written', () => {
    expect(['zh', 'zh-CN', 'zh-SG', 'zh-Hans'].map(uiLanguage)).toEqual(['zh-hans', 'zh-hans', 'zh-hans', 'zh-hans']);
    expect(['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-CN'].map(uiLanguage)).toEqual(['zh-hant', 'zh-hant', 'zh-hant', 'zh-hant']);
    expect(uiStrings('zh-TW').contents).toBe('目錄');
    expect(uiStrings('zh').contents).toBe('目录');
    // A language with no table keeps its primary subtag, under which its (English) words are published.
    expect(uiLanguage('sv-FI')).toBe('sv');
    // An old code is the language it was.
    expect(uiLanguage('iw')).toBe('he');
  });

  it('are found for Portuguese by its country: Brazil’s own, and Portugal’s for every other, as the CSL locales are', () => {
    expect(['pt', 'pt-PT', 'pt-AO', 'pt-MZ', 'pt-BR', 'PT-br'].map(uiLanguage)).toEqual(['pt', 'pt', 'pt', 'pt', 'pt-br', 'pt-br']);
    expect(uiStrings('pt-BR').client.search.loading).toBe('Carregando a pesquisa…');
    expect(uiStrings('pt-AO').client.search.loading).toBe('A carregar a pesquisa…');
  });

  it('differ between Brazil and Portugal only in the words the two write otherwise', () => {
    const values = (table: unknown) => new Map(leaves(table));
    const brazil = values(UI_LANGUAGES['pt-br']);
    const differing = [...values(UI_LANGUAGES['pt']!)].filter(([key, value]) => brazil.get(key) !== value).map(([key]) => key);
    expect(differing).toEqual([
      'inSection',
      'linkToSection',
      'copyLinkToSection',
      'shareSection',
      'sectionOf',
      'readSection',
      'sectionDescription',
      'crossref.sec.one',
      'crossref.sec.many',
      'crossrefLowercase',
      'contents',
      'cite.downloadGroup',
      'cite.downloadFile',
      'client.search.loading',
      'client.search.noResults',
      'client.search.forTerm',
      'client.search.failed',
      'client.copy.sectionCopied',
      'client.copy.copyByHand',
      'client.copy.notShared',
      'client.copy.passageOffer',
      'client.copy.passageCopied',
    ]);
    expect(UI_LANGUAGES['pt-br']!.crossref.sec).toEqual({ one: 'Seção', many: 'Seções' });
    expect(UI_LANGUAGES['pt']!.crossref.sec).toEqual({ one: 'Secção', many: 'Secções' });
  });

  it('choose the plural form by the language’s rules', () => {
    expect([1, 2, 5, 21, 22, 25, 111].map((n) => readingTime(n, 'ru'))).toEqual([
      '1 минута чтения',
      '2 минуты чтения',
      '5 минут чтения',
      '21 минута чтения',
      '22 минуты чтения',
      '25 минут чтения',
      '111 минут чтения',
    ]);
    expect(
      [0, 1, 2, 3, 11, 100].map((n) =>
        readingTime(n, 'ar-EG')
          .replace(/[^\p{L} ]/gu, '')
          .trim(),
      ),
    ).toEqual(['دقيقة قراءة', 'دقيقة قراءة', 'دقيقتا قراءة', 'دقائق قراءة', 'دقيقة قراءة', 'دقيقة قراءة']);
    expect([1, 2, 7].map((n) => readingTime(n, 'he'))).toEqual(['1 דקת קריאה', '2 דקות קריאה', '7 דקות קריאה']);
    // Korean has one form, and no particle after the number: "읽는 데 1분", "읽는 데 12분".
    expect([1, 12].map((n) => readingTime(n, 'ko'))).toEqual(['읽는 데 1분', '읽는 데 12분']);
    // Hindi's `one` is 0 and 1, and its `other` the rest; मिनट reads the same in both, and Intl gives Latin digits, grouped in lakhs.
    expect([0, 1, 2, 150000].map((n) => readingTime(n, 'hi-IN'))).toEqual([
      'पढ़ने में 0 मिनट',
      'पढ़ने में 1 मिनट',
      'पढ़ने में 2 मिनट',
      'पढ़ने में 1,50,000 मिनट',
    ]);
    // Italian's `many` is a million (and a million and more in a power of ten): "1.000.000 di risultati", as Italian says "un milione di".
    expect([1, 2, 1_000_000].map((n) => readingTime(n, 'it'))).toEqual([
      '1 min di lettura',
      '2 min di lettura',
      '1.000.000 min di lettura',
    ]);
    expect([0, 1, 3, 1_000_000].map((n) => plural('it', uiStrings('it').client.search.results, n))).toEqual([
      '0 risultati',
      '1 risultato',
      '3 risultati',
      '1.000.000 di risultati',
    ]);
    // Portuguese's `many` likewise ("1 milhão de"), in each country's digits: Portugal groups with no-break spaces.
    expect([1, 2, 1_000_000].map((n) => readingTime(n, 'pt-BR'))).toEqual([
      '1 min de leitura',
      '2 min de leitura',
      '1.000.000 min de leitura',
    ]);
    expect([1, 3, 1_000_000].map((n) => plural('pt-PT', uiStrings('pt-PT').client.search.results, n))).toEqual([
      '1 resultado',
      '3 resultados',
      '1\u00a0000\u00a0000 de resultados',
    ]);
    // Dutch has `one` and `other`; the minutes read alike, the results do not.
    expect([1, 2].map((n) => readingTime(n, 'nl'))).toEqual(['1 min leestijd', '2 min leestijd']);
    expect([1, 2, 1500].map((n) => plural('nl-BE', uiStrings('nl-BE').client.search.results, n))).toEqual([
      '1 resultaat',
      '2 resultaten',
      '1.500 resultaten',
    ]);
    expect(readingTime(1, 'en-GB')).toBe('1 min read');
    expect(readingTime(12, 'en-GB')).toBe('12 min read');
    const forms: PluralForms = { one: '{n} result', other: '{n} results' };
    expect(plural('en', forms, 1)).toBe('1 result');
    expect(plural('en', forms, 1200)).toBe('1,200 results');
  });

  it('fill their slots, and leave a slot with no value as written', () => {
    expect(fill('{n} of {of}', { n: 3, of: 8 })).toBe('3 of 8');
    expect(fill('Copy this link: {url}', {})).toBe('Copy this link: {url}');
  });

  it('put the date of writing in the essay’s language', () => {
    const date = new Date(Date.UTC(2014, 0, 1));
    expect(describeWritten({ date, precision: 'day' }, 'ru')).toBe('Написано 1 января 2014 г.');
    expect(describeWritten({ date, precision: 'day' }, 'en-GB')).toBe('Written 1 January 2014');
    expect(describeWritten({ date, precision: 'month' }, 'de')).toBe('Geschrieben Januar 2014');
    expect(describeWritten({ date, precision: 'month' }, 'fr')).toBe('Rédaction\u00a0: janvier 2014');
    expect(describeWritten({ date, precision: 'day' }, 'es')).toBe('Redacción: 1 de enero de 2014');
    expect(describeWritten({ date, precision: 'month' }, 'he')).toBe('נכתב: ינואר 2014');
    expect(describeWritten({ date, precision: 'day' }, 'fa')).toBe('نوشته‌شده در ۱ ژانویهٔ ۲۰۱۴');
    expect(describeWritten({ date, precision: 'month' }, 'ja')).toBe('2014年1月執筆');
    expect(describeWritten({ date, precision: 'day' }, 'ko-KR')).toBe('2014년 1월 1일 작성');
    expect(describeWritten({ date, precision: 'year' }, 'ko')).toBe('2014년 작성');
    expect(describeWritten({ date, precision: 'day' }, 'hi-IN')).toBe('लेखन: 1 जनवरी 2014');
    expect(describeWritten({ date, precision: 'month' }, 'hi')).toBe('लेखन: जनवरी 2014');
    // One form for a day, a month and a year: Italian's preposition would change with each (il 1º, a gennaio, nel 2014).
    expect((['day', 'month', 'year'] as const).map((precision) => describeWritten({ date, precision }, 'it'))).toEqual([
      'Scritto: 1 gennaio 2014',
      'Scritto: gennaio 2014',
      'Scritto: 2014',
    ]);
    // "em" takes a day, a month and a year alike.
    expect(describeWritten({ date, precision: 'day' }, 'pt-BR')).toBe('Escrito em 1 de janeiro de 2014');
    expect(describeWritten({ date, precision: 'month' }, 'pt-PT')).toBe('Escrito em janeiro de 2014');
    expect(describeWritten({ date, precision: 'year' }, 'pt')).toBe('Escrito em 2014');
    // As Italian, a colon where the preposition would change (op 1 januari, in januari, in 2014).
    expect((['day', 'month', 'year'] as const).map((precision) => describeWritten({ date, precision }, 'nl'))).toEqual([
      'Geschreven: 1 januari 2014',
      'Geschreven: januari 2014',
      'Geschreven: 2014',
    ]);
  });

  it('date an essay in the Gregorian calendar it was dated in, where the language’s own would name another month or year', () => {
    const march = new Date(Date.UTC(2021, 2, 1));
    // Persian's default calendar is the Solar Hijri one, whose Esfand 1399 ended on 20 March 2021.
    expect(describeWritten({ date: march, precision: 'month' }, 'fa')).toBe('نوشته‌شده در مارس ۲۰۲۱');
    expect(describeWritten({ date: march, precision: 'year' }, 'ar-SA-u-ca-islamic')).toBe('كُتب في ٢٠٢١');
    // Thai's Buddhist era counts the same months from another year: kept.
    expect(describeWritten({ date: march, precision: 'month' }, 'th')).toBe('Written มีนาคม 2564');
  });
});

describe('the search indexes a page merges', () => {
  const languages = { 'en-gb': { page_count: 3 }, ru: { page_count: 1 }, 'en-us': { page_count: 2 } };

  it('are every language but the one Pagefind loads for the page itself', () => {
    expect(otherIndexes(languages, 'ru')).toEqual(['en-gb', 'en-us']);
    expect(otherIndexes(languages, 'en-GB')).toEqual(['en-us', 'ru']);
  });

  it('follow Pagefind’s own choice for a page whose language has no index: its primary subtag, else the largest index', () => {
    expect(primaryIndex(languages, 'ru-RU')).toBe('ru');
    expect(primaryIndex(languages, 'fr')).toBe('en-gb');
    expect(otherIndexes(languages, 'fr')).toEqual(['en-us', 'ru']);
  });

  it('are searched by instances of one stemmer each: an index stemmed as the page’s own, or not at all, is merged into the page’s', () => {
    const entries = {
      'en-gb': { page_count: 3, wasm: 'en-gb' },
      'en-us': { page_count: 1, wasm: 'en-us' },
      de: { page_count: 1, wasm: 'de' },
      'de-ch': { page_count: 2, wasm: 'de-ch' },
      ru: { page_count: 1, wasm: 'ru' },
      he: { page_count: 1, wasm: null },
    };
    expect(searchPlan(entries, 'en-GB')).toEqual({
      merged: ['en-us', 'he'],
      separate: [
        { language: 'de-ch', merged: ['de'] },
        { language: 'ru', merged: [] },
      ],
    });
    expect(searchPlan(entries, 'de')).toEqual({
      merged: ['de-ch', 'he'],
      separate: [
        { language: 'en-gb', merged: ['en-us'] },
        { language: 'ru', merged: [] },
      ],
    });
    // An unstemmed index in the page's own stemmer's script is searched unstemmed: Polish on an English page, Persian on an Arabic one.
    expect(
      searchPlan(
        { 'en-gb': { page_count: 3, wasm: 'en-gb' }, pl: { page_count: 1, wasm: null }, he: { page_count: 1, wasm: null } },
        'en-GB',
      ),
    ).toEqual({
      merged: ['he'],
      separate: [{ language: 'pl', merged: [] }],
    });
    expect(
      searchPlan({ ar: { page_count: 2, wasm: 'ar' }, fa: { page_count: 1, wasm: null }, ur: { page_count: 1, wasm: null } }, 'ar'),
    ).toEqual({
      merged: [],
      separate: [{ language: 'fa', merged: ['ur'] }],
    });
    // A monolingual site searches one instance, as before.
    expect(searchPlan({ 'en-gb': { page_count: 9, wasm: 'en-gb' } }, 'en-GB')).toEqual({ merged: [], separate: [] });
  });
});

describe('a match by Pagefind’s fallback to a shorter word', () => {
  it('is told by a marked word that the query word only begins with, far shorter', () => {
    expect(matchedByFallback('Anführungszeichen', 'the heading of <mark>An</mark> army and <mark>an</mark> empire')).toBe(true);
    expect(matchedByFallback('Straßenpolitik', 'we went down the <mark>Stra</mark> to …')).toBe(true);
    // Pagefind marks the text's whole word: "History" for the stem "histori" that "historiadores" begins with.
    expect(matchedByFallback('historiadores', 'a <mark>History</mark> of Spain')).toBe(true);
    expect(matchedByFallback('revolution', 'ed. by <mark>R.</mark> Service')).toBe(true);
  });

  it('is not a stem, a longer word, or the word in another case, accent or spelling', () => {
    expect(matchedByFallback('revolutions', 'the <mark>revolution</mark> of 1917')).toBe(false);
    expect(matchedByFallback('Bolshevik', 'the <mark>Bolsheviks</mark> took power')).toBe(false);
    expect(matchedByFallback('strassenpolitik', 'die <mark>„Straßenpolitik“</mark> der Parteien')).toBe(false);
    expect(matchedByFallback('Petroleuses', 'les <mark>pétroleuses</mark>')).toBe(false);
  });

  it('needs a mark for the word: an excerpt without one, or a word of three letters, says nothing', () => {
    expect(matchedByFallback('Anführungszeichen', 'no marks here')).toBe(false);
    expect(matchedByFallback('and', 'an <mark>a</mark>')).toBe(false);
    // Chinese and Japanese are typed without spaces: Pagefind marks its segments of the query, which are no fallback.
    expect(matchedByFallback('十月革命', '<mark>十月</mark><mark>革命</mark>の歴史')).toBe(false);
    // A mark of another word of the query that shares a first letter is no evidence.
    expect(matchedByFallback('abdication army', 'the <mark>army</mark> went home')).toBe(false);
    // One word of two found by its fallback is enough.
    expect(matchedByFallback('army Anführungszeichen', '<mark>army</mark> and <mark>an</mark> empire')).toBe(true);
  });
});

describe('search excerpts', () => {
  it('take out the space Pagefind puts before a citation link after an opening bracket', () => {
    expect(closeUpOpenings('la Transición ( Aguilar Fernández 1996)')).toBe('la Transición (Aguilar Fernández 1996)');
    expect(closeUpOpenings('as Pipes argued [ see ')).toBe('as Pipes argued [see ');
    // Before a mark: the text ends where the matched word begins.
    expect(closeUpOpenings('Transición ( ')).toBe('Transición (');
    expect(closeUpOpenings('„ Wort“ und ¿ qué?')).toBe('„Wort“ und ¿qué?');
  });

  it('take it out after a quotation mark that opens, one standing after a space', () => {
    expect(closeUpOpenings('as “ Aguilar 1996” has it, and ‘ Pipes’')).toBe('as “Aguilar 1996” has it, and ‘Pipes’');
    expect(closeUpOpenings('som ” Aguilar”')).toBe('som ”Aguilar”');
    expect(closeUpOpenings('(“ Pipes”)')).toBe('(“Pipes”)');
  });

  it('keep the spaces that are the language’s own', () => {
    // German closes with “ and ‘; French spaces its guillemets.
    for (const text of ['„Wort“ und ‚so‘ weiter', '“ und', 'l’« insurrection » et', '(1) and (2)', '“Pipes” and'])
      expect(closeUpOpenings(text)).toBe(text);
  });
});
