import { z } from 'astro/zod';
import { parseBibtexNames } from './bibtex.ts';
import type { CslName } from './csl-item.ts';

/** An author as an essay (or the site) names them: as readers see the name, and in parts for citations. */
export interface Author {
  /** In natural order, as the page shows it: "Ursula K. Le Guin", "Martin Luther King Jr.". */
  name: string;
  /** In CSL-JSON's parts (family "Le Guin", given "Ursula K."), or a literal for a group ("The Essays editors"). */
  csl: CslName;
}

/** What `author` may be, for messages about it. */
export const AUTHOR_FORMS =
  'a name ("Ursula K. Le Guin", or "Le Guin, Ursula K." to say which part is the family name), ' +
  'names joined by "and" ("Ann Smith and Bob Jones"), or a list of names ([Ann Smith, Bob Jones])';

/**
 * The frontmatter's `author`: text or a list, read into authors. A list's items
 * are checked here rather than by zod, so that a wrong item is named in words
 * of the field rather than as `author.1`.
 */
export const authorField = z
  .union([z.string(), z.array(z.unknown())], {
    // YAML reads an unquoted `{Barnes and Noble}` as a set of fields.
    error: ({ input }) =>
      `must be ${AUTHOR_FORMS}${input !== null && typeof input === 'object' ? '; quote a name in braces: author: "{Barnes and Noble}"' : ''}`,
  })
  .transform((value, context): Author[] => {
    const item = Array.isArray(value) ? value.find((name) => typeof name !== 'string') : undefined;
    const read =
      item === undefined
        ? readAuthors(value as string | string[])
        : { problem: `lists ${JSON.stringify(item)}, which is not a name; give ${AUTHOR_FORMS}` };
    if ('authors' in read) return read.authors;
    context.addIssue({ code: 'custom', message: read.problem });
    return z.NEVER;
  });

/**
 * Name suffixes, which BibTeX would take for a family name when written after
 * one ("Martin Luther King Jr." is family "Jr." to BibTeX).
 */
const SUFFIX = /^(?:(?:Jr|Sr|Jnr|Snr)\.?|II|III|IV)$/;

/**
 * Degrees and titles written with a name: "Jane Doe, PhD", "Jane Doe MD"
 * (after a comma, or the last of three words or more: "Li MA" is a name),
 * and "Dr. Jane Doe" (first).
 */
const DEGREE = /^(?:Ph\.?\s?D\.?|D\.?Phil\.?|M\.?D\.?|M\.?A\.?|M\.?Sc\.?|B\.?A\.?)$/;
const TITLE = /^(?:Dr|Prof|Mr|Mrs|Ms)\.?$/;

/** Where BibTeX splits a list of names: at "and" outside braces, in any case. */
const AND = /\s+and\s+/gi;

/**
 * The authors an essay's `author` names, read as BibTeX reads an `author`
 * field (src/lib/bibtex.ts), so that "Le Guin, Ursula K." and "Ursula K.
 * {Le Guin}" are family "Le Guin", a string's "and" separates authors and
 * "van", "de" are particles; a list holds one name per item. Beyond BibTeX, a
 * suffix is known wherever it is written ("Martin Luther King Jr.", "King,
 * Martin Luther, Jr."), and a one-word name or a group's ("The Essays
 * editors") stays whole. A problem is a sentence saying what to write instead.
 */
export function readAuthors(value: string | readonly string[]): { authors: Author[] } | { problem: string } {
  const names = typeof value === 'string' ? splitOutside(value, AND) : value;
  const several = typeof value === 'string' ? undefined : value.find((name) => splitOutside(name, AND).length > 1);
  if (several !== undefined) {
    return {
      problem: `lists "${several}", one item naming several authors; give each author an item of their own, or brace a name with "and" in it ({Barnes and Noble})`,
    };
  }
  const authors: Author[] = [];
  for (const text of names.map((name) => name.trim().replace(/\s+/g, ' '))) {
    const read = readName(text);
    if (typeof read === 'string') return { problem: read };
    authors.push({ name: naturalOrder(read), csl: read });
  }
  return authors.length > 0 ? { authors } : { problem: `is empty; give ${AUTHOR_FORMS}` };
}

/** One author's name in CSL-JSON's parts, or a sentence saying what is wrong with it. */
function readName(text: string): CslName | string {
  if (text === '') return `holds an empty name; give ${AUTHOR_FORMS}`;
  if (text.toLowerCase() === 'others') return 'ends in "and others", which shortens a list in a .bib file; name every author of the essay';
  const parts = splitOutside(text, /\s*,\s*/g);
  const words = splitOutside(parts[0] ?? '', /\s+/g);
  // A degree or a title is no part of a name a citation gives ("Doe, Jane, PhD" is not how any style cites her).
  const honorific =
    parts.slice(1).find((part) => DEGREE.test(part) || TITLE.test(part)) ??
    [words[0] ?? ''].find((word) => TITLE.test(word) && words.length > 1) ??
    [words.at(-1) ?? ''].find((word) => DEGREE.test(word) && words.length > 2);
  if (honorific !== undefined) {
    return `names "${text}" with "${honorific}", which citations leave out; write the name alone (or brace a name that is one: "{Dr Who}"), as in "${text
      .replace(new RegExp(`,?\\s*${honorific.replace(/\./g, '\\.')}\\s*`), ' ')
      .trim()
      .replace(/^,\s*|,\s*$/g, '')}"`;
  }
  // A group ("The Essays editors") or a name of one word (Plato) is cited as written, not in parts.
  if (parts.length === 1 && (words.length === 1 || words[0] === 'The')) return { literal: parts[0]!.replace(/[{}]/g, '') };
  const { bibtex, suffix } = withSuffix(parts, words);
  const names = parseBibtexNames(bibtex);
  if (names === undefined) return `names "${text}", whose braces do not pair; braces keep words together, as in "Ursula K. {Le Guin}"`;
  const [name] = names;
  if (name === undefined || names.length !== 1) return `names "${text}", which is not a name; give ${AUTHOR_FORMS}`;
  if (name.literal === undefined && !name.family) return `names "${text}", which has no family name; write "Family, Given"`;
  return suffix === undefined ? name : { ...name, suffix };
}

/**
 * A name with its suffix where BibTeX looks for one ("King, Jr., Martin
 * Luther"), or, written in natural order, without it ("Martin Luther King"),
 * the suffix returned apart: BibTeX has no place for a suffix in that order.
 */
function withSuffix(parts: string[], words: string[]): { bibtex: string; suffix?: string | undefined } {
  const lastWord = (part: string) => splitOutside(part, /\s+/g).at(-1) ?? '';
  const dropLast = (part: string) => splitOutside(part, /\s+/g).slice(0, -1).join(' ');
  if (parts.length === 1 && words.length > 2 && SUFFIX.test(words.at(-1)!))
    return { bibtex: words.slice(0, -1).join(' '), suffix: words.at(-1) };
  if (parts.length === 2) {
    const [family, given] = parts as [string, string];
    // "Martin Luther King, Jr.": natural order, the suffix after a comma.
    if (SUFFIX.test(given)) return { bibtex: family, suffix: given };
    if (SUFFIX.test(lastWord(family))) return { bibtex: `${dropLast(family)}, ${lastWord(family)}, ${given}` };
    if (SUFFIX.test(lastWord(given))) return { bibtex: `${family}, ${lastWord(given)}, ${dropLast(given)}` };
  }
  // "King, Martin Luther, Jr.", as people often write it, where BibTeX puts the suffix second.
  if (parts.length === 3 && SUFFIX.test(parts[2]!) && !SUFFIX.test(parts[1]!)) return { bibtex: `${parts[0]}, ${parts[2]}, ${parts[1]}` };
  return { bibtex: parts.join(', ') };
}

/**
 * A name as the page shows it, whichever order it was written in: "Ursula K.
 * Le Guin", "John von Neumann", "Martin Luther King Jr.".
 */
export function naturalOrder(name: CslName): string {
  return (
    name.literal ??
    [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' ')
  );
}

/** `text` cut at each match of `separator` outside braces (BibTeX's groups), the pieces kept as written. */
function splitOutside(text: string, separator: RegExp): string[] {
  // Braced text is masked out, so that the separator is only found outside it; the cuts are made in the text itself.
  let depth = 0;
  const masked = text.replace(/[^]/g, (char) => {
    if (char === '{') depth++;
    const inside = depth > 0;
    if (char === '}') depth--;
    return inside ? '\u0000' : char;
  });
  const pieces: string[] = [];
  let start = 0;
  for (const match of masked.matchAll(separator)) {
    pieces.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  pieces.push(text.slice(start));
  return pieces.filter((piece) => piece !== '');
}

/** Authors' names as a list in the page's language: "Ann Smith and Bob Jones", "Ann Smith et Bob Jones". */
export function authorList(authors: readonly Author[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(authors.map((a) => a.name));
}

/**
 * A name as Google Scholar and RIS read it without doubt: "Le Guin, Ursula K.",
 * "King, Martin Luther, Jr." (RIS's "Lastname, Firstname, Suffix").
 */
export function invertedName(csl: CslName): string {
  if (csl.literal !== undefined) return csl.literal;
  const family = [csl['dropping-particle'], csl['non-dropping-particle'], csl.family].filter(Boolean).join(' ');
  return [family, csl.given, csl.suffix].filter(Boolean).join(', ');
}
