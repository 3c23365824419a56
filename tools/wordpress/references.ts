import anyAscii from 'any-ascii';
import type { List, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * A post's closing list of references, found in the Markdown and parsed into
 * BibTeX.
 *
 * No maintained JavaScript parser of reference strings exists on npm: AnyStyle
 * (Ruby) and GROBID (Java) have no JS port, `academia` (2015, ACL style only)
 * reads none of the first essay's 14 references, and citation-js parses
 * structured formats only. So this is a heuristic parser for the styles
 * essayists write by hand (Harvard and MHRA-like "Family, I. Title (Place:
 * Publisher, Year)", Chicago notes-bibliography and author-date, APA), tested
 * on the first essay's list (tests/unit/import.test.ts). What it is unsure of
 * it says, entry by entry, in {@link Reference.doubts}.
 */

export interface Name {
  family: string;
  /** Given names or initials as written ("E. H."); empty for an organisation. */
  given: string;
}

export interface Reference {
  /** The reference as the author wrote it. */
  source: string;
  type: 'book' | 'incollection' | 'article' | 'misc';
  authors: Name[];
  editors: Name[];
  title?: string | undefined;
  /** The book a chapter is in, or the journal an article is in. */
  container?: string | undefined;
  containerEditors: Name[];
  translators: Name[];
  place?: string | undefined;
  publisher?: string | undefined;
  year?: string | undefined;
  volume?: string | undefined;
  number?: string | undefined;
  pages?: string | undefined;
  edition?: string | undefined;
  url?: string | undefined;
  doi?: string | undefined;
  /** Words the parser could not place, kept so that nothing is lost. */
  note?: string | undefined;
  /** What the parser guessed or could not find: shown as `% check:` lines. */
  doubts: string[];
}

/** One reference as it stood in the post: its text and the links in it. */
export interface ReferenceSource {
  text: string;
  urls: string[];
  /** Italic spans: titles, in most styles. */
  emphasis: string[];
}

/**
 * The headings a list of references goes under, in the languages WordPress
 * sites are written in: a German post's "Literatur", a Russian one's "Список
 * литературы", a Japanese one's "参考文献".
 */
const LIST_HEADINGS = new RegExp(
  '^(?:' +
    [
      // English
      '(?:select(?:ed)? )?(?:bibliography|references|reference list|works cited|works consulted|sources|sources consulted|further reading|reading list|literature|notes and references)',
      // German, Dutch, Scandinavian
      'literatur(?:verzeichnis|liste)?',
      'quellen(?:verzeichnis)?',
      'quellen und literatur',
      'literatuur(?:lijst)?',
      'bronnen',
      'litteratur(?:liste)?',
      'kilder',
      'källor',
      // French, Spanish, Portuguese, Italian, Catalan, Romanian
      'bibliographie',
      'r[ée]f[ée]rences(?: bibliographiques)?',
      'ouvrages cit[ée]s',
      'bibliograf[íi]a(?: citada| consultada)?',
      'referencias(?: bibliogr[áa]ficas)?',
      'refer[êe]ncias(?: bibliogr[áa]ficas)?',
      'fuentes',
      'fontes',
      'obras citadas',
      'riferimenti(?: bibliografici)?',
      'fonti',
      'bibliografie',
      // Polish, Czech, Slovak, Croatian, Serbian, Slovenian, Hungarian, Finnish, Turkish
      'literatura',
      'źródła',
      'zdroje',
      'použitá literatura',
      'izvori',
      'irodalom',
      'kirjallisuus',
      'lähteet',
      'kaynakça',
      'kaynaklar',
      // Russian, Ukrainian, Bulgarian, Greek
      'литература',
      'список (?:использованной )?литературы',
      'библиография',
      'источники',
      'джерела',
      'список використаних джерел',
      'література',
      'βιβλιογραφία',
      'αναφορές',
      // Hebrew, Arabic, Persian, Urdu
      'ביבליוגרפיה',
      'מקורות',
      'רשימת מקורות',
      'المراجع',
      'المصادر',
      'المصادر والمراجع',
      'قائمة المراجع',
      'منابع',
      'کتاب‌نامه',
      'کتابنامه',
      'منابع و مآخذ',
      'کتابیات',
      'حوالہ جات',
      // Hindi, Chinese, Japanese, Korean
      'संदर्भ(?: ग्रंथ| सूची)?',
      'ग्रंथसूची',
      '参考文献',
      '參考文獻',
      '参考資料',
      '참고 ?문헌',
    ].join('|') +
    ')$',
  'iu',
);

/**
 * Finds the reference list and removes it from `tree`: the items under a
 * heading such as "Bibliography" (to the next heading as high), or else a
 * trailing run of at least two reference-like paragraphs or list items.
 */
export function extractReferenceList(tree: Root): { sources: ReferenceSource[]; heading: string | undefined } | undefined {
  const children = tree.children;
  const headingIndex = children.findIndex((node) => isListHeading(node));
  if (headingIndex !== -1) {
    const heading = children[headingIndex]!;
    const depth = heading.type === 'heading' ? heading.depth : 6;
    let end = headingIndex + 1;
    while (end < children.length) {
      const node = children[end]!;
      if ((node.type === 'heading' && node.depth <= depth) || node.type === 'footnoteDefinition') break;
      end++;
    }
    const sources = children.slice(headingIndex + 1, end).flatMap(sourcesOf);
    if (sources.length > 0) {
      children.splice(headingIndex, end - headingIndex);
      return { sources, heading: toString(heading).replace(/[:：]$/, '') };
    }
  }

  // A trailing run: walk back from the end, past footnote definitions.
  let end = children.length;
  while (end > 0 && ['footnoteDefinition', 'thematicBreak'].includes(children[end - 1]!.type)) end--;
  let start = end;
  while (start > 0) {
    const node = children[start - 1]!;
    const items = sourcesOf(node);
    if (items.length === 0 || !items.every((s) => looksLikeReference(s.text))) break;
    start--;
  }
  const sources = children.slice(start, end).flatMap(sourcesOf);
  if (sources.length < 2) return undefined;
  // A rule before the list separated it from the text; it goes with it.
  const from = children[start - 1]?.type === 'thematicBreak' ? start - 1 : start;
  children.splice(from, end - from);
  return { sources, heading: undefined };
}

function isListHeading(node: RootContent): boolean {
  if (node.type === 'heading')
    return LIST_HEADINGS.test(
      toString(node)
        .trim()
        .replace(/[:：]$/, ''),
    );
  // "Bibliography" as a paragraph of its own.
  return (
    node.type === 'paragraph' &&
    LIST_HEADINGS.test(
      toString(node)
        .trim()
        .replace(/[:：]$/, ''),
    )
  );
}

function sourcesOf(node: RootContent): ReferenceSource[] {
  if (node.type === 'paragraph') return [sourceOf(node)];
  if (node.type === 'list') {
    return (node as List).children.flatMap((item) => item.children.filter((c): c is Paragraph => c.type === 'paragraph').map(sourceOf));
  }
  return [];
}

function sourceOf(node: Paragraph): ReferenceSource {
  const urls: string[] = [];
  const emphasis: string[] = [];
  const visit = (n: RootContent | Paragraph) => {
    if (n.type === 'link') urls.push(n.url);
    if (n.type === 'emphasis') emphasis.push(toString(n));
    if ('children' in n) for (const c of n.children as RootContent[]) visit(c);
  };
  visit(node);
  return { text: toString(node), urls, emphasis };
}

const YEAR = /\b(1[4-9]\d\d|20\d\d)[a-z]?\b/;

/** Whether a paragraph reads like a reference: a name first, then a year, a publisher or a link. */
export function looksLikeReference(text: string): boolean {
  const s = normalise(text);
  if (s.length > 500 || s.length < 15) return false;
  let score = 0;
  const name = new RegExp(`^${FAMILY}, (?:${INITIALS}|${GIVEN_WORDS})\\.?\\s*`, 'u').exec(s);
  if (name) {
    // "Trotsky, L. wrote in 1930 that…" is a sentence about him, not a reference.
    if (/^\p{Ll}/u.test(s.slice(name[0].length)) && !/^(?:and|eds?\.|et al)/.test(s.slice(name[0].length))) return false;
    score += 2;
  } else if (!/^\p{Lu}/u.test(s)) return false;
  if (YEAR.test(s) || /\bn\.\s?d\./.test(s)) score += 1;
  if (
    /\((?:[^()]*:)?[^()]*\b(?:1[4-9]\d\d|20\d\d)\)|: [^:]*(?:Press|Books|Publish|Verlag|Editions|Éditions)|\b(?:Press|Publishers)\b/.test(s)
  )
    score += 1;
  if (/https?:\/\/|\bURL\b|\bdoi\b/i.test(s)) score += 1;
  return score >= 3;
}

// Pieces of names, as written in reference lists.
const NAME_WORD = "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}?[\\p{L}'’]+)*";
const PARTICLES = "(?:(?:d'|d’|de|da|del|della|der|di|du|la|le|van|von|den|ten|ter|bin|ibn|al|el|zu)\\s+)*";
const FAMILY = `${PARTICLES}${NAME_WORD}(?:\\s${NAME_WORD})?`;
const INITIALS = '\\p{Lu}\\.(?:\\s?-?\\s?\\p{Lu}\\.)*';
const GIVEN_WORDS = "\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?:\\s(?:\\p{Lu}\\p{Ll}[\\p{L}'’-]*|\\p{Lu}\\.))*";
const EDITOR_MARK = /^\s*(?:\((eds?\.?|editors?|hg\.|hrsg\.|éds?\.|dir\.|a cura di|coords?\.)\)|,\s*(eds?\.|editors?)(?=[\s,.]|$))/iu;

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
};

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

interface Names {
  names: Name[];
  editors: boolean;
  rest: string;
}

/** Names in "Family, Given" order at the start of `s` (the second and later may be "Given Family"), with an editor mark. */
function readNames(s: string, doubts: string[]): Names | undefined {
  const names: Name[] = [];
  let rest = s;
  let editors = false;
  const first = new RegExp(`^(${FAMILY}),\\s?(${INITIALS}|${GIVEN_WORDS})`, 'u');
  const givenFirst = new RegExp(`^((?:${GIVEN_WORDS}|${INITIALS})\\s)(${FAMILY})(?=[.,;\\s]|$)`, 'u');
  for (;;) {
    let m = first.exec(rest);
    const familyFirst = m !== null;
    if (m === null && names.length > 0) m = givenFirst.exec(rest);
    if (m === null) break;
    const [family, given] = familyFirst ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    names.push({ family, given: given.trim() });
    rest = rest.slice(m[0].length);
    // An initial written without its full stop before the title ("Smith, J The…") is not handled; nor are ", Jr.".
    const editorMark = EDITOR_MARK.exec(rest);
    if (editorMark) {
      editors = true;
      rest = rest.slice(editorMark[0].length);
    }
    const etAl = /^,?\s*et al\.?/.exec(rest);
    if (etAl) {
      doubts.push('"et al.": only the first author was written; add the others');
      rest = rest.slice(etAl[0].length);
      break;
    }
    const separator = /^(?:,?\s+(?:and|&)\s+|;\s*|,\s(?=\p{Lu}))/u.exec(rest);
    if (!separator) break;
    const after = rest.slice(separator[0].length);
    if (!first.test(after) && !givenFirst.test(after)) break;
    rest = after;
  }
  if (names.length === 0) return undefined;
  return { names, editors, rest };
}

/** "Edited by Joel Carmichael and Jo Smith" → names in given-family order. */
function readGivenFirstNames(s: string): Name[] {
  return s
    .split(/\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|,\s*)\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const words = part.split(/\s+/);
      const family = words.pop()!;
      return { family, given: words.join(' ') };
    });
}

/** "London: Macmillan & Co. Ltd., 1960" → place, publisher, year. */
function readImprint(s: string): Pick<Reference, 'place' | 'publisher' | 'year'> {
  const text = s.trim().replace(/[.,;]$/, '');
  const yearMatch = /,?\s*((?:1[4-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)$/.exec(text);
  const year = yearMatch?.[1];
  const before = yearMatch ? text.slice(0, yearMatch.index).trim() : text;
  if (before === '') return { year };
  const colon = before.indexOf(':');
  if (colon !== -1) return { place: before.slice(0, colon).trim(), publisher: before.slice(colon + 1).trim(), year };
  return { publisher: before, year };
}

/** Splits at full stops that end a sentence, not at initials ("E. H.") or abbreviations ("Co.", "no."). */
function sentences(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of s.matchAll(/\.\s+(?=\S)/g)) {
    const before = s.slice(start, m.index);
    const word = /(\S+)$/.exec(before)?.[1] ?? '';
    if (/^(?:\p{Lu}|Co|Ltd|Inc|no|No|vol|Vol|ed|eds|Ed|Eds|trans|pp|p|St|Dr|Mr|Mrs|Jr|Sr|Bros|et al)$/u.test(word)) continue;
    out.push(s.slice(start, m.index + 1).trim());
    start = m.index + m[0].length;
  }
  out.push(s.slice(start).trim());
  return out.filter(Boolean);
}

const QUOTES: Record<string, string> = { '‘': '’', '“': '”', '"': '"', "'": "'" };

/** Parses one reference string. */
export function parseReference(input: ReferenceSource | string): Reference {
  const source = typeof input === 'string' ? { text: input, urls: [], emphasis: [] } : input;
  const doubts: string[] = [];
  const ref: Reference = {
    source: normalise(source.text),
    type: 'book',
    authors: [],
    editors: [],
    containerEditors: [],
    translators: [],
    doubts,
  };
  let s = ref.source;

  // Links: the URL of the work (a link's target, else one written out).
  const written = /<?(https?:\/\/[^\s<>\]]+[^\s<>\].,;)])>?/.exec(s);
  ref.url = source.urls.find((u) => /^https?:/.test(u)) ?? written?.[1];
  const doi = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s\]>]+[^\s\]>.,;])/i.exec(s);
  if (doi) {
    ref.doi = doi[1];
    if (ref.url?.includes(doi[1]!)) ref.url = undefined;
  }
  s = s
    .replace(/[[(]?\s*(?:URL|Available (?:at|from)|Retrieved from|Online)\s*:?\s*<?(?:https?:\/\/[^\s<>\]]+)?>?\s*[\])]?\.?/gi, ' ')
    .replace(/\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)10\.\S+/gi, ' ')
    .replace(/<?https?:\/\/[^\s<>\]]+>?/g, ' ')
    .replace(/[[(]\s*(?:accessed|viewed|retrieved)[^\])]*[\])]\.?|\b(?:Accessed|Viewed)\s[^.]*\./gi, ' ');
  s = normalise(s).replace(/[\s.,;:]+$/, '');
  if (/\bURL\s*:/.test(ref.source) && ref.url === undefined) doubts.push('"URL:" is followed by no address; add the url');

  // The imprint at the end, in brackets: "(London: Macmillan, 1960)".
  const bracket = /\s*\(([^()]*)\)$/.exec(s);
  if (bracket && (YEAR.test(bracket[1]!) || bracket[1]!.includes(':'))) {
    Object.assign(ref, readImprint(bracket[1]!));
    s = s.slice(0, bracket.index).trim();
  }

  // Names first.
  const names = readNames(s, doubts);
  if (names) {
    if (names.editors) ref.editors = names.names;
    else ref.authors = names.names;
    s = names.rest;
    if (/^\p{Lu}\p{Ll}/u.test(s)) doubts.push('no space between the names and the title; check where the title starts');
  } else {
    doubts.push('no author or editor found at the start');
  }
  s = s.replace(/^[\s.,;:]+/, '');

  // Author-date styles: the year straight after the names, "(1990)." or "1990.".
  const early = /^\(?((?:1[4-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)\)?[.,:]?\s*/.exec(s);
  if (early) {
    ref.year ??= early[1];
    s = s.slice(early[0].length);
  }

  // Title, and what it is in: 'Chapter' in Book / "Article." Journal 12 / Book.
  const open = s[0] ?? '';
  let rest = '';
  if (QUOTES[open]) {
    const close = s.indexOf(QUOTES[open]!, 1);
    const closeAt = close === -1 ? s.search(/[’”"']\s*(?:[.,]\s*)?(?:in|In)\s/) : close;
    if (closeAt === -1) {
      ref.title = s.slice(1);
      doubts.push('the title opens a quote that never closes');
    } else {
      ref.title = s.slice(1, closeAt);
      rest = s.slice(closeAt + 1);
    }
  } else {
    const unopened = /^(.+?)[’”"'][.,]?\s+(?:in|In)\s+(.+)$/.exec(s);
    if (unopened) {
      ref.title = unopened[1];
      rest = `in ${unopened[2]}`;
      doubts.push('the chapter title closes a quote it never opened; check the title');
    } else {
      const italic = source.emphasis.map(normalise).find((e) => e.length > 2 && s.includes(e));
      if (italic) {
        ref.title = italic;
        rest = s.slice(s.indexOf(italic) + italic.length);
        const before = s.slice(0, s.indexOf(italic)).replace(/[\s.,]+$/, '');
        if (before) ref.note = before;
      } else {
        const [first = '', ...others] = sentences(s);
        ref.title = first.replace(/\.$/, '');
        rest = others.join(' ');
      }
    }
  }
  ref.title = ref.title?.replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
  rest = rest.replace(/^[\s.,;:]+/, '');

  if (/^in\s/i.test(rest)) {
    readContainer(ref, rest.replace(/^in\s+/i, ''));
  } else if (QUOTES[open] && JOURNAL.test(rest)) {
    // A quoted title followed by a journal, volume and pages: an article.
    readContainer(ref, rest);
  } else if (rest !== '') {
    readAfterTitle(ref, rest);
  }

  // "Title: Volume One" is the first volume of a work.
  const volume = /[:,.]?\s*\b(?:Vol(?:ume)?\.?)\s+([\dIVX]+|one|two|three|four|five|six|seven|eight|nine|ten)$/i.exec(ref.title ?? '');
  if (volume && ref.title) {
    ref.volume = NUMBER_WORDS[volume[1]!.toLowerCase()] ?? volume[1];
    ref.title = ref.title.slice(0, volume.index).trim();
    doubts.push(`"${volume[0].replace(/^[:,.]?\s*/, '')}" read as volume ${ref.volume}`);
  }

  if (ref.container) ref.type = /\d/.test(ref.volume ?? '') && !ref.publisher ? 'article' : 'incollection';
  else if (!ref.publisher) ref.type = ref.url ? 'misc' : 'book';
  if (!ref.title) doubts.push('no title found');
  if (!ref.year) doubts.push('no year found');
  if ((ref.type === 'book' || ref.type === 'incollection') && !ref.publisher && !ref.url) doubts.push('no publisher found');
  return ref;
}

const JOURNAL = /^[^.]+?,?\s+\d+(?:,?\s*no\.\s*\d+)?\s*(?:\([^)]*\))?(?::\s*\d+(?:[–-]\d+)?)?\.?$/;

/** What follows "in": "Richardson, A. (Ed.) Book" or "Book, edited by X, 12–34" or "Journal 12, no. 3 (1999): 45–67". */
function readContainer(ref: Reference, s: string): void {
  let rest = s.trim();
  const editors = readNames(rest, ref.doubts);
  if (editors?.editors) {
    ref.containerEditors = editors.names;
    rest = editors.rest.replace(/^[\s.,:]+/, '');
  }
  const article = /^(.+?),?\s+(\d+)(?:,?\s*no\.\s*(\d+))?\s*(?:\(([^)]*)\))?(?::\s*(\d+(?:[–-]\d+)?))?\.?$/.exec(rest);
  if (article && !/,\s*edited by/i.test(rest)) {
    ref.container = article[1];
    ref.volume = article[2];
    ref.number = article[3];
    if (article[4]) ref.year ??= YEAR.exec(article[4])?.[0];
    ref.pages = article[5];
    return;
  }
  const [book = '', ...others] = sentences(rest);
  const edited = /^(.+?),\s*edited by\s+(.+?)(?:,\s*(?:pp?\.\s*)?(\d+[–-]\d+))?\.?$/i.exec(book);
  if (edited) {
    ref.container = edited[1];
    ref.containerEditors = readGivenFirstNames(edited[2]!);
    ref.pages = edited[3];
  } else {
    // Pages, unless they are the years of a title ("Writings, 1917-1923").
    const pages = /,\s*(pp?\.\s*)?(\d+)[–-](\d+)\.?$/.exec(book);
    const years = pages && !pages[1] && YEAR.test(pages[2]!) && pages[2]!.length === 4 && pages[3]!.length === 4;
    ref.container = (pages && !years ? book.slice(0, pages.index) : book).replace(/\.$/, '').trim();
    if (pages && !years) ref.pages = `${pages[2]}–${pages[3]}`;
  }
  if (others.length > 0) readAfterTitle(ref, others.join(' '));
}

/** Sentences after the title: "Edited by …", "Translated by …", "2nd ed.", "Vol. 2", then the imprint. */
/** "Berlin 2001" or "Frankfurt am Main 1999, S. 12–30": a place, a year, and perhaps pages (S., p., pp.). */
const GERMAN_IMPRINT = /^(\p{Lu}[\p{L}. -]*?\p{L})\s+((?:1[4-9]\d\d|20\d\d)[a-z]?)(?:,\s*(?:S\.|pp?\.)\s*(\d+(?:\s*[–-]\s*\d+)?))?$/u;

function readAfterTitle(ref: Reference, s: string): void {
  const leftover: string[] = [];
  for (const sentence of sentences(s)) {
    const text = sentence.replace(/\.$/, '').trim();
    let m: RegExpExecArray | null;
    if ((m = /^Edited by\s+(.+)$/i.exec(text))) ref.editors.push(...readGivenFirstNames(m[1]!));
    else if ((m = /^Translated by\s+(.+)$/i.exec(text))) ref.translators.push(...readGivenFirstNames(m[1]!));
    else if ((m = /^(\d+)(?:st|nd|rd|th)\s+(?:ed|edn|edition)$/i.exec(text))) ref.edition = m[1];
    else if ((m = /^Vol(?:ume)?\.?\s+(\w+)$/i.exec(text))) ref.volume = NUMBER_WORDS[m[1]!.toLowerCase()] ?? m[1];
    else if (!ref.publisher && (/:/.test(text) || /\b(?:Press|Books|Publishers?|Publishing|Verlag)\b/.test(text))) {
      const imprint = readImprint(text);
      ref.place ??= imprint.place;
      ref.publisher ??= imprint.publisher;
      ref.year ??= imprint.year;
    } else if (/^(?:(?:1[4-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)$/.test(text)) ref.year ??= text;
    else if ((m = GERMAN_IMPRINT.exec(text))) {
      // German style: place and year, no publisher, then the pages: "Berlin 2001, S. 12–30".
      ref.place ??= m[1];
      ref.year ??= m[2];
      if (m[3]) ref.pages ??= m[3];
    } else leftover.push(sentence);
  }
  if (leftover.length > 0) {
    const words = leftover.join(' ');
    ref.note = ref.note ? `${ref.note}. ${words}` : words;
    ref.doubts.push(`could not place "${words}"; kept as a note`);
  }
}

/**
 * Citation keys in the site's style: the first name's family name, in Latin
 * letters and lower-cased, and the year (`figes1996`, then `figes1996b`;
 * Пайпс's `payps2005`, as Better BibTeX writes keys: any BibTeX tool reads
 * them, and an author types them on any keyboard).
 */
export function citationKeys(refs: Reference[]): string[] {
  const counts = new Map<string, number>();
  return refs.map((ref) => {
    const name = ref.authors[0] ?? ref.editors[0];
    const stem = anyAscii(name?.family ?? ref.title?.split(/\s+/).find((w) => !/^(?:a|an|the|on|of)$/i.test(w)) ?? 'anon')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    const base = `${stem || 'anon'}${ref.year?.replace(/\D/g, '') || 'nd'}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return n === 1 ? base : `${base}${String.fromCharCode(96 + n)}`;
  });
}

/** BibTeX special characters, escaped; `1917-1923` written as BibTeX's en dash. */
function escape(value: string): string {
  return value
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/(\d)-(?=\d)/g, '$1--');
}

function names(list: Name[]): string {
  return list.map((n) => (n.given ? `${escape(n.family)}, ${escape(n.given)}` : `{${escape(n.family)}}`)).join(' and ');
}

/** The entries as BibTeX, each unsure one with `% check:` lines above it. */
export function toBibtex(refs: Reference[], keys = citationKeys(refs)): string {
  return refs
    .map((ref, i) => {
      const fields: [string, string | undefined][] = [
        ['author', ref.authors.length ? names(ref.authors) : undefined],
        ['editor', ref.editors.length ? names(ref.editors) : undefined],
        ['title', ref.title && escape(ref.title)],
        [ref.type === 'article' ? 'journal' : 'booktitle', ref.container && escape(ref.container)],
        ['translator', ref.translators.length ? names(ref.translators) : undefined],
        ['edition', ref.edition],
        ['volume', ref.volume],
        ['number', ref.number],
        ['pages', ref.pages?.replace(/[–-]+/, '--')],
        ['publisher', ref.publisher && escape(ref.publisher)],
        ['address', ref.place && escape(ref.place)],
        ['year', ref.year],
        ['doi', ref.doi],
        ['url', ref.url?.replace(/([{}%#])/g, '\\$1')],
        ['note', ref.note && escape(ref.note)],
      ];
      // A chapter's editors are the book's: BibTeX's `editor` of an @incollection.
      if (ref.containerEditors.length > 0) {
        const at = fields.findIndex(([k]) => k === 'editor');
        fields[at] = ['editor', names([...ref.editors, ...ref.containerEditors])];
      }
      const body = fields
        .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
        .map(([k, v]) => `  ${k.padEnd(9)} = {${v}},`)
        .join('\n');
      const check = ref.doubts.map((d) => `% check: ${d.replace(/\s+/g, ' ')}\n`).join('');
      return `${check}@${ref.type}{${keys[i]},\n${body}\n}\n`;
    })
    .join('\n');
}
