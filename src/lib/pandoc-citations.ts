/**
 * Pandoc's citation syntax (https://pandoc.org/MANUAL.html#citation-syntax),
 * read from a run of text: bracketed groups (`[see @doe99, pp. 33-35; also
 * @smith04, chap. 1]`, `[-@doe99]`) and in-text citations (`@doe99`,
 * `@doe99 [p. 33]`). Which in-text `@word`s are citations is the caller's to
 * decide (a bare `@word` is one only when `word` is a key); this module only
 * finds the candidates and parses their parts.
 */

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

const LABEL_OF = new Map(Object.entries(LOCATOR_TERMS).flatMap(([label, terms]) => terms.map((term) => [term, label])));
/** Longest first, so that "pp." wins over "p.". */
const TERMS = [...LABEL_OF.keys()].sort((a, b) => b.length - a.length);

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
 * would end the key at the first of them.
 */
const KEY = String.raw`[\p{L}\p{N}_]\p{M}*(?:[\p{L}\p{M}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
const KEY_AT = new RegExp(String.raw`(-?)@(?:\{([^{}]+)\}|(${KEY}))`, 'u');
const IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}_@])@(?:\{([^{}]+)\}|(${KEY}))`, 'gu');
/** Brackets that do not contain brackets. */
const GROUP = /\[([^[\]]*)\]/g;

/** Every citation candidate in `text`, in order: groups, then in-text `@key`s outside them. */
export function findCitations(text: string): CitationMarker[] {
  const markers: CitationMarker[] = [];
  for (const match of text.matchAll(GROUP)) {
    // `[text](url)` is a link, and `[text][ref]` a reference: Markdown has made those elements already.
    const works = parseGroup(match[1]!);
    if (works) markers.push({ kind: 'group', start: match.index, end: match.index + match[0].length, text: match[0], works });
  }
  const inGroup = (i: number) => markers.some((m) => i >= m.start && i < m.end);
  for (const match of text.matchAll(IN_TEXT)) {
    if (inGroup(match.index)) continue;
    const work: CitedWork = { key: match[1] ?? match[2]!, prefix: '', suffix: '', suppressAuthor: false };
    let end = match.index + match[0].length;
    // `@doe99 [p. 33]` takes the bracket as its locator; a bracket that holds none stays text.
    const bracket = text.slice(end).match(/^ ?\[([^[\]@]*)\]/);
    const located = bracket ? parseLocator(`, ${bracket[1]}`) : undefined;
    if (bracket && located?.locator !== undefined) {
      Object.assign(work, { locator: located.locator, label: located.label, suffix: located.suffix.trimEnd() });
      end += bracket[0].length;
    }
    markers.push({ kind: 'in-text', start: match.index, end, text: text.slice(match.index, end), works: [work] });
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** The works of a bracketed group, or undefined when it is not one: every `;`-separated part must name one key. */
function parseGroup(inside: string): CitedWork[] | undefined {
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
    const { locator, label, suffix } = parseLocator(after);
    works.push({
      key: match[2] ?? match[3]!,
      prefix: before.trim(),
      suffix: suffix.trimEnd(),
      suppressAuthor: match[1] === '-',
      ...(locator !== undefined ? { locator, label } : {}),
    });
  }
  return works;
}

/** Splits what follows a key into a locator (`, pp. 33-35, 38-39`) and the rest, as Pandoc does. */
export function parseLocator(after: string): { locator?: string; label?: string; suffix: string } {
  const lead = after.match(/^\s*,\s*/);
  if (!lead) return { suffix: after };
  let rest = after.slice(lead[0].length);
  let label: string | undefined;
  const term = TERMS.find((t) => rest.toLowerCase().startsWith(t) && /^(?:\s|\d|$)/.test(rest.slice(t.length)));
  if (term) {
    label = LABEL_OF.get(term)!;
    rest = rest.slice(term.length).trimStart();
  }
  // A locator is a run of numbers (or, after a label, any words up to a comma), joined by ", " while numbers follow.
  const first = rest.match(label ? /^[^\s,;]+/ : /^(?:\d[^\s,;]*|[ivxlcdm]+(?=[\s,;]|$))/i);
  if (!first) return { suffix: after };
  let locator = first[0];
  rest = rest.slice(locator.length);
  for (let more = rest.match(/^,\s*(\d[^\s,;]*)/); more; more = rest.match(/^,\s*(\d[^\s,;]*)/)) {
    locator += `, ${more[1]}`;
    rest = rest.slice(more[0].length);
  }
  return { locator, label: label ?? 'page', suffix: rest };
}
