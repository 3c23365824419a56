import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBibtex, ET_AL, isEnglish, parseBibtex, portableCsl, type TitleCaser, writeBibtex } from '../../src/lib/bibtex.ts';
import { CiteprocError, formatCitations, titleCase, worksAtFault } from '../../src/lib/citeproc.ts';
import type { CslItem } from '../../src/lib/csl-item.ts';
import { loadLocale, loadStyle } from '../../src/loader/csl.ts';

/** Items as a bibliography in a style and language, one HTML entry each, in the style's order. */
function formatEntries(items: CslItem[], style: string, lang: string): string[] {
  const place = { file: 'test' };
  const csl = { style: loadStyle(style, place), locale: loadLocale(lang, place), fallback: loadLocale('en-US', place) };
  return formatCitations(items, csl, [], '*').bibliography.map((entry) => entry.html);
}

/**
 * Each folder of tests/fixtures/bibtex holds an input.bib and either the
 * CSL-JSON it must give (expected.json) or the error it must fail with
 * (error.txt); a success that warns has its warnings in warnings.txt, one a
 * line. `UPDATE=1` rewrites them, but never turns an expected error into a
 * success or a success into an error: that takes deleting the file.
 */
const root = 'tests/fixtures/bibtex';
const update = process.env.UPDATE === '1';
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function read(name: string) {
  const file = path.join(root, name, 'input.bib');
  return parseBibtex(decodeBibtex(readFileSync(file), file), file);
}

function attempt(name: string): { items?: CslItem[]; warnings?: string; error?: string } {
  try {
    const { items, warnings } = read(name);
    return { items, warnings: warnings.map((w) => w.message).join('\n') };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('BibTeX fixtures', () => {
  for (const name of cases) {
    const expectedError = path.join(root, name, 'error.txt');
    const expectedJson = path.join(root, name, 'expected.json');
    const expectedWarnings = path.join(root, name, 'warnings.txt');
    if (existsSync(expectedError)) {
      it(`${name}: fails with the error in error.txt`, () => {
        const { error } = attempt(name);
        expect(error, 'an expected error may not become a success').toBeDefined();
        if (update) writeFileSync(expectedError, `${error}\n`);
        expect(`${error}\n`).toBe(readFileSync(expectedError, 'utf8'));
      });
    } else {
      it(`${name}: gives the CSL-JSON in expected.json`, () => {
        const { items, warnings, error } = attempt(name);
        expect(error, 'an expected success may not become an error').toBeUndefined();
        const json = `${JSON.stringify(items, null, 2)}\n`;
        if (update) {
          writeFileSync(expectedJson, json);
          if (warnings) writeFileSync(expectedWarnings, `${warnings}\n`);
          else rmSync(expectedWarnings, { force: true });
        }
        expect(existsSync(expectedJson), `no ${expectedJson}: write it with UPDATE=1 and review it`).toBe(true);
        expect(json).toBe(readFileSync(expectedJson, 'utf8'));
        expect(warnings, 'warnings (UPDATE=1 rewrites warnings.txt)').toBe(
          existsSync(expectedWarnings) ? readFileSync(expectedWarnings, 'utf8').trimEnd() : '',
        );
      });
    }
  }
});

describe('parsing', () => {
  it('keeps keys exactly as written, in file order, with the line of each entry head', () => {
    const bib = read('jabref');
    expect(bib.keys).toEqual(['Figes1996', 'Smith2018', 'Radek1995', 'Ivanova2015', 'Roe2012', 'Fitzpatrick2001']);
    expect(bib.items.map((i) => i.id)).toEqual(bib.keys);
    expect([...bib.lines]).toEqual([
      ['Figes1996', 5],
      ['Smith2018', 16],
      ['Radek1995', 34],
      ['Ivanova2015', 47],
      ['Roe2012', 57],
      ['Fitzpatrick2001', 67],
    ]);
  });

  it('leaves @xdata entries out of the citable items', () => {
    const bib = read('xdata');
    expect(bib.keys).toEqual(['first', 'second']);
    expect([...bib.lines.keys()]).toEqual(['first', 'second']);
  });

  it('gives precomposed characters that a search for the plain word finds', () => {
    const [first, , , , , dotless] = read('accents').items;
    const names = JSON.stringify([first!.author, dotless!.author]);
    expect(names).toContain('"Dvořák"');
    expect(names).toContain('"Antonín"');
    expect(names).toContain('"Ångström"');
    expect(names).toContain('"Martínez"');
    expect(names).not.toMatch(/\u0131|\u0237|\p{M}/u);
  });

  it('writes math alphabets in Unicode’s mathematical letters, with the letters encoded before them where the block has holes', () => {
    const title = (math: string) => parseBibtex(`@misc{x, title = {${math}}, langid = {ngerman}}`, 'x.bib').items[0]!.title;
    expect(title('$\\mathbb{RNZQCHPAE} \\mathbb{1}$')).toBe('ℝℕℤℚℂℍℙ𝔸𝔼𝟙');
    expect(title('$\\mathcal{BEFHILMRAO}$ $\\mathscr{ego}$')).toBe('ℬℰℱℋℐℒℳℛ𝒜𝒪 ℯℊℴ');
    expect(title('$\\mathfrak{CHIRZAg}$')).toBe('ℭℌℑℜℨ𝔄𝔤');
    expect(title('$\\mathbf{Ax0}$ $\\mathit{hA}$ $\\mathsf{A1}$ $\\mathtt{a}$ $\\boldsymbol{x}$')).toBe('𝐀𝐱𝟎 ℎ𝐴 𝖠𝟣 𝚊 𝒙');
  });

  it('writes operator names as upright words, with a space where TeX sets a thin one', () => {
    const title = (math: string) => parseBibtex(`@misc{x, title = {${math}}, langid = {ngerman}}`, 'x.bib').items[0]!.title;
    expect(title('$O(n \\log n)$')).toBe('O(n log n)');
    expect(title('$\\sin^2 x + \\cos(x)$')).toBe('sin² x+cos(x)');
    expect(title('$\\lim\\limits_{n} x_n = \\max(\\exp y)$')).toBe('limₙ xₙ=max(exp y)');
    expect(title('$\\operatorname{Var}(X)$, $\\operatorname*{argmax}$, $\\det A$')).toBe('Var(X), argmax, det A');
  });

  it('reads TeX’s spacing in math: a control space and a tie are a space, \\! nothing, \\colon a colon', () => {
    const title = (math: string) => parseBibtex(`@misc{x, title = {${math}}, langid = {ngerman}}`, 'x.bib').items[0]!.title;
    expect(title('$a\\ b$ $\\alpha\\ \\beta$')).toBe('a b α β');
    expect(title('$a~b$ and a~tie')).toBe('a b and a tie');
    expect(title('$n\\!+\\!1$ $f\\colon X$')).toBe('n+1 f: X');
    // A line break `\\` before a space is not a control space.
    expect(title('$a\\\\ b$')).toBe('a b');
  });

  it('still stops at a command it does not know in math, at its own column after converted ones', () => {
    expect(() => parseBibtex('@misc{x, title = {$\\mathbb{R} \\log n$ and $\\mathbb{\\alpha}$}}', 'x.bib')).toThrow(
      /^x\.bib:1:44: unknown LaTeX command \\mathbb in the entry "x"/,
    );
    // `a\sin\theta`: the operator's thin spaces would make it longer than `\sin`.
    expect(() => parseBibtex('@misc{x, title = {$a\\sin\\theta$ and $\\mathbb{\\alpha}$}}', 'x.bib')).toThrow(
      /^x\.bib:1:38: unknown LaTeX command \\mathbb/,
    );
  });

  it('leaves math commands outside math, and an escaped dollar, to the parser', () => {
    expect(() => parseBibtex('@misc{x, title = {A \\$5 \\log Book}}', 'x.bib')).toThrow(/unknown LaTeX command \\log/);
    const [item] = parseBibtex('@misc{x, url = {https://example.org/\\log}, title = {T}}', 'x.bib').items;
    expect(item!.URL).toBe('https://example.org/\\log');
  });

  it('names every problem of a file, one line each, with the single errors as its cause', () => {
    let error: Error | undefined;
    try {
      read('several-problems');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message.split('\n')).toHaveLength(3);
    expect((error?.cause as AggregateError).errors).toHaveLength(3);
  });
});

describe('today’s messages', () => {
  it('are kept for the broken .bib files of the Markdown fixtures', () => {
    for (const name of ['duplicate-key', 'malformed-bibtex', 'empty-bibliography']) {
      const file = `tests/fixtures/markdown/${name}/references.bib`;
      const expected = readFileSync(`tests/fixtures/markdown/${name}/error.txt`, 'utf8').trim();
      expect(() => parseBibtex(decodeBibtex(readFileSync(file), file), file), name).toThrow(expected);
    }
  });
});

describe('CSL-JSON for download', () => {
  it('ends a list cut short with a literal “others”, not citeproc-js’s mark', () => {
    const [many] = portableCsl(read('and-others').items);
    expect(many!.author).toEqual([{ family: 'Doe', given: 'Jane' }, { family: 'Roe', given: 'Richard' }, { literal: 'others' }]);
    expect(read('and-others').items[0]!.author).toHaveLength(2);
  });
});

describe('decoding', () => {
  const file = 'content/essays/x/references.bib';
  const ascii = (s: string) => [...new TextEncoder().encode(s)];

  it('reads UTF-8, with or without a byte-order mark', () => {
    const text = '@book{a, title = {Dvořák}}';
    expect(decodeBibtex(new TextEncoder().encode(text), file)).toBe(text);
    expect(decodeBibtex(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), file)).toBe(text);
  });

  it('refuses a Latin-1 file, naming the line of the first byte that is not UTF-8', () => {
    // "Dvořák" cannot be Latin-1; "Ångström" can: Å = 0xC5, ö = 0xF6.
    const bytes = Uint8Array.from([...ascii('@book{a,\n  author = {'), 0xc5, ...ascii('ngstr'), 0xf6, ...ascii('m, A.},\n}\n')]);
    expect(() => decodeBibtex(bytes, file)).toThrow(
      'content/essays/x/references.bib:2: the file is not UTF-8: byte 0xC5 cannot be read as UTF-8.' +
        ' It looks like Windows-1252 or ISO-8859-1 (Latin-1), where that byte is “Å”;' +
        ' save the file as UTF-8 (in JabRef: File → Library properties → Encoding).',
    );
  });

  it('refuses a UTF-16 file, by its byte-order mark or by its NUL bytes', () => {
    const text = '@book{a, title = {A}}';
    const le = [...text].flatMap((c) => [c.charCodeAt(0), 0]);
    const be = [...text].flatMap((c) => [0, c.charCodeAt(0)]);
    const message = (kind: string) =>
      `content/essays/x/references.bib: the file is ${kind}, not UTF-8; save it as UTF-8` +
      ' (in JabRef: File → Library properties → Encoding; in Zotero, export with the UTF-8 encoding).';
    expect(() => decodeBibtex(Uint8Array.from([0xff, 0xfe, ...le]), file)).toThrow(message('UTF-16 (little-endian)'));
    expect(() => decodeBibtex(Uint8Array.from([0xfe, 0xff, ...be]), file)).toThrow(message('UTF-16 (big-endian)'));
    expect(() => decodeBibtex(Uint8Array.from(le), file)).toThrow(message('UTF-16 (little-endian)'));
  });

  it('points at the lead byte of a sequence cut short', () => {
    const bytes = Uint8Array.from([...ascii('ab\ncd\n'), 0xe2, 0x82]);
    expect(() => decodeBibtex(bytes, file)).toThrow(/^content\/essays\/x\/references\.bib:3: .* byte 0xE2 /);
  });
});

describe('formatted as readers see it', () => {
  /** The entry of one item, alone, as a bibliography in the style prints it. */
  const entry = (name: string, key: string, style = 'chicago-author-date', lang = 'en-US') => {
    const item = read(name).items.find((i) => i.id === key);
    expect(item, key).toBeDefined();
    return formatEntries([item!], style, lang)[0];
  };

  it('prints a crossref chapter "In" its parent, with the parent’s editor, publisher and year', () => {
    expect(entry('crossref', 'doe-chapter')).toBe(
      'Doe, Jane. 2001. “A Chapter in It.” In <i>The Big Book: Essays on Everything</i>, edited by John Smith, 10–20. Uppsala: Big Press.',
    );
    expect(entry('crossref', 'roe-paper')).toBe(
      'Roe, Richard. 2010. “A Paper.” In <i>Proceedings of the Tenth Conference</i>, edited by Edgar Poe, 1–9. Conference Press.',
    );
    expect(entry('crossref', 'moe-chapter')).toBe(
      'Moe, Mary. 1999. “Another Chapter.” In <i>A Plain Book</i>, edited by John Smith. London: Plain Press.',
    );
  });

  it('prints “and others” as et al., never as a person called others', () => {
    expect(entry('and-others', 'many')).toBe('Doe, Jane, Richard Roe, et al. 2000. <i>Written by Many</i>. P.');
    expect(entry('and-others', 'one')).toBe('Doe, Jane et al. 2001. <i>One and More</i>. Edited by John Smith et al. P.');
    expect(entry('and-others', 'org')).toBe('Others Incorporated. 2002. <i>A Company Named Others</i>. P.');
    for (const style of ['apa', 'modern-language-association', 'harvard-cite-them-right', 'chicago-note-bibliography']) {
      const printed = entry('and-others', 'many', style);
      expect(printed, style).toMatch(/Roe(, R\.)?, (<i>)?et al\./);
      expect(printed, style).not.toMatch(/others|…/);
    }
    // MHRA's own et-al term is “and others”, as its style guide writes it.
    expect(entry('and-others', 'many', 'modern-humanities-research-association', 'en-GB')).toMatch(/^Doe, Jane, Richard Roe, and others,/);
  });

  it('prints a thesis with its genre and university', () => {
    expect(entry('types', 'phd')).toBe('Doe, Jane. 2010. “A Thesis.” PhD thesis, Uppsala: Uppsala University.');
    expect(entry('types', 'ma')).toBe('Doe, Jane. 2006. “A Smaller Thesis.” Master’s thesis, Uppsala University.');
    expect(entry('types', 'thesis-typed')).toBe('Doe, Jane. 2011. “A Typed Thesis.” PhD thesis, Lund University.');
    expect(entry('types', 'thesis-literal')).toBe('Doe, Jane. 2009. “A Licentiate Thesis.” Licentiate thesis, Lund University.');
  });

  it('prints Dvořák, Antonín and Ångström in precomposed characters', () => {
    const printed = entry('accents', 'acute-grave-circumflex');
    expect(printed).toBe('Dvořák, Antonín, and Anders Ångström. 2000. <i>Accents</i>.');
    expect(printed).toBe(printed!.normalize('NFC'));
  });

  it('formats a date range whose ends differ in precision at the coarser one, in every style', () => {
    expect(entry('date-ranges-mixed', 'fao2020')).toBe(
      'Food and Agriculture Organization. 2020–2021. “Family Farming Knowledge Platform.” 2020–2021. https://www.fao.org/family-farming/home/en/.',
    );
    expect(entry('date-ranges-mixed', 'range1')).toBe('Range, Rita. 1998–1999. <i>Years with a Month</i>.');
    const items = read('date-ranges-mixed').items;
    for (const style of ['chicago-author-date', 'chicago-note-bibliography', 'apa', 'modern-language-association']) {
      expect(formatEntries(items, style, 'en-US'), style).toHaveLength(items.length);
    }
  });

  it('formats the October Revolution essay’s bibliography as before', () => {
    const file = 'content/essays/october-revolution/references.bib';
    const items = parseBibtex(decodeBibtex(readFileSync(file), file), file).items;
    const expected = readFileSync(`${root}/october-revolution.chicago-author-date.html`, 'utf8');
    expect(`${formatEntries(items, 'chicago-author-date', 'en-GB').join('\n')}\n`).toBe(expected);
  });
});

describe('one .bib after another', () => {
  it('is read the same whatever was read before it: an English title is sentence-cased after a German essay’s .bib too', () => {
    const bib = '@book{a, title = {Growth per Year in {Europe}}, author = {A, B}, year = {1999}}';
    const before = parseBibtex(bib, 'x.bib').items[0]!.title;
    parseBibtex('@book{b, title = {Die Weimarer Republik}, year = {1999}}', 'y.bib', 'de');
    expect(before).toBe('Growth per year in Europe');
    expect(parseBibtex(bib, 'x.bib').items[0]!.title).toBe(before);
    // And a German essay's entry without langid keeps its capitals, after an English one's too.
    expect(parseBibtex('@book{b, title = {Die Weimarer Republik}, year = {1999}}', 'y.bib', 'de').items[0]!.title).toBe(
      'Die Weimarer Republik',
    );
  });
});

describe('genres', () => {
  const thesis =
    '@phdthesis{a, author = {Doe, Jane}, title = {Streiks}, school = {Universität Bonn}, year = {2000}}\n@mastersthesis{b, author = {Roe, Ray}, title = {Mémoire}, school = {Paris}, year = {2001}}';
  it('are in the essay’s language where biblatex has the words (German, French), else English', () => {
    const genres = (language: string) => parseBibtex(thesis, 'x.bib', language).items.map((item) => item.genre);
    expect(genres('de')).toEqual(['Dissertation', 'Masterarbeit']);
    expect(genres('fr-FR')).toEqual(['Thèse de doctorat', 'Mémoire de master']);
    expect(genres('en-GB')).toEqual(['PhD thesis', 'Master’s thesis']);
    expect(genres('ru')).toEqual(['PhD thesis', 'Master’s thesis']);
  });

  it('give a written .bib its entry types back, with no type field', () => {
    const written = writeBibtex(parseBibtex(thesis, 'x.bib', 'de').items);
    expect(written).toMatch(/^@phdthesis\{a,/m);
    expect(written).toMatch(/^@mastersthesis\{b,/m);
    expect(written).not.toMatch(/^\s*type\s*=/m);
  });
});

describe('writing BibTeX', () => {
  const english = { style: loadStyle('chicago-author-date', { file: 'x' }), locale: loadLocale('en-US', { file: 'x' }) };
  /** English titles in title case again, as the bibliography's download writes them (src/lib/downloads.ts). */
  const titled: TitleCaser = (item) =>
    isEnglish(typeof item.language === 'string' ? item.language : 'en')
      ? (title) => titleCase(title, { ...english, fallback: english.locale })
      : undefined;
  const roundTrip = (name: string, titleCaser?: TitleCaser) => {
    const items = read(name).items;
    const written = writeBibtex(items, titleCaser);
    return { items, written, again: parseBibtex(written, 'download.bib').items };
  };

  it('writes English titles in title case, bracing only the capitals they had, so that they read back as they were', () => {
    const [item] = parseBibtex(
      '@book{evans2003, title = {The Coming of the Third Reich: A History}, author = {Evans, Richard J.}, year = 2003}',
      'x.bib',
    ).items;
    expect(item!.title).toBe('The coming of the third reich: A history');
    const written = writeBibtex([item!], titled);
    expect(written).toMatch(/^ {2}title += \{The Coming of the Third Reich: \{A\} History\},$/m);
    expect(parseBibtex(written, 'again.bib').items[0]!.title).toBe(item!.title);
  });

  it('reads back to the same titles, names and dates, with English titles in title case or not', () => {
    for (const [name, caser] of [
      'zotero-better-bibtex',
      'jabref',
      'types',
      'accents',
      'and-others',
      'names',
      'dates',
      'crossref',
      'markup',
      'math',
    ].flatMap(
      (name) =>
        [
          [name, undefined],
          [name, titled],
        ] as const,
    )) {
      const { items, again } = roundTrip(name, caser);
      const essentials = (list: CslItem[]) =>
        list.map(({ id, type, title, author, editor, issued, accessed, 'container-title': container }) => ({
          id,
          type,
          title,
          author,
          editor,
          issued,
          accessed,
          container,
        }));
      expect(essentials(again), `${name}${caser ? ', in title case' : ''}`).toEqual(essentials(items));
    }
  });

  it('writes entries only, with “and others” and TeX’s special characters kept', () => {
    const { written } = roundTrip('jabref');
    expect(written).not.toMatch(/@comment|@string|@preamble|jabref-meta|timestamp|owner|groups/i);
    expect(writeBibtex(read('and-others').items)).toContain('author    = {Doe, Jane and Roe, Richard and others},');
    expect(writeBibtex([{ id: 'x', type: 'book', title: 'Fish & Chips: 100% of $5 #1_a' }])).toBe(
      '@book{x,\n  title = {Fish \\& {Chips}: 100\\% of \\$5 \\#1\\_a},\n}\n',
    );
  });

  it('writes a percent sign read from a bare % as \\%, which reads back the same', () => {
    const { items, written, again } = roundTrip('percent-signs');
    expect(written).toContain('title     = {Growth of 5\\% per year in {Europe}},');
    expect(written).toContain('abstract  = {An abstract with 50\\% of the text, and then 20\\% more on the next line},');
    expect(written).toContain('url     = {https://example.org/search?q=growth%20rate%25},');
    expect(again).toEqual(items);
  });

  it('keeps the et-al mark out of the names it writes', () => {
    const written = writeBibtex([{ id: 'x', type: 'book', author: [{ family: 'Doe', given: 'Jane', 'dropping-particle': ET_AL }] }]);
    expect(written).toBe('@book{x,\n  author = {Doe, Jane and others},\n}\n');
  });
});

describe('when citeproc-js fails', () => {
  const place = { file: 'test' };
  const csl = { style: loadStyle('chicago-author-date', place), locale: loadLocale('en-US', place), fallback: loadLocale('en-US', place) };
  const good: CslItem = { id: 'good', type: 'book', title: 'Good', issued: { 'date-parts': [[2000]] } };
  // Ends of unequal precision, which bibtex.ts no longer gives but citeproc-js refuses.
  const bad: CslItem = { id: 'bad', type: 'book', title: 'Bad', issued: { 'date-parts': [[2020, 3], [2021]] } };

  it('throws a CiteprocError, and names the works it fails on alone, with its reason', () => {
    expect(() => formatCitations([good, bad], csl, [], '*')).toThrow(CiteprocError);
    expect(() => formatCitations([good, bad], csl, [], '*')).toThrow('CSL data error: element mismatch in date range input.');
    expect(worksAtFault([good, bad], csl)).toEqual([{ id: 'bad', reason: 'CSL data error: element mismatch in date range input.' }]);
  });

  it('formats the next essay with a fresh engine', () => {
    expect(() => formatCitations([bad], csl, [], '*')).toThrow(CiteprocError);
    expect(formatCitations([good], csl, [], '*').bibliography.map((e) => e.html)).toEqual(['<i>Good</i>. 2000.']);
  });
});
