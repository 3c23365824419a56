import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/lib/site.ts';
import { buildSite } from '../support/build.ts';
import { readPage } from '../support/html.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { it as italian } from '../../src/lib/i18n/it.ts';
import { nl } from '../../src/lib/i18n/nl.ts';
import { pt } from '../../src/lib/i18n/pt.ts';
import { ptBR } from '../../src/lib/i18n/pt-br.ts';
import type { UiStrings } from '../../src/lib/i18n/types.ts';
import { interfaceTexts, latinWordsIn, leaves, monthNames, tableWords, wordsOf } from '../support/ui-text.ts';

/** Two essays, one English and one Russian (with notes, citations, a revision and tags). */
const FIXTURE = path.join(fixtures, 'sites/bilingual');
const RUSSIAN = path.join(FIXTURE, 'bolsheviki');
/** An essay in Hebrew, written right to left, with an English work in its bibliography. */
const HEBREW = path.join(fixtures, 'sites/right-to-left/knesset');
/** An essay in Persian, in the Arabic script, with an English work in its bibliography. */
const PERSIAN = path.join(fixtures, 'sites/right-to-left/mashruteh');
/** An essay in Urdu, a language the CSL project has no locale for. */
const URDU = path.join(fixtures, 'sites/right-to-left/khudi');
/** An essay in Japanese, which no card font has the letters of. */
const JAPANESE = path.join(fixtures, 'sites/japanese');
/** An essay in Hindi (`lang: hi-IN`), with citations and a note, its folder and its citation keys in Devanagari, whose vowel signs are marks (U+093F…). */
const HINDI = path.join(fixtures, 'sites/hindi');
/** Its folder name for the URL `/essays/निबंध/`, and a folder named as macOS's HFS+ names `über` (u and a combining mark, NFD). */
const HINDI_FOLDER = 'निबंध';
const DECOMPOSED_FOLDER = 'über'.normalize('NFD');
/** An essay in Chinese, in traditional characters (`lang: zh-TW`). */
const CHINESE = path.join(fixtures, 'sites/chinese-traditional');
/** An essay in Korean (`lang: ko-KR`), with a note, in Hangul, which no card font has either. */
const KOREAN = path.join(fixtures, 'sites/korean');
/** An essay in Italian (`lang: it`), with citations, a note, a numbered table, and cross-references to it and to its two sections. */
const ITALIAN = path.join(fixtures, 'sites/italian');
/** An essay in Brazilian Portuguese (`lang: pt-BR`), as the Italian one is, and a smaller one in Portugal's (`lang: pt-PT`: a note and cross-references to its sections). */
const BRAZILIAN = path.join(fixtures, 'sites/portuguese/semana');
const EUROPEAN = path.join(fixtures, 'sites/portuguese/abril');
/** An essay in Dutch (`lang: nl`), as the Italian one is. */
const DUTCH = path.join(fixtures, 'sites/dutch');

/**
 * Latin-script words a page in another language may show: the essay's own
 * (its Markdown and the works of its .bib, as citeproc prints them), the
 * site's settings (name, author, licence: the author's words, in the
 * author's language), and the names of file formats.
 */
function allowedWords(essay?: string): string[] {
  const own = (file: string) => (essay && existsSync(path.join(essay, file)) ? readFileSync(path.join(essay, file), 'utf8') : '');
  return [
    ...wordsOf(own('index.md'), own('references.bib')),
    ...wordsOf(SITE.name, SITE.author.name, SITE.licence.name),
    ...['BibTeX', 'RIS', 'CSL', 'JSON', 'RSS'],
  ];
}

const ALLOWED = allowedWords(RUSSIAN);

/**
 * The words a page in a language written in Latin letters may show: those
 * allowed any page, its own table's, and its month names (the date line's).
 * Any other is a word the table lacks: English's, where a key was not
 * translated or a component does not ask the table.
 */
function ownWords(essay: string, table: UiStrings, lang: string): string[] {
  return [...allowedWords(essay), ...tableWords(table), ...monthNames(lang).flatMap((month) => wordsOf(month))];
}

/** The strings of a table's scripts' words that are English's, word for word (a full stop is anyone's), but for those the language writes alike. */
const untranslated = (words: string[], alike: string[] = []) => {
  const english = new Set(leaves(en.client));
  return words.filter((w) => /\p{L}/u.test(w) && english.has(w) && !alike.includes(w));
};

let dist: string;
let buildOutput: string;
const page = (sitePath: string) => readPage(path.join(dist, sitePath, 'index.html'));

beforeAll(() => {
  const site = makeFixtureSite('ui-language', {
    'the-tsar': path.join(FIXTURE, 'the-tsar'),
    bolsheviki: RUSSIAN,
    knesset: HEBREW,
    mashruteh: PERSIAN,
    khudi: URDU,
    meiji: JAPANESE,
    xinhai: CHINESE,
    gabo: KOREAN,
    risorgimento: ITALIAN,
    semana: BRAZILIAN,
    abril: EUROPEAN,
    republiek: DUTCH,
    [HINDI_FOLDER]: HINDI,
    [DECOMPOSED_FOLDER]: path.join(fixtures, 'sites/good'),
  });
  const { status, output } = buildSite(site);
  if (status !== 0) throw new Error(output);
  dist = path.join(site, 'dist');
  buildOutput = output;
}, 300_000);

describe('an essay in Russian', () => {
  it('shows no English word around the essay: header, title block, contents, headings, notes, bibliography, backlinks, cite box, footer, search', () => {
    const doc = page('essays/bolsheviki');
    expect(doc.documentElement.lang).toBe('ru');
    const texts = interfaceTexts(doc);
    // The parts the list must cover, so that an empty list cannot pass.
    expect(texts).toEqual(
      expect.arrayContaining(['Содержание', 'Примечания', 'Библиография', 'Как цитировать', 'Поиск по очеркам', 'Тёмная тема']),
    );
    expect(texts.some((t) => t.startsWith('Назад к ссылке 1'))).toBe(true);
    expect(latinWordsIn(texts, ALLOWED)).toEqual([]);
  });

  it('gives the date, reading time and revision in Russian, with the plural form for the number', () => {
    const doc = page('essays/bolsheviki');
    expect(doc.querySelector('.dateline time')?.textContent).toBe('Написано 1 января 2014 г.');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('1 минута чтения');
  });

  it('gives its share pages Russian words', () => {
    const shares = path.join(dist, 'essays/bolsheviki/s');
    const pages = readdirSync(shares);
    expect(pages.length).toBeGreaterThan(0);
    for (const section of pages) {
      const doc = readPage(path.join(shares, section, 'index.html'));
      expect(doc.documentElement.lang).toBe('ru');
      expect(doc.querySelector('main p')?.textContent).toMatch(/^Раздел очерка Большевики и власть\.$/);
      expect(latinWordsIn(interfaceTexts(doc), ALLOWED), section).toEqual([]);
    }
  });

  it('hands its scripts their words in Russian, and only Russian: the JSON its <html> names', () => {
    const doc = page('essays/bolsheviki');
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/ru.json');
    const words = JSON.parse(readFileSync(path.join(dist, 'ui-strings/ru.json'), 'utf8')) as unknown;
    const texts = leaves(words);
    expect(texts).toContain('Загрузка поиска…');
    expect(latinWordsIn(texts, ALLOWED)).toEqual([]);
    expect(page('essays/the-tsar').documentElement.dataset['uiStrings']).toBe('/ui-strings/en.json');
    expect(readdirSync(path.join(dist, 'ui-strings')).sort()).toEqual([
      'en.json',
      'fa.json',
      'he.json',
      'hi.json',
      'it.json',
      'ja.json',
      'ko.json',
      'nl.json',
      'pt-br.json',
      'pt.json',
      'ru.json',
      'ur.json',
      'zh-hant.json',
    ]);
  });
});

describe('an essay in Hebrew', () => {
  const allowed = allowedWords(HEBREW);

  it('is a right-to-left page in Hebrew words, with no English word around the essay', () => {
    const doc = page('essays/knesset');
    expect(doc.documentElement.lang).toBe('he');
    expect(doc.documentElement.dir).toBe('rtl');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(['תוכן העניינים', 'ביבליוגרפיה']));
    expect(latinWordsIn(texts, allowed)).toEqual([]);
  });

  it('sets each bibliography entry in its own direction, so that an English book reads left to right', () => {
    const entries = [...page('essays/knesset').querySelectorAll('.csl-bib-body .csl-entry')];
    expect(entries.map((entry) => [entry.getAttribute('dir'), entry.textContent?.slice(0, 10)])).toEqual([
      ['auto', expect.stringMatching(/^הררי/)],
      ['auto', expect.stringMatching(/^Rubinstein/)],
    ]);
  });

  it('loads the Hebrew and Arabic faces, which an English page does not, and has link-preview cards with every letter drawn', () => {
    const faces = (doc: Document) =>
      [...doc.querySelectorAll('link[rel="stylesheet"]')]
        .map((link) => link.getAttribute('href')!)
        .filter((href) => /script-faces/.test(href));
    const [href] = faces(page('essays/knesset'));
    expect(href).toBeDefined();
    expect(readFileSync(path.join(dist, href!), 'utf8')).toMatch(/font-family:\s*["']?Noto Serif Hebrew/);
    expect(faces(page('essays/the-tsar'))).toEqual([]);
    expect(buildOutput).not.toMatch(/knesset.*no glyph/);
    expect(readdirSync(path.join(dist, 'essays/knesset/s')).length).toBeGreaterThan(0);
  });
});

describe('the share pages of a right-to-left essay', () => {
  it('are right to left in its language, with an Open Graph locale of language and territory, as the essay page’s', () => {
    const [section] = readdirSync(path.join(dist, 'essays/knesset/s'));
    const share = page(`essays/knesset/s/${section}`);
    const locale = (doc: Document) => doc.querySelector('meta[property="og:locale"]')?.getAttribute('content');
    expect([share.documentElement.lang, share.documentElement.dir]).toEqual(['he', 'rtl']);
    expect(locale(share)).toBe('he_IL');
    expect(locale(page('essays/knesset'))).toBe('he_IL');
    expect(locale(page('essays/mashruteh'))).toBe('fa_IR');
    expect(locale(page('essays/the-tsar/s/abdication'))).toBe('en_GB');
  });
});

describe('the dateline’s tags', () => {
  it('are separated by the comma of the essay’s language, drawn so that no tag takes it in', () => {
    const tags = (essay: string) =>
      [...page(`essays/${essay}`).querySelectorAll('.dateline .tags li')].map((li) => [li.textContent, li.getAttribute('data-separator')]);
    expect(tags('mashruteh')).toEqual([
      ['iran', null],
      ['history', '، '],
    ]);
    expect(tags('meiji')).toEqual([
      ['日本', null],
      ['歴史', '、'],
    ]);
    expect(tags('the-tsar')).toEqual([
      ['history', null],
      ['monarchy', ', '],
    ]);
  });
});

describe('an essay in Persian', () => {
  const allowed = allowedWords(PERSIAN);

  it('is a right-to-left page in Persian words, with no English word around the essay', () => {
    const doc = page('essays/mashruteh');
    expect(doc.documentElement.lang).toBe('fa');
    expect(doc.documentElement.dir).toBe('rtl');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(['فهرست مطالب', 'کتاب‌نامه', 'ارجاع به این جستار']));
    expect(latinWordsIn(texts, allowed)).toEqual([]);
  });

  it('dates it in the Gregorian calendar, in Persian words and digits, and counts its minutes in Persian digits', () => {
    const doc = page('essays/mashruteh');
    expect(doc.querySelector('.dateline time')?.textContent).toBe('نوشته‌شده در مارس ۲۰۲۱');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('۱ دقیقه مطالعه');
  });

  it('loads the Arabic script’s face and draws its cards with every letter, Persian’s own (پ, گ) among them', () => {
    const doc = page('essays/mashruteh');
    expect([...doc.querySelectorAll('link[rel="stylesheet"]')].some((link) => /script-faces/.test(link.getAttribute('href')!))).toBe(true);
    expect(buildOutput).not.toMatch(/mashruteh.*no glyph/);
    expect(readdirSync(path.join(dist, 'essays/mashruteh/s')).length).toBeGreaterThan(0);
  });
});

describe('an essay in Urdu', () => {
  it('is built, in Urdu words, with its citations in en-GB’s words and a warning that names its line', () => {
    const doc = page('essays/khudi');
    expect(doc.documentElement.dir).toBe('rtl');
    expect(interfaceTexts(doc)).toEqual(expect.arrayContaining(['فہرست', 'کتابیات', 'اس مضمون کا حوالہ']));
    expect(doc.querySelector('.dateline time')?.textContent).toBe('تحریر: مارچ 2021');
    // Urdu's own full stop ends the footer's sentences.
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `© ${SITE.author.name}۔ جملہ حقوق محفوظ ہیں۔`,
    );
    // The English locale's word for a translator, in the English work's entry.
    expect(doc.querySelector('.csl-bib-body')?.textContent).toMatch(/Translated by Reynold A\. Nicholson/);
    expect(buildOutput).toMatch(
      /content\/essays\/khudi\/index\.md:8:\d+: no citation locale for Urdu \("lang: ur"\).*\(the build goes on\)/,
    );
  });
});

describe('an essay in Japanese', () => {
  it('has Japanese words around it, and its date and minutes to read in Japanese', () => {
    const doc = page('essays/meiji');
    const allowed = allowedWords();
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(['目次', 'この論考を引用する', '論考を検索']));
    expect(latinWordsIn(texts, allowed)).toEqual([]);
    expect(doc.querySelector('.dateline time')?.textContent).toBe('2021年3月1日執筆');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('約1分で読めます');
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `© ${SITE.author.name}。無断転載を禁じます。`,
    );
  });

  it('has the site’s card for its own and its sections’, never one with boxes for letters no card font has, and says so once', () => {
    const site = readFileSync(path.join(dist, 'card.png'));
    const cards = [
      path.join(dist, 'essays/meiji/card.png'),
      ...readdirSync(path.join(dist, 'essays/meiji/s')).map((s) => path.join(dist, 'essays/meiji/s', s, 'card.png')),
    ];
    expect(cards).toHaveLength(3);
    for (const card of cards) expect(readFileSync(card).equals(site), card).toBe(true);
    expect(buildOutput.match(/essay "meiji": the card fonts have no letters for “明治維新/g)).toHaveLength(1);
    expect(buildOutput).toMatch(/so 3 of its 3 link-preview cards are the site's/);
    expect(buildOutput).not.toMatch(/meiji.*no glyph/);
  });

  it('describes each of those cards as the site’s, not as a card with its own title on it', () => {
    const alt = (doc: Document) => doc.querySelector('meta[property="og:image:alt"]')?.getAttribute('content');
    const pages = ['essays/meiji', ...readdirSync(path.join(dist, 'essays/meiji/s')).map((s) => `essays/meiji/s/${s}`)];
    for (const sitePath of pages) expect(alt(page(sitePath)), sitePath).toBe(`${SITE.description} — ${SITE.name}`);
    // A card drawn with its own title says so.
    expect(alt(page('essays/mashruteh'))).toContain(page('essays/mashruteh').querySelector('h1')?.textContent);
  });
});

describe('an essay in Chinese, in traditional characters', () => {
  it('has the words of traditional Chinese around it, not simplified ones, and hands them to its scripts', () => {
    const doc = page('essays/xinhai');
    expect(doc.documentElement.lang).toBe('zh-TW');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(['目錄', '引用本文', '搜尋文章']));
    expect(texts).not.toContain('目录');
    expect(latinWordsIn(texts, allowedWords())).toEqual([]);
    expect(doc.querySelector('.dateline time')?.textContent).toBe('寫於2021年10月1日');
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/zh-hant.json');
    expect(readFileSync(path.join(dist, 'ui-strings/zh-hant.json'), 'utf8')).toContain('正在載入搜尋');
  });
});

describe('an essay in Korean', () => {
  it('has Korean words around it, its note and backlink among them, and hands them to its scripts', () => {
    const doc = page('essays/gabo');
    expect(doc.documentElement.lang).toBe('ko-KR');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(['목차', '각주', '이 글 인용하기', '글 검색', '본문의 각주 1 위치로 돌아가기']));
    expect(latinWordsIn(texts, allowedWords())).toEqual([]);
    expect(doc.querySelector('.dateline time')?.textContent).toBe('2021년 3월 1일 작성');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('읽는 데 1분');
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `© ${SITE.author.name}. 무단 전재 및 재배포 금지.`,
    );
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/ko.json');
    expect(readFileSync(path.join(dist, 'ui-strings/ko.json'), 'utf8')).toContain('검색을 불러오는 중…');
  });

  it('has the site’s card for its own and its sections’ (its two headings’ and its notes’), as a Japanese essay does', () => {
    const site = readFileSync(path.join(dist, 'card.png'));
    const sections = readdirSync(path.join(dist, 'essays/gabo/s'));
    expect(sections).toHaveLength(3);
    for (const card of ['essays/gabo', ...sections.map((s) => `essays/gabo/s/${s}`)].map((p) => path.join(dist, p, 'card.png')))
      expect(readFileSync(card).equals(site), card).toBe(true);
    expect(buildOutput.match(/essay "gabo": the card fonts have no letters for “갑오개혁[^”]*”, so 4 of its 4 /g)).toHaveLength(1);
  });
});

describe('an essay in Hindi', () => {
  it('has Hindi words around it, its note, citations and backlinks among them, and hands them to its scripts', () => {
    const doc = page(`essays/${HINDI_FOLDER}`);
    expect(doc.documentElement.lang).toBe('hi-IN');
    // Its bibliography sets Devanagari names family name, comma, given name, as Latin ones (citeproc-scripts.ts), not run together.
    const entries = [...doc.querySelectorAll('.csl-entry')].map((entry) => entry.textContent);
    expect(entries.some((entry) => entry.startsWith('वर्मा, धीरेन्द्र'))).toBe(true);
    expect(entries.some((entry) => entry.startsWith('शर्मा, रामविलास'))).toBe(true);
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(
      expect.arrayContaining([
        'विषय-सूची',
        'टिप्पणियाँ',
        'ग्रंथसूची',
        'इस निबंध को उद्धृत करें',
        'निबंधों में खोजें',
        'पाठ में टिप्पणी-चिह्न 1 पर लौटें',
        'भूमिका में उद्धरण 1 पर लौटें',
        '“पत्रिकाएँ” अनुभाग में उद्धरण 1 पर लौटें',
      ]),
    );
    expect(latinWordsIn(texts, allowedWords(HINDI))).toEqual([]);
    // Intl's Hindi: the month in Devanagari, the digits Latin.
    expect(doc.querySelector('.dateline time')?.textContent).toBe('लेखन: 1 जून 2022');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('पढ़ने में 1 मिनट');
    // The danda ends the footer's sentences.
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`© ${SITE.author.name}। सर्वाधिकार सुरक्षित।`);
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/hi.json');
    const words = leaves(JSON.parse(readFileSync(path.join(dist, 'ui-strings/hi.json'), 'utf8')) as unknown);
    expect(words).toContain('खोज लोड हो रही है…');
    expect(latinWordsIn(words, allowedWords())).toEqual([]);
  });

  it('gives its share pages Hindi words', () => {
    const doc = page(`essays/${HINDI_FOLDER}/s/पत्रिकाएँ`);
    expect(doc.documentElement.lang).toBe('hi-IN');
    expect(doc.querySelector('main p')?.textContent).toBe('हिन्दी गद्य का आरम्भ निबंध का एक अनुभाग।');
    expect(latinWordsIn(interfaceTexts(doc), allowedWords(HINDI))).toEqual([]);
  });
});

describe('an essay in Italian', () => {
  const allowed = ownWords(ITALIAN, italian, 'it');

  it('has Italian words around it, its note, citations and backlinks among them, and hands them to its scripts', () => {
    const doc = page('essays/risorgimento');
    expect(doc.documentElement.lang).toBe('it');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Indice',
        'Note',
        'Bibliografia',
        'Cita questo saggio',
        'Cerca nei saggi',
        'Torna al richiamo di nota 1',
        'Torna alla citazione 1 nell’introduzione',
        'Torna alla citazione 1 nella sezione «La spedizione dei Mille»',
        'Scarica questo saggio (BibTeX)',
      ]),
    );
    expect(latinWordsIn(texts, allowed)).toEqual([]);
    // Intl's Italian: the month in lower case, no preposition before the day.
    expect(doc.querySelector('.dateline time')?.textContent).toBe('Scritto: 25 aprile 2021');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('1 min di lettura');
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `© ${SITE.author.name}. Tutti i diritti riservati.`,
    );
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/it.json');
    const words = leaves(JSON.parse(readFileSync(path.join(dist, 'ui-strings/it.json'), 'utf8')) as unknown);
    expect(words).toContain('Caricamento della ricerca…');
    expect(untranslated(words)).toEqual([]);
  });

  it('numbers its table and refers to it and to its sections in Italian words, in lower case but where a sentence starts', () => {
    const doc = page('essays/risorgimento');
    expect(doc.querySelector('.caption-label')?.textContent).toBe('Tabella 1');
    const refs = [...doc.querySelectorAll('.essay-body p')].map((p) => p.textContent ?? '');
    expect(refs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Le tappe sono tre \(tabella 1\)\.$/),
        expect.stringMatching(/\(cfr\. sezioni 1 e 2\)\. Sezione 1 ne racconta l’inizio\.$/),
        'Tabella 1 riassume le tre date.',
      ]),
    );
  });

  it('gives its share pages Italian words', () => {
    const doc = page('essays/risorgimento/s/sec-mille');
    expect(doc.documentElement.lang).toBe('it');
    expect(doc.querySelector('main p')?.textContent).toBe('Una sezione del saggio Il Risorgimento in tre date.');
    expect(latinWordsIn(interfaceTexts(doc), allowed)).toEqual([]);
  });
});

describe('an essay in Brazilian Portuguese', () => {
  const allowed = ownWords(BRAZILIAN, ptBR, 'pt-BR');

  it('has Brazil’s words around it, its note, citations and backlinks among them, and hands them to its scripts', () => {
    const doc = page('essays/semana');
    expect(doc.documentElement.lang).toBe('pt-BR');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Sumário',
        'Notas',
        'Bibliografia',
        'Citar este ensaio',
        'Pesquisar nos ensaios',
        'Voltar à chamada de nota 1',
        'Voltar à citação 1 na introdução',
        'Voltar à citação 1 na seção “As três noites”',
        'Compartilhar a seção: O legado',
        'Baixar este ensaio (BibTeX)',
      ]),
    );
    expect(latinWordsIn(texts, allowed)).toEqual([]);
    // Portugal's words for the same things are not there.
    expect(texts.filter((t) => /(?<!\p{L})(secção|índice|ligação|partilhar|transferir)(?!\p{L})/iu.test(t))).toEqual([]);
    expect(doc.querySelector('.dateline time')?.textContent).toBe('Escrito em 13 de fevereiro de 2022');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('1 min de leitura');
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `© ${SITE.author.name}. Todos os direitos reservados.`,
    );
    // The essay's own reference takes pt-BR's quotation marks, as the interface does.
    expect(doc.querySelector('.cite-record')?.textContent).toContain('“A Semana de 22”');
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/pt-br.json');
    const words = leaves(JSON.parse(readFileSync(path.join(dist, 'ui-strings/pt-br.json'), 'utf8')) as unknown);
    expect(words).toEqual(expect.arrayContaining(['Carregando a pesquisa…', 'Copie este link: {url}']));
    expect(untranslated(words)).toEqual([]);
  });

  it('numbers its table and refers to it and to its sections in Brazil’s words', () => {
    const doc = page('essays/semana');
    expect(doc.querySelector('.caption-label')?.textContent).toBe('Tabela 1');
    const paragraphs = [...doc.querySelectorAll('.essay-body p')].map((p) => p.textContent ?? '');
    expect(paragraphs).toEqual(
      expect.arrayContaining([expect.stringMatching(/As datas estão na Tabela 1\.$/), expect.stringMatching(/\(cf\. Seções 1 e 2\)\.$/)]),
    );
  });

  it('gives its share pages Brazil’s words', () => {
    const doc = page('essays/semana/s/sec-noites');
    expect(doc.documentElement.lang).toBe('pt-BR');
    expect(doc.querySelector('main p')?.textContent).toBe('Uma seção do ensaio A Semana de 22.');
    expect(latinWordsIn(interfaceTexts(doc), allowed)).toEqual([]);
  });
});

describe('an essay in European Portuguese', () => {
  const allowed = ownWords(EUROPEAN, pt, 'pt-PT');

  it('has Portugal’s words around it, its quotation marks the ones its prose and its reference take, and hands them to its scripts', () => {
    const doc = page('essays/abril');
    expect(doc.documentElement.lang).toBe('pt-PT');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(
      expect.arrayContaining(['Índice', 'Notas', 'Citar este ensaio', 'Voltar à chamada de nota 1', 'Partilhar a secção: O sinal']),
    );
    expect(latinWordsIn(texts, allowed)).toEqual([]);
    expect(doc.querySelector('.dateline time')?.textContent).toBe('Escrito em abril de 2024');
    const paragraphs = [...doc.querySelectorAll('.essay-body p')].map((p) => p.textContent ?? '');
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\(ver secção 1\)\.$/),
        expect.stringMatching(/\(ver secções 1 e 2\)\.$/),
        expect.stringContaining('«Grândola, Vila Morena»'),
      ]),
    );
    expect(doc.querySelector('.cite-record')?.textContent).toContain('«A madrugada de 25 de Abril»');
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/pt.json');
    const words = leaves(JSON.parse(readFileSync(path.join(dist, 'ui-strings/pt.json'), 'utf8')) as unknown);
    expect(words).toEqual(expect.arrayContaining(['A carregar a pesquisa…', 'Copie esta ligação: {url}']));
    expect(untranslated(words)).toEqual([]);
  });

  it('gives its share pages Portugal’s words', () => {
    const doc = page('essays/abril/s/sec-sinal');
    expect(doc.documentElement.lang).toBe('pt-PT');
    expect(doc.querySelector('main p')?.textContent).toBe('Uma secção do ensaio A madrugada de 25 de Abril.');
    expect(latinWordsIn(interfaceTexts(doc), allowed)).toEqual([]);
  });
});

describe('an essay in Dutch', () => {
  const allowed = ownWords(DUTCH, nl, 'nl');

  it('has Dutch words around it, its note, citations and backlinks among them, and hands them to its scripts', () => {
    const doc = page('essays/republiek');
    expect(doc.documentElement.lang).toBe('nl');
    const texts = interfaceTexts(doc);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Inhoud',
        'Noten',
        'Literatuur',
        'Dit essay citeren',
        'Zoeken in de essays',
        'Terug naar nootverwijzing 1',
        'Terug naar bronverwijzing 1 in de inleiding',
        'Terug naar bronverwijzing 1 in de paragraaf “De Unie van Utrecht”',
        'Dit essay downloaden (BibTeX)',
      ]),
    );
    expect(latinWordsIn(texts, allowed)).toEqual([]);
    expect(doc.querySelector('.dateline time')?.textContent).toBe('Geschreven: 15 mei 2023');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('1 min leestijd');
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `© ${SITE.author.name}. Alle rechten voorbehouden.`,
    );
    expect(doc.documentElement.dataset['uiStrings']).toBe('/ui-strings/nl.json');
    const words = leaves(JSON.parse(readFileSync(path.join(dist, 'ui-strings/nl.json'), 'utf8')) as unknown);
    expect(words).toContain('Zoeken wordt geladen…');
    // The search filter's name: an essay is an essay in Dutch too.
    expect(untranslated(words, ['Essay'])).toEqual([]);
  });

  it('numbers its table and refers to it and to its sections in Dutch words, in its prose as in the caption', () => {
    const doc = page('essays/republiek');
    expect(doc.querySelector('.caption-label')?.textContent).toBe('Tabel 1');
    const paragraphs = [...doc.querySelectorAll('.essay-body p')].map((p) => p.textContent ?? '');
    expect(paragraphs).toEqual(
      expect.arrayContaining([expect.stringMatching(/\(zie tabel 1\)\.$/), expect.stringMatching(/\(vgl\. paragrafen 1 en 2\)\.$/)]),
    );
  });

  it('gives its share pages Dutch words', () => {
    const doc = page('essays/republiek/s/sec-unie');
    expect(doc.documentElement.lang).toBe('nl');
    expect(doc.querySelector('main p')?.textContent).toBe('Een paragraaf uit het essay De Republiek in drie jaartallen.');
    expect(latinWordsIn(interfaceTexts(doc), allowed)).toEqual([]);
  });
});

describe('pages around the essays', () => {
  it('keep English around an English essay', () => {
    const doc = page('essays/the-tsar');
    expect(doc.documentElement.lang).toBe('en-GB');
    expect(doc.querySelector('.toc-title')?.textContent?.trim()).toBe('Contents');
    expect(doc.querySelector('.reading-time')?.textContent).toBe('1 min read');
    expect(doc.querySelector('.site-footer p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `© ${SITE.author.name}. All rights reserved.`,
    );
  });

  it('use the site’s default language on the home page, the search page and the 404, and each essay card its essay’s', () => {
    for (const doc of [page(''), page('search'), readPage(path.join(dist, '404.html'))]) {
      expect(doc.documentElement.lang).toBe(SITE.lang);
      expect(doc.querySelector('.skip-link')?.textContent).toBe('Skip to content');
    }
    expect(readPage(path.join(dist, '404.html')).querySelector('h1')?.textContent).toBe('Page not found');
    const card = page('').querySelector('.essay-card[lang="ru"]');
    expect(card?.textContent).toContain('1 минута чтения');
  });
});

describe('the search index', () => {
  it('keeps one index per language, each stemmed by its own rules', () => {
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { wasm: string; page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual([
      'en-gb',
      'fa',
      'he',
      'hi-in',
      'it',
      'ja',
      'ko-kr',
      'nl',
      'pt-br',
      'pt-pt',
      'ru',
      'ur',
      'zh-tw',
    ]);
    expect(entry.languages['ru']).toMatchObject({ wasm: 'ru', page_count: 1 });
    // Pagefind stems Hindi too (Snowball's Hindi stemmer), with the page's own tag for its file.
    expect(entry.languages['hi-in']).toMatchObject({ wasm: 'hi-in', page_count: 1 });
    // Portuguese is stemmed in both countries' indexes, each under its page's tag.
    expect(entry.languages['pt-br']).toMatchObject({ wasm: 'pt-br', page_count: 1 });
    expect(entry.languages['pt-pt']).toMatchObject({ wasm: 'pt-pt', page_count: 1 });
    expect(entry.languages['nl']).toMatchObject({ wasm: 'nl', page_count: 1 });
  });
});

describe('names in any script', () => {
  it('publishes a folder named in Devanagari, marks and all, and one named in decomposed form at the composed URL', () => {
    expect(existsSync(path.join(dist, 'essays', HINDI_FOLDER, 'index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'essays', 'über'.normalize('NFC'), 'index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'essays', DECOMPOSED_FOLDER))).toBe(false);
  });

  it('links its citations to their entries, and its share pages to its sections', () => {
    const doc = page(`essays/${HINDI_FOLDER}`);
    const cited = [...doc.querySelectorAll('.citation a')].map((a) => a.getAttribute('href'));
    expect(cited).toEqual(['#bib-sharma2001', '#bib-varma1998']);
    for (const href of cited) expect(doc.getElementById(href!.slice(1)), href!).not.toBeNull();
    const share = page(`essays/${HINDI_FOLDER}/s/पत्रिकाएँ`);
    expect(share.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      `0; url=/essays/${HINDI_FOLDER}/#${encodeURIComponent('पत्रिकाएँ')}`,
    );
    expect(doc.getElementById('पत्रिकाएँ')?.tagName).toBe('H2');
  });
});
