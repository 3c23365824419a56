/**
 * Pandoc's citation syntax (https://pandoc.org/MANUAL.html#citation-syntax),
 * read from a run of text: bracketed groups (`[see @doe99, pp. 33-35; also
 * @smith04, chap. 1]`, `[-@doe99]`) and in-text citations (`@doe99`,
 * `@doe99 [p. 33]`). Which in-text `@word`s are citations is the caller's to
 * decide (a bare `@word` is one only when `word` is a key); this module only
 * finds the candidates and parses their parts.
 */

import { localeTerms } from './csl-terms.ts';

/** CSL locator labels and the words Pandoc accepts for them (its English terms). */
const LOCATOR_TERMS: Record<string, string[]> = {
  book: ['bk.', 'bks.', 'book', 'books'],
  chapter: ['chap.', 'chaps.', 'ch.', 'chs.', 'chapter', 'chapters'],
  column: ['col.', 'cols.', 'column', 'columns'],
  figure: ['fig.', 'figs.', 'figure', 'figures'],
  folio: ['fol.', 'fols.', 'folio', 'folios'],
  number: ['no.', 'nos.', 'number', 'numbers'],
  line: ['l.', 'll.', 'line', 'lines'],
  note: ['n.', 'nn.', 'note', 'notes'],
  opus: ['op.', 'opp.', 'opus', 'opera'],
  page: ['p.', 'pp.', 'page', 'pages'],
  paragraph: ['para.', 'paras.', '¶', '¶¶', 'paragraph', 'paragraphs'],
  part: ['pt.', 'pts.', 'part', 'parts'],
  section: ['sec.', 'secs.', '§', '§§', 'section', 'sections'],
  'sub-verbo': ['s.v.', 's.vv.', 'sub verbo'],
  verse: ['v.', 'vv.', 'verse', 'verses'],
  volume: ['vol.', 'vols.', 'volume', 'volumes'],
};

/** The words a locator may start with, and the CSL label each names. */
export interface LocatorTerms {
  labelOf: ReadonlyMap<string, string>;
  /** Longest first, so that "pp." wins over "p.". */
  terms: readonly string[];
}

function termsOf(entries: Iterable<[string, string]>): LocatorTerms {
  const labelOf = new Map(entries);
  return { labelOf, terms: [...labelOf.keys()].sort((a, b) => b.length - a.length) };
}

const ENGLISH = termsOf(Object.entries(LOCATOR_TERMS).flatMap(([label, terms]) => terms.map((term) => [term, label] as [string, string])));

const byLocale = new Map<string, LocatorTerms>();

/**
 * The locator words of an essay's language, as Pandoc reads them: its CSL
 * locale's terms for each label, long and short, singular and plural (German
 * `S. 33`, `Kap. 2`, `Bd. 1`, `Seiten 3-5`), besides the English ones.
 */
export function locatorTerms(localeXml: string): LocatorTerms {
  let terms = byLocale.get(localeXml);
  if (terms) return terms;
  const entries: [string, string][] = [...ENGLISH.labelOf];
  const language = /<locale\b[^>]*\bxml:lang="([a-z]+)/.exec(localeXml)?.[1] ?? '';
  for (const { name, words } of [...localeTerms(localeXml), ...(WRITTEN_TOO[language] ?? [])]) {
    if (!(name in LOCATOR_TERMS)) continue;
    for (const word of words) {
      const term = word.trim().toLowerCase();
      // A word the English terms give another label keeps that label (Pandoc reads English first).
      for (const form of typedForms(term)) if (form && !/[&<\u00a0]/.test(form) && !ENGLISH.labelOf.has(form)) entries.push([form, name]);
    }
  }
  terms = termsOf(entries);
  byLocale.set(localeXml, terms);
  return terms;
}

/**
 * Abbreviations a language's scholarship writes that its CSL locale does not
 * have: Greek writes a page `σ. 98` and pages `σσ. 12-15`, where the locale
 * has `σελ.` for both.
 */
const WRITTEN_TOO: Record<string, { name: string; words: string[] }[]> = {
  el: [{ name: 'page', words: ['σ.', 'σσ.'] }],
};

/**
 * A locale's term as authors type it too: an abbreviation the locale writes
 * without a full stop (Arabic `ص`) also with one (`ص.`), and one with a
 * Hebrew geresh (`עמ׳`) with the apostrophe a keyboard gives (`עמ'`, `עמ’`).
 */
function typedForms(term: string): string[] {
  const forms = [term];
  if (term.includes('׳')) forms.push(term.replaceAll('׳', "'"), term.replaceAll('׳', '’'));
  if (/^\p{L}[\p{L}\p{M}]{0,3}$/u.test(term)) forms.push(`${term}.`);
  return forms;
}

export interface CitedWork {
  key: string;
  /** Words before the key, e.g. "see". */
  prefix: string;
  /** The locator, e.g. "33-35, 38-39", and its CSL label ("page" when none is written). */
  locator?: string | undefined;
  label?: string | undefined;
  /** Words after the locator, e.g. ", and passim". */
  suffix: string;
  /** `-@key`: the author is named in the text already. */
  suppressAuthor: boolean;
}

export interface CitationMarker {
  /** A bracketed group, or an in-text `@key` (with its optional `[locator]`). */
  kind: 'group' | 'in-text';
  /** Offsets of the marker in the text. */
  start: number;
  end: number;
  text: string;
  works: CitedWork[];
}

/**
 * Key characters: a key starts with a letter, digit or `_`, and may hold
 * those and internal punctuation `:.#$%&-+?<>~/`; punctuation cannot end it,
 * so `@doe99.` and `@doe99's` cite `doe99`. A letter is one with its marks
 * (`@शर्मा2001`: Devanagari's vowel signs and virama are marks), where Pandoc
 * would end the key at the first of them. `unless`, a look-ahead, keeps
 * some letters out of it (see SPACED_KEY).
 */
const keyOf = (unless = '') =>
  String.raw`${unless}[\p{L}\p{N}_]\p{M}*(?:${unless}[\p{L}\p{M}\p{N}_]|[:.#$%&\-+?<>~/](?=${unless}[\p{L}\p{N}_]))*`;
const KEY = keyOf();
const KEY_AT = new RegExp(String.raw`(-?)@(?:\{([^{}]+)\}|(${KEY}))`, 'u');
/**
 * Chinese and Japanese, which put no space between words: `正如@wang1997所说`,
 * `詳しくは@ishida2004を参照`. An in-text key may stand against their
 * characters, and a key that does not start with one ends where they start.
 * (A key in them, `@石田2004`, ends at a space or punctuation, or is braced.)
 */
const UNSPACED = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}`;
const UNSPACED_CHARACTER = new RegExp(`[${UNSPACED}]`, 'u');
const SPACED_KEY = keyOf(`(?![${UNSPACED}])`);
const IN_TEXT = new RegExp(String.raw`(?<!(?![${UNSPACED}])[\p{L}\p{M}\p{N}_@])@(?:\{([^{}]+)\}|(${SPACED_KEY}|${KEY}))`, 'gu');
/** Brackets that do not contain brackets. */
const GROUP = /\[([^[\]]*)\]/g;

/** Every citation candidate in `text`, in order: groups, then in-text `@key`s outside them. */
export function findCitations(text: string, terms: LocatorTerms = ENGLISH): CitationMarker[] {
  const markers: CitationMarker[] = [];
  for (const match of text.matchAll(GROUP)) {
    // `[text](url)` is a link, and `[text][ref]` a reference: Markdown has made those elements already.
    const works = parseGroup(match[1]!, terms);
    if (works) markers.push({ kind: 'group', start: match.index, end: match.index + match[0].length, text: match[0], works });
  }
  const inGroup = (i: number) => markers.some((m) => i >= m.start && i < m.end);
  for (const match of text.matchAll(IN_TEXT)) {
    if (inGroup(match.index)) continue;
    const work: CitedWork = { key: (match[1] ?? match[2]!).normalize('NFC'), prefix: '', suffix: '', suppressAuthor: false };
    let end = match.index + match[0].length;
    // `@doe99 [p. 33]` takes the bracket as its locator; a bracket that holds none stays text.
    const bracket = text.slice(end).match(/^ ?\[([^[\]@]*)\]/);
    const located = bracket ? parseLocator(`, ${bracket[1]}`, terms) : undefined;
    if (bracket && located?.locator !== undefined) {
      Object.assign(work, { locator: located.locator, label: located.label, suffix: located.suffix.trimEnd() });
      end += bracket[0].length;
    }
    markers.push({ kind: 'in-text', start: match.index, end, text: text.slice(match.index, end), works: [work] });
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** The works of a bracketed group, or undefined when it is not one: every `;`-separated part must name one key. */
function parseGroup(inside: string, terms: LocatorTerms): CitedWork[] | undefined {
  if (!inside.includes('@')) return undefined;
  const works: CitedWork[] = [];
  for (const part of inside.split(';')) {
    const match = part.match(KEY_AT);
    if (!match || match.index === undefined) return undefined;
    const before = part.slice(0, match.index);
    // An email address or a handle inside words is not a citation.
    if (/[\p{L}\p{M}\p{N}_]$/u.test(before)) return undefined;
    const after = part.slice(match.index + match[0].length);
    if (KEY_AT.test(after)) return undefined;
    const { locator, label, suffix } = parseLocator(after, terms);
    works.push({
      // Composed, as the .bib's keys are (src/lib/bibtex.ts): `ü` typed as u and a mark is ü.
      key: (match[2] ?? match[3]!).normalize('NFC'),
      prefix: before.trim(),
      suffix: suffix.trimEnd(),
      suppressAuthor: match[1] === '-',
      ...(locator !== undefined ? { locator, label } : {}),
    });
  }
  return works;
}

/** Splits what follows a key into a locator (`, pp. 33-35, 38-39`, `{ii, A, D-Z}`) and the rest, as Pandoc does. */
export function parseLocator(after: string, terms: LocatorTerms = ENGLISH): { locator?: string; label?: string; suffix: string } {
  const braced = bracedLocator(after, terms);
  if (braced) return braced;
  const lead = after.match(/^\s*[,，]\s*/);
  if (!lead) return { suffix: after };
  let rest = after.slice(lead[0].length);
  const counted = rest.match(COUNTED);
  if (counted) {
    // Written as a Latin-script locale writes it: full-width digits as ASCII ones (NFKC), each separator and dash as its own.
    const locator = counted[1]!
      .normalize('NFKC')
      .replace(/\s*[,、]\s*/g, ', ')
      .replace(/\s*~\s*/g, '-');
    return { locator: asRange(locator), label: COUNTERS[counted[2]!]!, suffix: rest.slice(counted[0].length) };
  }
  const term = termAt(rest, terms);
  const label = term === undefined ? undefined : terms.labelOf.get(term)!;
  if (term !== undefined) rest = rest.slice(term.length).trimStart();
  // A locator is a run of numbers (or, after an English label, any words up to a comma), joined by ", " while
  // numbers follow. After a word only the essay's language gives, a number must follow: a locale's short words
  // are ordinary words too (German "s. auch 12" is "see also", not "page auch").
  const anyWord = label !== undefined && ENGLISH.labelOf.has(term!);
  const first = rest.match(anyWord ? /^[^\s,;]+/ : /^(?:\d[^\s,;]*|[ivxlcdm]+(?=[\s,;]|$))/i);
  // A number run into Chinese or Japanese words that count nothing (`12节课`, twelve lessons) is the suffix's.
  if (!first || UNSPACED_CHARACTER.test(first[0])) return { suffix: after };
  let locator = first[0];
  rest = rest.slice(locator.length);
  for (let more = rest.match(/^,\s*(\d[^\s,;]*)/); more; more = rest.match(/^,\s*(\d[^\s,;]*)/)) {
    locator += `, ${more[1]}`;
    rest = rest.slice(more[0].length);
  }
  return { locator: asRange(locator), label: label ?? 'page', suffix: rest };
}

/**
 * Chinese and Japanese count pages, chapters and volumes with a word after
 * the number, and Chinese often 第 before it: `第45页`, `第45-47頁`, `45ページ`,
 * `第3章`, `第2卷` (and after a full-width comma, `[@wang1997，第45页]`), where
 * their CSL locales give the word alone (页) and Pandoc reads none of them.
 */
const COUNTERS: Record<string, string> = {
  页: 'page',
  頁: 'page',
  ページ: 'page',
  章: 'chapter',
  卷: 'volume',
  巻: 'volume',
  节: 'section',
  節: 'section',
};
/** A number in ASCII or full-width digits (`第４５页`, as a Chinese or Japanese input method types it), or a range of them. */
const NUMBER = String.raw`[0-9０-９]+(?:\s*[-－–~～]\s*[0-9０-９]+)?`;
/** The counting words; 节 and 節 count sections, but `12节课` is twelve lessons. */
const COUNTER = Object.keys(COUNTERS)
  .map((word) => (word === '节' || word === '節' ? `${word}(?![课課])` : word))
  .join('|');
const COUNTED = new RegExp(String.raw`^(?:第\s*)?(${NUMBER}(?:\s*[,，、]\s*${NUMBER})*)\s*(${COUNTER})`);

/** The locator label term `text` starts with, if any (longest first: "pp." before "p."). */
function termAt(text: string, { terms }: LocatorTerms): string | undefined {
  return terms.find((t) => text.toLowerCase().startsWith(t) && /^(?:\s|\d|$)/.test(text.slice(t.length)));
}

/**
 * A locator in curly braces, which Pandoc takes as it is written, whatever it
 * holds (https://pandoc.org/MANUAL.html#citation-syntax): `@smith{ii, A, D-Z}`,
 * `@smith, {pp. iv, vi-xi}` (a label inside the braces is the label), and
 * `@smith{}` for none, so that what follows is the suffix even if it looks like
 * a locator. A label before the braces (`@smith, chap. {3-4}`) is the label too,
 * where Pandoc would keep the braces in the locator. Unbalanced braces are no locator.
 */
function bracedLocator(after: string, terms: LocatorTerms): { locator?: string; label?: string; suffix: string } | undefined {
  const lead = after.match(/^\s*(,\s*)?/)!;
  let rest = after.slice(lead[0].length);
  let label: string | undefined;
  if (!rest.startsWith('{')) {
    const term = lead[1] === undefined ? undefined : termAt(rest, terms);
    if (term === undefined) return undefined;
    rest = rest.slice(term.length).trimStart();
    if (!rest.startsWith('{')) return undefined;
    label = terms.labelOf.get(term)!;
  }
  let depth = 0;
  let end = -1;
  for (let i = 0; i < rest.length && end < 0; i++) {
    if (rest[i] === '{') depth += 1;
    else if (rest[i] === '}' && --depth === 0) end = i;
  }
  if (end < 0) return undefined;
  let inside = rest.slice(1, end).trim();
  const suffix = rest.slice(end + 1);
  const term = label === undefined ? termAt(inside, terms) : undefined;
  if (term !== undefined) {
    label = terms.labelOf.get(term)!;
    inside = inside.slice(term.length).trim();
  }
  if (inside === '') return { suffix };
  return { locator: asRange(inside), label: label ?? 'page', suffix };
}

/**
 * A range typed with an en dash or TeX's double hyphen (`264–266`, `321--328`) as one with a
 * hyphen, which is the range citeproc-js formats by the style's `page-range-format` ("264–66"),
 * as Pandoc's citeproc does whichever is typed.
 */
function asRange(locator: string): string {
  return locator.replace(/\s*(?<!-)(?:--|\u2013)(?!-)\s*/g, '-');
}
