import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { type Random, random, seedFor } from './random.ts';

/**
 * A benchmark corpus: N distinct essays grown from the source essay, each with
 * its own names and terms, sections, bibliography and citations. Essay i is the
 * same whatever N is, so the corpus for 10 is the first ten of the corpus for
 * 1,000 and the measured essay page is the same page at every N.
 *
 * The prose is a word-level Markov chain (order 2) trained on the source essay.
 * A chain alone would repeat the source's ~1,600 words and leave the search index
 * far smaller than real different essays make it, so every essay renames the
 * source's proper nouns and about forty of its longer words with invented ones:
 * about a hundred new words per essay, as a new topic brings its own names and
 * vocabulary (Heaps' law puts a thousand real essays of this length at
 * 50,000–100,000 distinct words).
 */

export const DEFAULT_SEED = 1917;

/** The source essay as published, with its date line, headings and reading list (a copy of ../shared/source's, so that any clone can run the benchmarks). */
export const SOURCE = fileURLToPath(new URL('../source/october-revolution.txt', import.meta.url));

/** Search queries over words of the source that every essay keeps (a fifth, rare one is a name of essay 1's). */
export const COMMON_QUERIES = ['revolution', 'soviets peasants', 'democratic legitimacy', 'coup'];

/** Words kept as they are in every essay, so that the fixed search queries find text at every N. */
const KEPT_WORDS = COMMON_QUERIES.flatMap((q) => q.split(' '));

export interface Person {
  family: string;
  /** Initials, e.g. "E. H.". */
  given: string;
}

export interface BibEntry {
  key: string;
  type: 'book' | 'article' | 'incollection';
  author: Person[];
  /** Set for edited volumes (with no author) and for collections. */
  editor?: Person[];
  title: string;
  year: number;
  publisher?: string;
  address?: string;
  journal?: string;
  volume?: number;
  number?: number;
  pages?: string;
  booktitle?: string;
}

/** A citation of one or more works: `[@a; @b]`, `[@a, 42]`, or narrative `Family [-@a]`. */
export interface Citation {
  kind: 'parenthetical' | 'narrative';
  keys: string[];
  locator?: string;
}

/** Running text with citations in it. */
export type Paragraph = (string | Citation)[];

export interface Section {
  heading: string;
  paragraphs: Paragraph[];
}

export interface Essay {
  /** Position in the corpus, from 0. */
  index: number;
  slug: string;
  title: string;
  description: string;
  /** YYYY-MM-DD. */
  written: string;
  tags: string[];
  /** A CSL style name, or undefined for the site's default. */
  csl?: string;
  lang: 'en-GB';
  /** Whether to list every work (`nocite: "@*"`) or only the cited ones. */
  nocite: boolean;
  intro: Paragraph[];
  sections: Section[];
  bibliography: BibEntry[];
  /** The words invented for this essay: its names, then its terms. */
  invented: { names: string[]; terms: string[] };
}

/** What the generator learns from the source essay, once per corpus. */
export interface SourceModel {
  starts: [string, string][];
  next: Map<string, string[]>;
  /** Words only ever capitalised, mid-sentence at least once: the source's names. */
  names: string[];
  /** Longer lowercase words an essay may rename. */
  renamable: string[];
}

const END = '\u0000';

/** The essay's paragraphs: after the date line, before the reading list, without headings. */
export function sourceParagraphs(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => /^\(.*written.*\)$/i.test(l)) + 1;
  const end = lines.findIndex((l, i) => i > start && /^[A-Z][\p{L}-]+, [A-Z]\./u.test(l));
  return lines.slice(start, end === -1 ? undefined : end).filter((l) => l.length >= 80);
}

function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.?!][’”]?)\s+(?=[‘“]?[A-Z0-9])/u).filter((s) => s.split(/\s+/).length >= 4);
}

/** Splits a token into leading punctuation, the word, and what follows it (possessive, punctuation). */
function parts(token: string): [string, string, string] {
  const match = token.match(/^([^\p{L}\p{N}]*)([\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*)(.*)$/u);
  if (!match) return ['', '', token];
  const [, before, word, after] = match as unknown as [string, string, string, string];
  const possessive = word.match(/^(.*?)([’']s)$/u);
  return possessive ? [before, possessive[1]!, possessive[2]! + after] : [before, word, after];
}

export function trainModel(text: string): SourceModel {
  const starts: [string, string][] = [];
  const next = new Map<string, string[]>();
  const capitalisedMidSentence = new Set<string>();
  const lower = new Set<string>();
  const all = new Set<string>();
  for (const paragraph of sourceParagraphs(text)) {
    for (const sentence of sentences(paragraph)) {
      const tokens = sentence.split(/\s+/);
      starts.push([tokens[0]!, tokens[1]!]);
      tokens.forEach((token, i) => {
        const key = `${token} ${tokens[i + 1] ?? END}`;
        if (i < tokens.length - 1) {
          const list = next.get(key) ?? [];
          list.push(tokens[i + 2] ?? END);
          next.set(key, list);
        }
        const [, word] = parts(token);
        if (word === '') return;
        all.add(word);
        if (/^\p{Lu}/u.test(word)) {
          if (i > 0) capitalisedMidSentence.add(word);
        } else lower.add(word);
      });
    }
  }
  const names = [...capitalisedMidSentence].filter((w) => w !== 'I' && !lower.has(w.toLowerCase()) && /^\p{L}+$/u.test(w)).sort();
  const renamable = [...lower].filter((w) => w.length >= 7 && /^\p{Ll}+$/u.test(w) && !KEPT_WORDS.includes(w)).sort();
  return { starts, next, names, renamable };
}

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'g',
  'gr',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'sh',
  'st',
  't',
  'tr',
  'v',
  'z',
  'zh',
  'ch',
  'f',
  'h',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ya', 'ie', 'io', 'ei', 'au'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 's', 'v', 'k', 't'];
const NAME_ENDINGS = ['ov', 'in', 'sky', 'enko', 'ich', 'ova', 'ski', 'er', 'ard', 'ez', 'ani', 'es'];
const TERM_ENDINGS = ['ism', 'ation', 'ery', 'ist', 'ance', 'ity', 'ment', 'ure', 'ics', 'ade'];

function syllables(rng: Random, count: number): string {
  let word = '';
  for (let i = 0; i < count; i++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === count - 1 ? '' : rng.pick(CODAS));
  return word;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Invents `count` distinct words, none in `taken` (which it extends). */
function invent(rng: Random, count: number, endings: readonly string[], taken: Set<string>): string[] {
  const words: string[] = [];
  while (words.length < count) {
    const word = syllables(rng, rng.int(1, 3)) + rng.pick(endings);
    if (word.length < 5 || taken.has(word)) continue;
    taken.add(word);
    words.push(word);
  }
  return words;
}

/** Words a title leaves in lower case, and does not end with. */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'how',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'was',
  'were',
  'with',
]);

/** The essay's own prose: the Markov chain, with the source's names and some words renamed. */
class Writer {
  readonly names: string[];
  readonly terms: string[];
  private readonly rename = new Map<string, string>();
  private readonly model: SourceModel;
  private readonly rng: Random;

  constructor(model: SourceModel, rng: Random) {
    this.model = model;
    this.rng = rng;
    const taken = new Set<string>();
    this.names = invent(rng, model.names.length + 24, NAME_ENDINGS, taken).map(capitalise);
    this.terms = invent(rng, 40, TERM_ENDINGS, taken);
    model.names.forEach((name, i) => this.rename.set(name, this.names[i]!));
    rng.sample(model.renamable, this.terms.length).forEach((word, i) => this.rename.set(word, this.terms[i]!));
  }

  /** A name of this essay's that the source did not have: authors, places, publishers. */
  freshName(): string {
    return this.rng.pick(this.names.slice(this.model.names.length));
  }

  sentence(maxWords = 40): string {
    for (let attempt = 0; ; attempt++) {
      const [a, b] = this.rng.pick(this.model.starts);
      const tokens = [a, b];
      while (tokens.length < maxWords) {
        const choices = this.model.next.get(`${tokens.at(-2)} ${tokens.at(-1)}`);
        const token = choices ? this.rng.pick(choices) : END;
        if (token === END) break;
        tokens.push(token);
      }
      const complete = /[.?!][’”]?$/u.test(tokens.at(-1)!);
      if ((tokens.length >= 8 && complete) || attempt >= 20) {
        const text = tokens.map((t) => this.renamed(t)).join(' ');
        return complete ? text : `${text.replace(/[,;:–-]+$/u, '')}.`;
      }
    }
  }

  /** A few words from the start of a sentence, as a title: "How Popular Were the Zhavrin". */
  phrase(min: number, max: number): string {
    const words = this.sentence(max)
      .split(/\s+/)
      .slice(0, this.rng.int(min, max))
      .map((t) => parts(t)[1])
      .filter((w) => w !== '');
    while (words.length > min && SMALL_WORDS.has(words.at(-1)!.toLowerCase())) words.pop();
    return words.map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalise(w))).join(' ');
  }

  private renamed(token: string): string {
    const [before, word, after] = parts(token);
    const renamed = this.rename.get(word);
    return renamed === undefined ? token : before + renamed + after;
  }
}

const TAGS = [
  'history',
  'russia',
  'revolution',
  'politics',
  'labour',
  'war',
  'democracy',
  'economics',
  'empire',
  'memory',
  'historiography',
  'biography',
];
const STYLES = [
  'chicago-author-date',
  'apa',
  'modern-humanities-research-association',
  'modern-language-association',
  'harvard-cite-them-right',
  'chicago-note-bibliography',
];

function person(writer: Writer, rng: Random): Person {
  const initials = Array.from({ length: rng.int(1, 2) }, () => `${String.fromCharCode(65 + rng.int(0, 25))}.`);
  return { family: writer.freshName(), given: initials.join(' ') };
}

function bibliography(writer: Writer, rng: Random): BibEntry[] {
  const entries: BibEntry[] = [];
  const keys = new Set<string>();
  const count = rng.int(5, 30);
  for (let i = 0; i < count; i++) {
    const author = Array.from({ length: rng.chance(0.75) ? 1 : rng.int(2, 3) }, () => person(writer, rng));
    const year = rng.int(1950, 2022);
    const base = `${author[0]!.family.toLowerCase()}${year}`;
    let key = base;
    for (let n = 0; keys.has(key); n++) key = base + String.fromCharCode(97 + n);
    keys.add(key);
    const title = writer.phrase(3, 8);
    const kind = rng.next();
    if (kind < 0.55) {
      entries.push({ key, type: 'book', author, title, year, publisher: `${writer.freshName()} Press`, address: writer.freshName() });
    } else if (kind < 0.62) {
      entries.push({
        key,
        type: 'book',
        author: [],
        editor: author,
        title,
        year,
        publisher: `${writer.freshName()} Press`,
        address: writer.freshName(),
      });
    } else if (kind < 0.85) {
      const first = rng.int(1, 400);
      entries.push({
        key,
        type: 'article',
        author,
        title,
        year,
        journal: `${writer.freshName()} ${rng.pick(['Review', 'Studies', 'Quarterly', 'Journal of History'])}`,
        volume: rng.int(1, 80),
        number: rng.int(1, 4),
        pages: `${first}--${first + rng.int(8, 40)}`,
      });
    } else {
      const first = rng.int(1, 300);
      entries.push({
        key,
        type: 'incollection',
        author,
        editor: [person(writer, rng)],
        title,
        booktitle: writer.phrase(3, 6),
        year,
        publisher: `${writer.freshName()} Press`,
        address: writer.freshName(),
        pages: `${first}--${first + rng.int(10, 30)}`,
      });
    }
  }
  return entries;
}

const NARRATIVE = ['argues that', 'shows that', 'notes that', 'insists that', 'doubts that'];

function paragraph(writer: Writer, rng: Random, works: BibEntry[]): Paragraph {
  const parts: Paragraph = [];
  const count = rng.int(3, 7);
  for (let i = 0; i < count; i++) {
    if (i > 0) parts.push(' ');
    const sentence = writer.sentence();
    if (i !== count - 1 || !rng.chance(0.75)) {
      parts.push(sentence);
      continue;
    }
    const form = rng.next();
    if (form < 0.2) {
      const work = rng.pick(works);
      const who = work.author[0] ?? work.editor![0]!;
      const rest = sentence.charAt(0).toLowerCase() + sentence.slice(1);
      parts.push(`${who.family} `, { kind: 'narrative', keys: [work.key] }, ` ${rng.pick(NARRATIVE)} ${rest}`);
      continue;
    }
    const [body, end] = [sentence.replace(/[.?!][’”]?$/u, ''), sentence.match(/[.?!][’”]?$/u)?.[0] ?? '.'];
    const keys = form < 0.35 ? rng.sample(works, Math.min(works.length, rng.int(2, 3))).map((w) => w.key) : [rng.pick(works).key];
    const citation: Citation = { kind: 'parenthetical', keys };
    if (keys.length === 1 && form > 0.8) citation.locator = String(rng.int(2, 480));
    parts.push(`${body} `, citation, end);
  }
  return parts;
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function essay(index: number, seed: number, model: SourceModel): Omit<Essay, 'slug'> {
  const rng = random(seedFor(seed, index));
  const writer = new Writer(model, rng);
  const works = bibliography(writer, rng);
  const [name, other] = [writer.names[rng.int(0, writer.names.length - 1)]!, writer.freshName()];
  const title = rng.pick([
    () => `${writer.phrase(3, 6)}: The Case of ${name}`,
    () => `${name} and the ${capitalise(rng.pick(writer.terms))}`,
    () => `Was ${name} a ${capitalise(rng.pick(writer.terms))}?`,
    () => `${writer.phrase(3, 5)} in ${other}, ${rng.int(1890, 1990)}`,
  ])();
  const description = writer.sentence(30);

  const headings = new Set<string>();
  const sections: Section[] = [];
  const sectionCount = rng.int(3, 8);
  while (sections.length < sectionCount) {
    const heading = writer.phrase(2, 6);
    const id = slugify(heading);
    if (
      headings.has(id) ||
      ['bibliography', 'main', 'contents-title', 'refs', 'footnote-label', 'cite-this-essay'].includes(id) ||
      id === ''
    )
      continue;
    headings.add(id);
    sections.push({ heading, paragraphs: Array.from({ length: rng.int(2, 5) }, () => paragraph(writer, rng, works)) });
  }
  const day = rng.int(0, 365 * 20);
  return {
    index,
    title,
    description: description.length > 280 ? `${description.slice(0, 277).replace(/\s+\S*$/, '')}…` : description,
    written: new Date(Date.UTC(2005, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    tags: rng.sample(TAGS, rng.int(1, 3)),
    ...(rng.chance(0.3) ? { csl: rng.pick(STYLES) } : {}),
    // One language for all: Pagefind keeps one index per page language, and a
    // search only looks in its own page's, so a mixed corpus would split it.
    lang: 'en-GB',
    nocite: rng.chance(0.5),
    intro: Array.from({ length: rng.int(1, 2) }, () => paragraph(writer, rng, works)),
    sections,
    bibliography: works,
    invented: { names: writer.names, terms: writer.terms },
  };
}

/** The first `n` essays of the corpus for `seed`, with distinct titles and slugs. */
export function generateCorpus(n: number, seed = DEFAULT_SEED, sourceText = readFileSync(SOURCE, 'utf8')): Essay[] {
  const model = trainModel(sourceText);
  const slugs = new Set<string>();
  const titles = new Set<string>();
  return Array.from({ length: n }, (_, index) => {
    const draft = essay(index, seed, model);
    let title = draft.title;
    for (let k = 2; titles.has(title); k++) title = `${draft.title} (${k})`;
    titles.add(title);
    let slug = slugify(title);
    for (let k = 2; slugs.has(slug); k++) slug = `${slugify(title)}-${k}`;
    slugs.add(slug);
    return { ...draft, title, slug };
  });
}

/** Every cited key of an essay, in order of first citation. */
export function citedKeys(essay: Essay): string[] {
  const keys = new Set<string>();
  for (const p of [...essay.intro, ...essay.sections.flatMap((s) => s.paragraphs)]) {
    for (const part of p) if (typeof part !== 'string') for (const key of part.keys) keys.add(key);
  }
  return [...keys];
}
