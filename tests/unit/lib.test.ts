import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { parseBibtexNames } from '../../src/lib/bibtex.ts';
import type { CslItem } from '../../src/lib/csl-item.ts';
import { formatCitations } from '../../src/lib/citeproc.ts';
import { describeWritten, isoDate, parseCalendarDate } from '../../src/lib/dates.ts';
import { inDigits, LIST_STYLES, numberingSystem } from '../../src/lib/digits.ts';
import { formatPlace } from '../../src/lib/essay-error.ts';
import { type EssayFacts, essayItem, exportItems } from '../../src/lib/essay-record.ts';
import { inlineMarkdown } from '../../src/lib/inline-markdown.ts';
import { quoteMarks, smartened } from '../../src/lib/smart-punctuation.ts';
import { tagSeparator, tagSpellings } from '../../src/lib/tags.ts';
import { findCitations, locatorTerms } from '../../src/lib/pandoc-citations.ts';
import { countWords, openingOf, readingMinutes } from '../../src/lib/prose.ts';
import { jsonForScript, scholarlyArticle, scholarMeta } from '../../src/lib/scholar-metadata.ts';
import { openGraphLocale } from '../../src/lib/social-meta.ts';
import { queryVariants } from '../../src/lib/search-variants.ts';
import { closest, didYouMean, nearKey } from '../../src/lib/suggest.ts';
import { loadLocale, loadStyle } from '../../src/loader/csl.ts';
import { root } from '../support/paths.ts';

const facts: EssayFacts = {
  slug: 'an-essay',
  title: 'An Essay',
  description: 'About things.',
  authors: [{ name: 'Jane Q. Doe', csl: { family: 'Doe', given: 'Jane Q.' } }],
  written: { date: new Date('2014-03-05'), precision: 'day' },
  lang: 'en-US',
  url: new URL('https://example.org/essays/an-essay/'),
  licence: { name: 'All rights reserved' },
  siteName: 'Essays',
};

describe('suggestions', () => {
  it('suggests the nearest key for a plausible typo only', () => {
    expect(closest('pipes1986', ['pipes1968', 'figes1996'])).toBe('pipes1968');
    expect(closest('zzzzzz', ['pipes1968', 'figes1996'])).toBeUndefined();
    expect(didYouMean('figes1969', ['figes1996'], '@')).toBe(' — did you mean @figes1996?');
  });

  it('takes a bare @word for a mistyped key only when it is one edit from a key, or differs in case', () => {
    expect(nearKey('Miller2004', ['miller2004'])).toBe('miller2004');
    expect(nearKey('figes1997', ['figes1996'])).toBe('figes1996');
    expect(nearKey('someone', ['figes1996'])).toBeUndefined();
    expect(nearKey('fig', ['fog'])).toBeUndefined();
  });
});

describe('Pandoc citation syntax', () => {
  const parsed = (text: string) => findCitations(text).map((m) => [m.kind, m.text, m.works.map((w) => ({ ...w }))]);

  it('reads groups with prefixes, locators with labels, suffixes and suppressed authors', () => {
    expect(parsed('[see @doe99, pp. 33-35, 38-39 and passim; -@smith04, chap. 1]')).toEqual([
      [
        'group',
        '[see @doe99, pp. 33-35, 38-39 and passim; -@smith04, chap. 1]',
        [
          { key: 'doe99', prefix: 'see', suffix: ' and passim', suppressAuthor: false, locator: '33-35, 38-39', label: 'page' },
          { key: 'smith04', prefix: '', suffix: '', suppressAuthor: true, locator: '1', label: 'chapter' },
        ],
      ],
    ]);
    expect(parsed('[@a, 42]')[0]![2]).toEqual([{ key: 'a', prefix: '', suffix: '', suppressAuthor: false, locator: '42', label: 'page' }]);
    expect(parsed('[@a, with a comment]')[0]![2]).toEqual([{ key: 'a', prefix: '', suffix: ', with a comment', suppressAuthor: false }]);
  });

  it('reads a locale’s page abbreviation as authors type it: with a full stop, or a Hebrew geresh as an apostrophe', () => {
    const page = (text: string, lang: string) => {
      const [work] = findCitations(text, locatorTerms(loadLocale(lang, { file: 'x' }).xml))[0]!.works;
      return { locator: work!.locator, label: work!.label, suffix: work!.suffix };
    };
    expect(page('@said1978 [ص. 50]', 'ar')).toEqual({ locator: '50', label: 'page', suffix: '' });
    expect(page('@said1978 [ص 50]', 'ar')).toEqual({ locator: '50', label: 'page', suffix: '' });
    for (const typed of ["עמ' 20", 'עמ’ 20', 'עמ׳ 20'])
      expect(page(`[@dinur1955, ${typed}]`, 'he')).toEqual({ locator: '20', label: 'page', suffix: '' });
    // Greek scholarship's own abbreviations, which its CSL locale (σελ.) lacks.
    expect(page('@clogg1992 [σ. 98]', 'el')).toEqual({ locator: '98', label: 'page', suffix: '' });
    expect(page('[@liakos2007, σσ. 12-15]', 'el')).toEqual({ locator: '12-15', label: 'page', suffix: '' });
    expect(page('[@liakos2007, σελ. 12]', 'el')).toEqual({ locator: '12', label: 'page', suffix: '' });
    // Chinese and Japanese count with a word after the number, Chinese often with 第 before it.
    expect(page('[@wang1997, 第45页]', 'zh-CN')).toEqual({ locator: '45', label: 'page', suffix: '' });
    expect(page('[@wang1997，第45-47頁，另见]', 'zh-TW')).toEqual({ locator: '45-47', label: 'page', suffix: '，另见' });
    expect(page('@maruyama1964 [45ページ]', 'ja')).toEqual({ locator: '45', label: 'page', suffix: '' });
    expect(page('[@wang1997, 第3章]', 'zh-CN')).toEqual({ locator: '3', label: 'chapter', suffix: '' });
    expect(page('[@wang1997, 第12、15页]', 'zh-CN')).toEqual({ locator: '12, 15', label: 'page', suffix: '' });
    // Full-width digits, as an input method types them, are printed as the locale's own.
    expect(page('[@wang1997，第４５－４７页]', 'zh-CN')).toEqual({ locator: '45-47', label: 'page', suffix: '' });
    expect(page('@maruyama1964 [１２ページ]', 'ja')).toEqual({ locator: '12', label: 'page', suffix: '' });
    // Twelve lessons are not section 12.
    expect(page('[@wang1997, 12节课]', 'zh-CN')).toEqual({ locator: undefined, label: undefined, suffix: ', 12节课' });
    expect(page('[@wang1997, 第2节]', 'zh-CN')).toEqual({ locator: '2', label: 'section', suffix: '' });
  });

  it('prints Hebrew’s page abbreviation with its geresh after the letters, where the CSL locale has it before them', () => {
    expect(loadLocale('he', { file: 'x' }).xml).toContain('<single>עמ׳</single>');
    expect(loadLocale('he', { file: 'x' }).xml).not.toContain("'עמ<");
  });

  it('ends a key before trailing punctuation and a possessive', () => {
    expect(findCitations("@doe99's book, @doe99’s too, and @doe99.").map((m) => m.works[0]!.key)).toEqual(['doe99', 'doe99', 'doe99']);
    expect(findCitations('[@doe:1999/2]')[0]!.works[0]!.key).toBe('doe:1999/2');
    expect(findCitations('[@{a key, odd}]')[0]!.works[0]!.key).toBe('a key, odd');
  });

  it('reads a key in any script, its letters’ marks with them (Devanagari’s vowel signs, Hebrew’s points)', () => {
    expect(findCitations('[@शर्मा2001, p. 4] and @हिन्दी1990.').map((m) => m.works[0]!.key)).toEqual(['शर्मा2001', 'हिन्दी1990']);
    expect(findCitations('[@пайпс2005] и @שָׁלוֹם1948').map((m) => m.works[0]!.key)).toEqual(['пайпс2005', 'שָׁלוֹם1948']);
    // A mark ends no word: an @ right after one is inside a word, not a citation.
    expect(findCitations('नि@a.org')).toEqual([]);
  });

  it('reads an in-text key against Chinese and Japanese characters, which no space sets apart, the key ending where they start', () => {
    const keys = (text: string) => findCitations(text).map((m) => m.works[0]!.key);
    expect(keys('詳しくは@ishida2004を参照。正如@wang1997所说，@li2000 [p. 45]は')).toEqual(['ishida2004', 'wang1997', 'li2000']);
    // A key in those scripts ends at a space or punctuation, or is braced.
    expect(keys('@石田2004 は、@{石田2004}を')).toEqual(['石田2004', '石田2004']);
    // Still no citation inside a word of a spaced script, as in an address.
    expect(keys('a@b.org, пайпс@x')).toEqual([]);
  });

  it('takes an in-text key’s bracket as its locator only when it holds one', () => {
    expect(parsed('@doe99 [p. 33] says')).toEqual([
      ['in-text', '@doe99 [p. 33]', [{ key: 'doe99', prefix: '', suffix: '', suppressAuthor: false, locator: '33', label: 'page' }]],
    ]);
    expect(parsed('@doe99 [sic] says')[0]![1]).toBe('@doe99');
  });

  it('reads a range typed with an en dash or a double hyphen as a hyphen range, which the style formats', () => {
    const locators = (text: string) => findCitations(text).map((m) => m.works[0]!.locator);
    expect(locators('[@a, 264-266] [@a, pp. 264–266] [@a, 321--328] [@a, 33–35, 38--39] @a [p. 7–9]')).toEqual([
      '264-266',
      '264-266',
      '321-328',
      '33-35, 38-39',
      '7-9',
    ]);
  });

  it('takes a locator in curly braces as it is written, as Pandoc does', () => {
    const work = (text: string) => findCitations(text)[0]!.works[0];
    expect(work('[@a1{ii, A, D-Z}, with a suffix]')).toEqual({
      key: 'a1',
      prefix: '',
      suffix: ', with a suffix',
      suppressAuthor: false,
      locator: 'ii, A, D-Z',
      label: 'page',
    });
    // A label inside the braces, or before them, is the locator's label.
    expect(work('[@a1, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]')).toMatchObject({
      locator: 'iv, vi-xi, (xv)-(xvii)',
      label: 'page',
      suffix: ' with suffix here',
    });
    expect(work('[@a1, chap. {3–4}]')).toMatchObject({ locator: '3-4', label: 'chapter', suffix: '' });
    expect(work('[@a1 { sec. 9 }]')).toMatchObject({ locator: '9', label: 'section' });
    expect(work('@a1 [{ii, A}] says')).toMatchObject({ locator: 'ii, A', label: 'page' });
    // Empty braces: no locator, and what follows is the suffix, not read as one.
    expect(work('[@a1{}, 99 years later]')).toEqual({ key: 'a1', prefix: '', suffix: ', 99 years later', suppressAuthor: false });
    expect(work('[@{a key}{12}]')).toMatchObject({ key: 'a key', locator: '12' });
  });

  it('finds no citation in an email address, or in brackets that are not all citations', () => {
    expect(findCitations('mail a@b.org')).toEqual([]);
    expect(findCitations('[email me @ home]')).toEqual([]);
    expect(findCitations('[see @a; and more]').map((m) => m.kind)).toEqual(['in-text']);
  });
});

describe('citeproc', () => {
  const csl = {
    style: loadStyle('chicago-author-date', { file: 'x' }),
    locale: loadLocale('en-GB', { file: 'x' }),
    fallback: loadLocale('en-US', { file: 'x' }),
  };
  const figes = {
    id: 'figes1996',
    type: 'book',
    title: 'A People’s Tragedy',
    author: [{ family: 'Figes', given: 'O.' }],
    issued: { 'date-parts': [[1996]] },
  };
  const work = (key: string, more = {}) => ({ key, prefix: '', suffix: '', suppressAuthor: false, ...more });

  it('wraps each cited work for its link, and names the author in the text for in-text citations', () => {
    const { citations, bibliography } = formatCitations(
      [figes],
      csl,
      [
        { works: [work('figes1996', { locator: '42', label: 'page' })], noteIndex: 0, inText: false },
        { works: [work('figes1996')], noteIndex: 0, inText: true },
      ],
      undefined,
    );
    expect(citations).toEqual([
      { html: '(<a data-key="figes1996">Figes 1996, 42</a>)' },
      { html: '(<a data-key="figes1996">1996</a>)', author: 'Figes' },
    ]);
    expect(bibliography).toEqual([
      {
        key: 'figes1996',
        html: 'Figes, O. 1996. <i>A People’s Tragedy</i>. London: Jonathan Cape.'.replace(' London: Jonathan Cape.', ''),
      },
    ]);
  });

  it('closes a note inside the closing quotation mark where the locale sets punctuation there', () => {
    const article = (id: string, title: string, family: string) => ({
      id,
      type: 'article-journal',
      title,
      'container-title': 'Annals',
      author: [{ family, given: 'J.' }],
      issued: { 'date-parts': [[1996]] },
    });
    const notes = (lang: string) =>
      formatCitations(
        [
          article('a', 'Central Limit Theorem', 'Doe'),
          article('q', 'Why Chance?', 'Roe'),
          article('n', 'The Workers’ ‘Soviets’', 'Poe'),
          article('p', 'The Workers’', 'Moe'),
        ],
        {
          style: loadStyle('chicago-note-bibliography', { file: 'x' }),
          locale: loadLocale(lang, { file: 'x' }),
          fallback: csl.fallback,
        },
        [
          { works: [work('a')], noteIndex: 1, inText: false },
          { works: [work('q')], noteIndex: 2, inText: false },
          { works: [work('n')], noteIndex: 3, inText: false },
          { works: [work('p')], noteIndex: 4, inText: false },
        ],
        undefined,
      ).citations.map(({ html }) => html.replace(/<[^>]+>/g, ''));
    expect(notes('en-US')).toEqual([
      'Doe, “Central Limit Theorem.”',
      'Roe, “Why Chance?”',
      'Poe, “The Workers’ ‘Soviets.’”',
      'Moe, “The Workers’.”',
    ]);
    expect(notes('en-GB')[0]).toBe('Doe, ‘Central Limit Theorem’.');
    // Citations take the marks the essay's prose does: Greek's « », Persian's « ».
    expect(notes('el-GR')[0]).toMatch(/«Central Limit Theorem»/);
    expect(notes('fa-IR')[0]).toMatch(/«Central Limit Theorem/);
  });

  /** A book of 1998 by one author. */
  const book = (id: string, family: string, given: string) => ({
    id,
    type: 'book',
    title: 'T',
    author: [{ family, given }],
    issued: { 'date-parts': [[1998]] },
  });

  it('sets a name in Devanagari, Armenian or Georgian as a Latin one, family and given name apart, and a Chinese one run together', () => {
    const names = formatCitations(
      [book('verma', 'वर्मा', 'धीरेन्द्र'), book('hay', 'Աբովյան', 'Խաչատուր'), book('ka', 'ჭავჭავაძე', 'ილია'), book('lu', '鲁', '迅')],
      csl,
      [],
      '*',
    ).bibliography.map((entry) => entry.html.split('. 1998')[0]);
    expect(names).toEqual(expect.arrayContaining(['वर्मा, धीरेन्द्र', 'Աբովյան, Խաչատուր', 'ჭავჭავაძე, ილია', '鲁迅']));
  });

  it('initialises a given name in Devanagari by its first akshara, and an Armenian one by its first letter (APA)', () => {
    const apa = { ...csl, style: loadStyle('apa', { file: 'x' }) };
    const names = formatCitations(
      [
        book('verma', 'वर्मा', 'धीरेन्द्र'),
        book('sharma', 'शर्मा', 'क्षमा'),
        book('hay', 'Աբովյան', 'Խաչատուր'),
        book('doe', 'Doe', 'Jane'),
        book('hooks', 'hooks', 'bell'),
        book('ka', 'ჭავჭავაძე', 'ილია'),
      ],
      apa,
      [],
      '*',
    ).bibliography.map((entry) => entry.html.replace(/<[^>]+>/g, '').split(' (1998)')[0]);
    // The vowel sign with its letter (धी, not ध), a conjunct whole (क्ष); a name with no capital to initialise
    // (citeproc-js keeps it whole: "bell", Georgian's) with one space before it, not two.
    expect(names).toEqual(expect.arrayContaining(['वर्मा, धी.', 'शर्मा, क्ष.', 'Աբովյան, Խ.', 'Doe, J.', 'hooks, bell.', 'ჭავჭავაძე, ილია.']));
  });

  it('reuses one engine per style and locale, with each essay’s own works', () => {
    const other = { ...figes, title: 'Another Title' };
    const first = formatCitations([figes], csl, [], '*').bibliography[0]!.html;
    const second = formatCitations([other], csl, [], '*').bibliography[0]!.html;
    expect(first).toContain('People’s Tragedy');
    expect(second).toContain('Another Title');
    expect(second).not.toContain('People’s Tragedy');
    // Nor does an essay list the works the one before it listed without citing them.
    const pipes = { id: 'pipes1968', type: 'book', title: 'Revolutionary Russia', issued: { 'date-parts': [[1968]] } };
    formatCitations([figes], csl, [], '*');
    expect(formatCitations([pipes], csl, [], '*').bibliography.map((b) => b.key)).toEqual(['pipes1968']);
  });
});

describe('dates', () => {
  it('says no more than the author knows', () => {
    const date = new Date('2013-10-01');
    expect(isoDate(date, 'month')).toBe('2013-10');
    expect(isoDate(date, 'year')).toBe('2013');
    expect(describeWritten({ date, precision: 'month' }, 'en-GB')).toBe('Written October 2013');
    expect(describeWritten({ date, precision: 'day', note: 'Around October 2013' }, 'en-GB')).toBe('Around October 2013');
  });

  it('gives the same day in every time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Europe/Berlin', 'Pacific/Honolulu']) {
        process.env.TZ = tz;
        const { date, precision } = parseCalendarDate('2013-10-01')!;
        expect(describeWritten({ date, precision }, 'en-GB'), tz).toBe('Written 1 October 2013');
        expect(isoDate(date), tz).toBe('2013-10-01');
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it('reads YYYY, YYYY-MM and YYYY-MM-DD as calendar dates with the precision written, and nothing else', () => {
    expect(parseCalendarDate('2013')).toEqual({ date: new Date(Date.UTC(2013, 0, 1)), precision: 'year' });
    expect(parseCalendarDate('2013-10')).toEqual({ date: new Date(Date.UTC(2013, 9, 1)), precision: 'month' });
    expect(parseCalendarDate('2013-10-07')).toEqual({ date: new Date(Date.UTC(2013, 9, 7)), precision: 'day' });
    expect(parseCalendarDate('2013-10-07T23:30:00+02:00')).toEqual({ date: new Date(Date.UTC(2013, 9, 7)), precision: 'day' });
    expect(parseCalendarDate('October 2013')).toBeUndefined();
    expect(parseCalendarDate('2013-02-30')).toBeUndefined();
    expect(parseCalendarDate('2020-13-01')).toBeUndefined();
  });
});

describe('prose', () => {
  it('counts words and minutes to read', () => {
    expect(countWords('One two, three — four.')).toBe(4);
    expect(readingMinutes(2200)).toBe(10);
    expect(readingMinutes(0)).toBe(1);
  });

  it('counts the words of scripts written without spaces by their dictionaries, not as one word a paragraph', () => {
    const japanese = '明治維新は、江戸幕府の終わりと新しい国家の始まりを意味した。';
    expect(countWords(japanese)).toBeGreaterThan(10);
    expect(countWords(japanese)).toBeLessThan(japanese.length);
    expect(countWords('十月革命是一场政变吗？')).toBeGreaterThan(3);
    // 2,200 characters of Chinese are minutes of reading, not one.
    expect(readingMinutes(countWords('这个问题至今仍有争议。'.repeat(200)))).toBeGreaterThan(3);
  });

  it('ends sentences after the full stops of Chinese and Japanese, which take no space, and joins them without one', () => {
    const sentence = '十月革命是一场政变吗？这个问题至今仍有争议，历史学家的看法并不一致。';
    const opening = openingOf(sentence.repeat(8));
    expect(opening).toBe(sentence.repeat(4));
    expect(opening).not.toContain(' ');
    // Each case below would stop after its first 120 characters if it ended a sentence there.
    const long = 'あ'.repeat(118);
    // A full stop inside quotation marks ends no sentence: 「…。」と言った goes on.
    expect(openingOf(`「${long}。」と言った。${'い'.repeat(60)}。`)).toBe(`「${long}。」と言った。`);
    // Nor does the first of two stops.
    expect(openingOf(`${long}？！${'い'.repeat(60)}。`)).toBe(`${long}？！`);
    // Paragraphs, joined with a space, are joined without one.
    expect(openingOf('段落一。 段落二。')).toBe('段落一。段落二。');
    // A character outside the BMP is never cut in two.
    expect(openingOf('𠮷'.repeat(300))).toBe(`${'𠮷'.repeat(199)}…`);
    expect(openingOf('革'.repeat(300))).toBe(`${'革'.repeat(199)}…`);
  });

  it('opens a section with whole sentences up to a preview’s length', () => {
    const sentence = 'The soviets were elected democratically and held elections regularly across Russia in 1917.';
    expect(openingOf(`${sentence} ${sentence} ${sentence}`)).toBe(`${sentence} ${sentence}`);
    expect(openingOf('word '.repeat(80)).endsWith('…')).toBe(true);
  });
});

describe('a title’s Markdown', () => {
  it('reads emphasis, strong emphasis and code, giving the words and the HTML', () => {
    expect(inlineMarkdown('Reading *Capital* Again')).toEqual({ text: 'Reading Capital Again', html: 'Reading <em>Capital</em> Again' });
    expect(inlineMarkdown('On **War** & `peace`')).toEqual({
      text: 'On War & peace',
      html: 'On <strong>War</strong> &amp; <code>peace</code>',
    });
    expect(inlineMarkdown('The _Manifesto_ at 175').html).toBe('The <em>Manifesto</em> at 175');
  });

  it('sets quotes and dashes as the essay’s text is, given its language’s marks, but not in code', () => {
    const german = quoteMarks(loadLocale('de-DE', { file: 'x' }).xml, 'de');
    expect(inlineMarkdown('Die "Revolution" -- *gestern* und `"heute"`', german)).toEqual({
      text: 'Die „Revolution“ – gestern und "heute"',
      html: 'Die „Revolution“ – <em>gestern</em> und <code>"heute"</code>',
    });
    expect(inlineMarkdown("It's 1917--1918", quoteMarks(loadLocale('en-GB', { file: 'x' }).xml, 'en-GB'))).toEqual({
      text: 'It’s 1917–1918',
    });
  });

  it('sets quotes in each language’s marks fit for prose, and leaves them as typed where the rules cannot tell', () => {
    const set = (text: string, locale: string, lang: string) => smartened(text, quoteMarks(loadLocale(locale, { file: 'x' }).xml, lang));
    // Chinese and Japanese quote without spaces, where an opening quote cannot be told from a closing one.
    expect(set('他说"你好"。', 'zh-CN', 'zh-Hans')).toBe('他说"你好"。');
    expect(set('彼は"東京"に行った...', 'ja-JP', 'ja')).toBe('彼は"東京"に行った…');
    expect(set('"σπίτι" και \'αυτό\'', 'el-GR', 'el')).toBe('«σπίτι» και “αυτό”');
    // Persian quotes with « », and Lithuanian's inner quote opens low (‚), where their CSL locales give “ ” and a comma.
    expect(set('"مجلس" نخست', 'fa-IR', 'fa')).toBe('«مجلس» نخست');
    expect(set('"Jis sakė \'taip\'"', 'lt-LT', 'lt')).toBe('„Jis sakė ‚taip‘“');
    // Hebrew's locale quotes straight, and a geresh is typed as an apostrophe: both stay.
    expect(set('ג\'ורג\' אמר "שלום"', 'he-IL', 'he')).toBe('ג\'ורג\' אמר "שלום"');
    // A character of the Private Use Area the text has already is never taken for a stand-in.
    expect(set('\ue003 "x"', 'en-US', 'en')).toBe('\ue003 "x"');
    // An apostrophe no quotation opened is ’, not the language's inner closing mark (French “ ”, German ‚ ‘).
    expect(set("l'« insurrection » d'octobre", 'fr-FR', 'fr')).toBe('l’« insurrection » d’octobre');
    expect(set('l\'"insurrection" de 1871', 'fr-FR', 'fr')).toBe('l’«\u00a0insurrection\u00a0» de 1871');
    expect(set('sull\'"uso pubblico"', 'it-IT', 'it')).toBe('sull’«uso pubblico»');
    expect(set('O\'"Brien" said', 'en-US', 'en')).toBe('O’“Brien” said');
    // An opening inner mark typed as such opens what a straight quote closes.
    expect(set("Er sagte (‚so') nichts.", 'de-DE', 'de')).toBe('Er sagte (‚so‘) nichts.');
    expect(set("Die Schüler' Bücher, 'so' gesagt", 'de-DE', 'de')).toBe('Die Schüler’ Bücher, ‚so‘ gesagt');
  });

  it('leaves a title that would open a block, a link, raw HTML and escapes as the words they are', () => {
    for (const title of ['1917. The Year', '# One', '- A List', '> Quoted', 'Tom & Jerry', '1917'])
      expect(inlineMarkdown(title)).toEqual({ text: title });
    expect(inlineMarkdown('M\\*A\\*S\\*H')).toEqual({ text: 'M*A*S*H' });
    expect(inlineMarkdown('*A* [link](x) <i>y</i>')).toEqual({
      text: 'A [link](x) <i>y</i>',
      html: '<em>A</em> [link](x) &lt;i&gt;y&lt;/i&gt;',
    });
  });
});

describe('tags across essays', () => {
  it('are shown in one spelling each: the one most essays use, else the newest essay’s', () => {
    // Newest essay first.
    const spelling = tagSpellings([['history', 'War'], ['History', 'war'], ['History'], ['Russia']]);
    expect(['history', 'HISTORY', 'war', 'WAR', 'russia', 'Sea'].map(spelling)).toEqual([
      'History',
      'History',
      'War',
      'War',
      'Russia',
      'Sea',
    ]);
  });

  it('fold as case folds: Straße and STRASSE, İstanbul and istanbul are one tag', () => {
    const spelling = tagSpellings([['Straße', 'İstanbul'], ['STRASSE', 'istanbul'], ['Straße']]);
    expect(['STRASSE', 'istanbul', 'ISTANBUL'].map(spelling)).toEqual(['Straße', 'İstanbul', 'İstanbul']);
  });

  it('are separated by the comma of the language’s script: Arabic’s in Arabic, Persian and Urdu, the ideographic in Chinese and Japanese', () => {
    expect(['en-GB', 'he', 'ru', 'ar', 'fa', 'ur', 'az-Arab', 'az', 'ja', 'zh-TW', 'am'].map(tagSeparator)).toEqual([
      ', ',
      ', ',
      ', ',
      '، ',
      '، ',
      '، ',
      '، ',
      ', ',
      '、',
      '、',
      '፣ ',
    ]);
  });
});

describe('errors', () => {
  it('name files relative to the working directory, with the line', () => {
    expect(formatPlace({ file: `${process.cwd()}/content/x/index.md`, line: 3 })).toBe('content/x/index.md:3');
  });
});

describe('the essay’s own record', () => {
  it('is a CSL item with the author split into family and given names', () => {
    expect(essayItem(facts).author).toEqual([{ family: 'Doe', given: 'Jane Q.' }]);
    expect(essayItem(facts)).toMatchObject({ id: 'an-essay', type: 'webpage', issued: { 'date-parts': [[2014, 3, 5]] } });
  });

  it('formats in the essay’s style and exports to BibTeX, RIS and CSL-JSON', () => {
    const [formatted] = formatCitations(
      [essayItem(facts)],
      { style: loadStyle('apa', { file: 'x' }), locale: loadLocale('en-US', { file: 'x' }), fallback: loadLocale('en-US', { file: 'x' }) },
      [],
      '*',
    ).bibliography;
    expect(formatted?.html).toBe('Doe, J. Q. (2014, March 5). <i>An Essay</i>. Essays. https://example.org/essays/an-essay/');
    expect(exportItems([essayItem(facts)], 'bib')).toMatch(/^\s+author\s+= \{Doe, Jane Q\.\},$/m);
    expect(exportItems([essayItem(facts)], 'ris')).toContain('AU  - Doe, Jane Q.');
    expect(exportItems([essayItem(facts)], 'ris')).toMatch(/^AB {2}- About things\.$/m);
    expect(JSON.parse(exportItems([essayItem(facts)], 'json'))[0].abstract).toBe('About things.');
  });
});

describe('scholarly metadata', () => {
  it('gives Scholar the author and the date as precisely as known', () => {
    expect(scholarMeta({ ...facts, written: { date: new Date('2013-10-01'), precision: 'month' } }, [])).toEqual([
      ['citation_title', 'An Essay'],
      ['citation_author', 'Doe, Jane Q.'],
      ['citation_publication_date', '2013/10'],
      ['citation_language', 'en-US'],
      ['citation_fulltext_html_url', 'https://example.org/essays/an-essay/'],
    ]);
  });

  it('names a journal as a journal, a book as a book', () => {
    const article = { id: 'a', type: 'article-journal', title: 'A', 'container-title': 'Slavic Review' };
    const chapter = { id: 'c', type: 'chapter', title: 'C', 'container-title': 'The Reader' };
    const references = scholarMeta(facts, [article, chapter]).filter(([name]) => name === 'citation_reference');
    expect(references).toEqual([
      ['citation_reference', 'citation_title=A; citation_journal_title=Slavic Review'],
      ['citation_reference', 'citation_title=C; citation_inbook_title=The Reader'],
    ]);
  });

  describe('names every part of a cited author’s name: particles and suffixes', () => {
    const item: CslItem = {
      id: 'w',
      type: 'book',
      title: 'W',
      author: parseBibtexNames('von Neumann, John and de la Vega, Garcilaso and King, Jr., Martin Luther and Plato')!,
    };

    it('to Scholar as "Family, Given", the particle with the family name and the suffix last', () => {
      const [reference] = scholarMeta(facts, [item]).filter(([name]) => name === 'citation_reference');
      expect(reference?.[1].split('; ').filter((part) => part.startsWith('citation_author='))).toEqual([
        'citation_author=von Neumann, John',
        'citation_author=de la Vega, Garcilaso',
        'citation_author=King, Martin Luther, Jr.',
        'citation_author=Plato',
      ]);
    });

    it('in JSON-LD as the name is read', () => {
      const [work] = scholarlyArticle(facts, [item]).citation as { author: { name: string }[] }[];
      expect(work?.author.map((person) => person.name)).toEqual([
        'John von Neumann',
        'Garcilaso de la Vega',
        'Martin Luther King Jr.',
        'Plato',
      ]);
    });
  });

  it('gives titles as plain text, without the markup citeproc-js reads', () => {
    const item = { id: 'a', type: 'book', title: 'The <span class="nocase">σ</span>-algebra of <i>Species</i> in H<sub>2</sub>O' };
    expect(scholarMeta(facts, [item]).at(-1)).toEqual(['citation_reference', 'citation_title=The σ-algebra of Species in H2O']);
    expect((scholarlyArticle(facts, [item]).citation as { name: string }[])[0]!.name).toBe('The σ-algebra of Species in H2O');
  });

  it('cannot close its script element', () => {
    expect(jsonForScript({ title: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('Open Graph’s locale', () => {
  it('is language_TERRITORY, the likeliest territory where the tag names none, and no script', () => {
    expect(['en-GB', 'en', 'ar', 'he', 'fa', 'pt-BR', 'zh-Hant-TW', 'sr-Latn-RS'].map(openGraphLocale)).toEqual([
      'en_GB',
      'en_US',
      'ar_EG',
      'he_IL',
      'fa_IR',
      'pt_BR',
      'zh_TW',
      'sr_RS',
    ]);
  });
});

describe('the essay’s own record, imported as a reference manager would', () => {
  // citation-js reads each format as Zotero, JabRef and the like do: what they get is what they keep.
  const read = (text: string) => (new Cite(text) as unknown as { data: CslItem[] }).data[0]!;
  const written = (precision: 'day' | 'month' | 'year') =>
    essayItem({ ...facts, written: { date: new Date(Date.UTC(2014, 2, 1)), precision } });

  for (const [precision, parts] of [
    ['day', [2014, 3, 1]],
    ['month', [2014, 3]],
    ['year', [2014]],
  ] as const) {
    it(`keeps a date known to the ${precision} in BibTeX, RIS and CSL-JSON, and no more`, () => {
      const item = written(precision);
      for (const format of ['bib', 'ris', 'json'] as const) {
        const imported = read(exportItems([item], format));
        expect(imported.issued?.['date-parts'], format).toEqual([parts]);
        expect(imported.title, format).toBe('An Essay');
        expect(imported.author, format).toEqual([{ family: 'Doe', given: 'Jane Q.' }]);
        expect(imported.URL, format).toBe('https://example.org/essays/an-essay/');
      }
      const bib = exportItems([item], 'bib');
      expect(bib).toMatch(/^\s+year\s+= \{2014\},$/m);
      expect(bib).not.toMatch(/month\s+= \{/);
      if (precision !== 'year') expect(bib).toMatch(/^\s+month\s+= mar,$/m);
      if (precision === 'day') expect(bib).toMatch(/^\s+day\s+= \{1\},$/m);
      expect(exportItems([item], 'ris')).toContain(`DA  - ${{ day: '2014/03/01/', month: '2014/03//', year: '2014///' }[precision]}`);
    });
  }
});

describe('queryVariants', () => {
  it('adds a query’s spelling in Persian letters and digits where the site has Persian essays', () => {
    // Typed on an Arabic keyboard: Arabic yeh and kaf, Western digits.
    expect(queryVariants('يافت كرد 1906', ['en-gb', 'fa'])).toEqual(['يافت كرد 1906', 'يافت كرد ۱۹۰۶', 'یافت کرد 1906', 'یافت کرد ۱۹۰۶']);
    expect(queryVariants('1906', ['fa'])).toEqual(['1906', '۱۹۰۶']);
    expect(queryVariants('ياد', ['ur'])).toEqual(['ياد', 'یاد']);
  });

  it('adds Arabic letters and digits where the site has Arabic essays, and Western digits for every site', () => {
    expect(queryVariants('کتاب ۱۹۰۶', ['ar'])).toEqual(['کتاب ۱۹۰۶', 'کتاب 1906', 'کتاب ١٩٠٦', 'كتاب ۱۹۰۶', 'كتاب 1906', 'كتاب ١٩٠٦']);
    expect(queryVariants('۱۹۱۷', ['en'])).toEqual(['۱۹۱۷', '1917']);
  });

  it('leaves a query alone that no other spelling would change', () => {
    expect(queryVariants('revolution', ['en', 'fa', 'ar'])).toEqual(['revolution']);
    expect(queryVariants('1917', ['en', 'ru'])).toEqual(['1917']);
    expect(queryVariants('مجلس', ['fa', 'ar'])).toEqual(['مجلس']);
  });
});

describe('digits', () => {
  it('writes the numbers the site makes in the digits the language writes by default, whatever extensions its tag has', () => {
    expect(inDigits('fa', '2.10')).toBe('۲.۱۰');
    expect(inDigits('fa-IR-u-ca-persian', 3)).toBe('۳');
    expect(inDigits('ar-EG-u-ca-islamic', 12)).toBe('١٢');
    expect(inDigits('en-GB', 12)).toBe('12');
    expect(inDigits('ar', 12)).toBe('12');
  });

  it('numbers lists in each of those digits with a rule of src/styles/digits.css', () => {
    const css = readFileSync(path.join(root, 'src/styles/digits.css'), 'utf8');
    for (const [system, style] of Object.entries(LIST_STYLES)) {
      expect(css, system).toContain(`[data-digits='${system}'] ol {\n  list-style-type: ${style};\n}`);
    }
    for (const lang of ['fa', 'ar-EG', 'mr', 'bn', 'my', 'dz']) expect(LIST_STYLES[numberingSystem(lang)], lang).toBeDefined();
  });
});
