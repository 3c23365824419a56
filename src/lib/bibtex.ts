/**
 * BibTeX and biblatex files as reference managers write them (Zotero with Better
 * BibTeX, JabRef, hand-kept files), read into CSL-JSON for citeproc-js.
 *
 * Pure: it takes text or bytes and returns data or throws an {@link EssayError};
 * it reads no files, so the content loader decides what to read and when.
 *
 * The reading is done by @retorquere/bibtex-parser, the parser behind Better
 * BibTeX's imports: it splits entries, expands `@string`s and month macros,
 * turns LaTeX into Unicode and markup, splits names, sentence-cases English
 * titles (as Pandoc does for BibTeX; CSL styles title-case them back, and
 * braced words keep their case) and applies `crossref`. This module adds what
 * it leaves to its callers: errors an author can act on, with lines; `xdata`;
 * the biblatex → CSL mapping; `and others`; markup limited to what citeproc-js
 * reads; and a few repairs noted where they are made.
 */
import { type Creator, type Entry, FieldMode, parse } from '@retorquere/bibtex-parser';
import type { CslDate, CslItem, CslName } from './csl-item.ts';
import { EssayError, formatPlace, type Place } from './essay-error.ts';
import { mathToUnicode } from './tex-math.ts';

/** A parsed .bib file. */
export interface Bibliography {
  /** The citable entries in file order (`@xdata` entries are not citable). */
  items: CslItem[];
  /** Their keys, exactly as written (case kept), in file order. */
  keys: string[];
  /** The 1-based line of each entry's head (`@book{key,`), for messages. */
  lines: Map<string, number>;
  /** What is worth the author's eye but does not stop the build (a bare `%` kept as a percent sign). */
  warnings: EssayError[];
}

/**
 * The `dropping-particle` that marks a name list cut short by `and others`.
 *
 * CSL-JSON has no way to say "and others", and citeproc-js prints a name
 * called "others" as a person ("Doe, Roe, and others"). citeproc-js does read
 * one signal for an explicit et al.: a last name whose dropping particle is
 * "et al." makes it close the list with the style's et-al term (in
 * `CSL.NameOutput.prototype._droppingParticle`), without printing the particle.
 * Styles that show the last author after an ellipsis (APA's bibliography) turn
 * that into "…"; `citeproc-et-al.ts` makes it "et al." there too.
 */
export const ET_AL = 'et al.';

/**
 * The bytes of a .bib file as text: UTF-8, strictly (a byte-order mark is
 * fine). Anything else throws, naming the encoding the bytes look like and the
 * line of the first byte that is not UTF-8, rather than publish replacement
 * characters.
 */
export function decodeBibtex(bytes: Uint8Array, file: string): string {
  const utf16 = utf16Kind(bytes);
  if (utf16 !== undefined) {
    throw new EssayError(
      { file },
      `the file is ${utf16}, not UTF-8; save it as UTF-8 (in JabRef: File → Library properties → Encoding; in Zotero, export with the UTF-8 encoding).`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const byte = bytes[at]!;
    const latin1 = new TextDecoder('windows-1252').decode(bytes.subarray(at, at + 1));
    throw new EssayError(
      { file, line },
      `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} cannot be read as UTF-8.` +
        ` It looks like Windows-1252 or ISO-8859-1 (Latin-1), where that byte is “${latin1}”;` +
        ' save the file as UTF-8 (in JabRef: File → Library properties → Encoding).',
    );
  }
}

/** "UTF-16 (little-endian)" and the like when a BOM or NUL bytes say so. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32 (little-endian)';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian)';
  if (a === 0xff && b === 0xfe) return 'UTF-16 (little-endian)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian)';
  // Text never holds NUL; UTF-16 without a BOM holds one in every ASCII character.
  const nul = bytes.indexOf(0);
  if (nul === -1) return undefined;
  return nul % 2 === 0 ? 'UTF-16 (big-endian)' : 'UTF-16 (little-endian)';
}

/**
 * The offset of the first byte that cannot start or continue UTF-8: the
 * shortest prefix a streaming decoder rejects (it waits, rather than fails, on
 * a sequence cut at the end), so a binary search over prefixes finds it.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const fails = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (fails(mid + 1)) high = mid;
    else low = mid + 1;
  }
  // The prefix that fails first ends with the bad byte, or with the byte that
  // broke off a sequence (or the text ends inside one): point at its lead byte.
  let lead = low;
  while (lead > 0 && (bytes[lead - 1]! & 0xc0) === 0x80) lead--;
  if (lead > 0 && bytes[lead - 1]! >= 0xc0 && low - (lead - 1) < sequenceLength(bytes[lead - 1]!)) return lead - 1;
  return Math.min(low, bytes.length - 1);
}

/** How many bytes a UTF-8 sequence starting with this lead byte takes. */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/**
 * Parses BibTeX/biblatex text into CSL-JSON items.
 *
 * Throws an {@link EssayError} at the line (and column where known) of every
 * problem: no entries, a duplicate key (or keys differing only in case, which
 * BibTeX and `crossref` treat as one), unbalanced braces, a missing key, an
 * undefined `@string` macro, an unknown `crossref`/`xdata` target, a LaTeX
 * command the parser does not know, and anything else the parser reports. With
 * several problems the message has one line for each, and `cause` is an
 * `AggregateError` of the single errors. What reads as meant but deserves a
 * look (a bare `%`, kept as a percent sign) is in `warnings`.
 */
export function parseBibtex(text: string, file: string, language = 'en'): Bibliography {
  const percents = barePercents(text);
  const warnings = percentWarnings(percents, text, file);
  // Positions are taken before the text changes length (`<` becomes `\textless{}`); the
  // stand-in for a bare % is one character, so the positions of what follows stay the same.
  const percent = percentStandIn(text);
  const keys = keepMarkedKeys(keepPercents(text, percents, percent));
  // Each stand-in with what it stands for, to write back in the parser's keys, values and messages.
  const standIns: [string, string][] = [[percent, '%'], ...keys.standIns];
  text = literalAngleBrackets(mathToUnicode(braceDotlessAccents(keys.text)));
  const unknownCommands: { tex: string; key: string }[] = [];
  const library = parse(text, {
    applyCrossRef: true,
    // English titles are written in title case and sentence-cased here, as biblatex would; an
    // entry without `langid` is English to biblatex, but in an essay in another language it is
    // in the essay's language, and its capitals ("Die Weimarer Republik") are its own.
    // The list is always given, whole, as a new array: the parser merges it (lodash.merge) into its
    // own default list, in place, so that leaving it out after a non-English essay's .bib had been
    // read left "no langid" out of English for every .bib read after it, in the same build.
    // Both lists are as long as the parser's own, so that every item of it is overwritten; "\0none" stands
    // where "" (no langid) is, and matches no langid.
    english: [isEnglish(language) ? '' : '\0none', ...ENGLISH_LANGIDS, 'anglais'],
    // Zotero's convention, and APA's rule: a subtitle starts with a capital.
    sentenceCase: { subSentence: true, guess: true, preserveQuoted: true },
    verbatimFields: VERBATIM_FIELDS,
    unsupported: (_node, tex, entry) => {
      unknownCommands.push({ tex, key: restoreStandIns(entry.key, standIns) });
      return tex;
    },
  });
  for (const entry of library.entries) {
    entry.fields = restoreStandIns(entry.fields, standIns);
    entry.key = restoreStandIns(entry.key, standIns);
  }
  const problems: Problem[] = [];
  const place = (offset: number, column = false): Place => ({ file, ...lineAt(text, offset, column) });

  // Where each entry starts: the parser keeps each entry's text, in file order.
  const located: Located[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    if (entry.input === '') continue; // A failed entry; its error says why.
    const start = text.indexOf(entry.input, cursor);
    if (start === -1) continue;
    cursor = start + entry.input.length;
    located.push({ entry, start, end: cursor });
  }

  let errorCursor = 0;
  for (const { error, input = '' } of library.errors) {
    if (input.startsWith('@')) {
      const start = text.indexOf(input, errorCursor);
      errorCursor = start + 1;
      problems.push(syntaxProblem(error, input, place(start)));
    } else if (error.startsWith('Unresolved @string reference')) {
      const name = JSON.parse(error.slice(error.indexOf('"'))) as string;
      problems.push(...undefinedMacro(name, text, file, located, place));
    } else {
      const key = restoreStandIns(/^@([^:]+): /.exec(error)?.[1], standIns);
      const at = located.find(({ entry }) => entry.key === key || (input !== '' && entry.input === input));
      problems.push({
        place: at ? place(at.start) : { file },
        message: `could not read the BibTeX${at ? ` entry "${at.entry.key}"` : ''}: ${error.replace(/^@[^:]+: /, '').split('\n')[0]}.`,
      });
    }
  }
  for (const { tex, key } of unknownCommands) {
    const at = located.find(({ entry }) => entry.key === key);
    const offset = at ? text.indexOf(tex, at.start) : -1;
    problems.push({
      place: offset === -1 ? { file } : place(offset, true),
      message: `unknown LaTeX command ${tex} in the entry "${key}"; write the text it stands for (UTF-8 is fine) or remove it.`,
    });
  }

  const byKey = new Map<string, Located>();
  const byFoldedKey = new Map<string, Located>();
  const lines = new Map<string, number>();
  for (const at of located) {
    const { entry, start } = at;
    const { line } = lineAt(text, start);
    const stray = strayBraces(text, at, located);
    if (stray !== undefined) problems.push({ place: place(start), message: stray });
    if (entry.key === '') {
      problems.push({ place: place(start), message: 'a BibTeX entry has no citation key; write it as @book{key, …}.' });
      continue;
    }
    const same = byKey.get(entry.key);
    const folded = byFoldedKey.get(entry.key.toLowerCase());
    if (same !== undefined) {
      problems.push({
        place: place(start),
        message: `duplicate citation key "${entry.key}" (first defined on line ${lineAt(text, same.start).line}); give each entry its own key.`,
      });
      continue;
    }
    if (folded !== undefined) {
      problems.push({
        place: place(start),
        message:
          `citation key "${entry.key}" differs only in case from "${folded.entry.key}" (line ${lineAt(text, folded.start).line});` +
          ' BibTeX and crossref treat them as one key, so make them differ in more than case.',
      });
      continue;
    }
    byKey.set(entry.key, at);
    byFoldedKey.set(entry.key.toLowerCase(), at);
    lines.set(entry.key, line);
  }

  const entries = located.map(({ entry }) => entry);
  for (const entry of entries) {
    restoreSubtitleArticles(entry);
    rejoinBracedFamilies(entry);
  }
  const entryByKey = new Map(entries.filter((e) => e.key !== '').map((e) => [e.key.toLowerCase(), e]));
  for (const at of located) {
    for (const [field, targets] of [
      ['crossref', [at.entry.fields.crossref]],
      ['xdata', splitKeys(at.entry.fields.xdata)],
    ] as const) {
      for (const target of targets) {
        if (target === undefined || entryByKey.has(target.toLowerCase())) continue;
        problems.push({
          place: place(at.start),
          message: `the entry "${at.entry.key}" has ${field} = {${target}}, but the file has no entry "${target}"; add it or fix the key.`,
        });
      }
    }
  }
  if (problems.length === 0 && located.length === 0) {
    problems.push({
      place: { file },
      message: 'the bibliography holds no entries; add BibTeX entries such as @book{key, …} or remove the `bibliography` field.',
    });
  }
  if (problems.length > 0) throw bibtexError(problems, standIns);

  problems.push(...applyXdata(entries, entryByKey, located, place));
  if (problems.length > 0) throw bibtexError(problems, standIns);
  for (const entry of entries) undoForbiddenInheritance(entry);
  inheritContainerTitles(entries, entryByKey);

  const citable = located.filter(({ entry }) => entry.type !== 'xdata');
  for (const { entry } of located) if (entry.type === 'xdata') lines.delete(entry.key);
  return {
    items: citable.map(({ entry }) => toCsl(entry, language)),
    keys: citable.map(({ entry }) => entry.key),
    lines,
    warnings,
  };
}

/**
 * `Mart\'\i nez`: the space ends the control word `\i`, and TeX drops it,
 * but the parser keeps it when `\i` is an accent's argument ("Martí nez").
 * Braced, `\'{\i}nez`, it reads as TeX does. (Lines stay where they were.)
 */
function braceDotlessAccents(text: string): string {
  return text.replace(/\\([`'^"~=.uvHckr])[ \t]*\\([ij])(?![A-Za-z])[ \t]*/g, '\\$1{\\$2}');
}

/**
 * Fields read as written, not as TeX: the parser's own (url, doi, file, eprint…)
 * and biblatex's dates, which are EDTF (in `1850~` the ~ means "about").
 */
const VERBATIM_FIELDS = ['date', 'urldate', 'origdate', 'eventdate'];

function isVerbatim(field: string): boolean {
  return [...VERBATIM_FIELDS, ...FieldMode.verbatim].some((f) => (typeof f === 'string' ? f === field : f.test(field)));
}

/** A `%` in a value that TeX, and so the parser, would read as the start of a comment. */
interface BarePercent {
  offset: number;
  /** `string` for an `@string`'s value, else the entry's type. */
  type: string;
  /** The entry's key. */
  key: string;
  /** The field, or the @string's name. */
  field: string;
}

/**
 * Every `%` not written `\%` inside the value of an entry's field (verbatim
 * fields aside) or of an `@string`. LaTeX reads it as a comment, and so does
 * the parser: `title = {Growth of 5% per Year}` became "Growth of 5", without
 * a word. But BibTeX itself has no comments inside a value, and JabRef,
 * Mendeley and hand-kept files write `5%` for a percent sign, so that is how
 * it is read (with a warning: `\%` is what LaTeX reads so).
 *
 * It reads the file as the parser does (its verbatim.js): outside entries, and
 * between an entry's fields, a `%` starts a comment that runs to the end of
 * the line, as everywhere in `@comment` and `@preamble` (which is LaTeX). An
 * entry that never closes is left as it is: the parser reports it, and goes on
 * at the next `@`.
 */
function barePercents(text: string): BarePercent[] {
  const found: BarePercent[] = [];
  const n = text.length;
  const word = /[A-Za-z]+/y;
  const name = /[^\s,={}()"#%]+/y;
  let i = 0;
  const toLineEnd = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  const skipSpace = () => {
    while (i < n && /[ \t\r\n%]/.test(text[i]!)) {
      if (text[i] === '%') toLineEnd();
      else i++;
    }
  };
  /** Past a `{…}` or `"…"` value at `i`, calling `percent` at each bare % in it; false if it does not end. */
  const value = (percent: (offset: number) => void): boolean => {
    const quoted = text[i] === '"';
    let depth = quoted ? 0 : 1;
    for (i++; i < n; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0 && !quoted) break;
      else if (c === '"' && quoted && depth <= 0) break;
      else if (c === '%') percent(i);
    }
    if (i >= n) return false;
    i++;
    return true;
  };
  while (i < n) {
    if (text[i] === '%') toLineEnd();
    if (text[i] !== '@') {
      i++;
      continue;
    }
    const start = i++;
    skipSpace();
    word.lastIndex = i;
    const type = word.exec(text)?.[0].toLowerCase() ?? '';
    i += type.length;
    skipSpace();
    if (type === 'comment' || type === 'preamble') {
      if (text[i] === '{') value(() => undefined);
      else toLineEnd();
      continue;
    }
    const close = text[i] === '{' ? '}' : text[i] === '(' ? ')' : undefined;
    if (close === undefined) continue;
    i++;
    const inEntry: BarePercent[] = [];
    let key: string | undefined;
    let field = '';
    let closed = false;
    while (i < n) {
      skipSpace();
      const c = text[i];
      if (c === close) {
        i++;
        closed = true;
        break;
      }
      if (c === '{' || c === '"') {
        const at = field;
        const kept = type === 'string' || !isVerbatim(at.toLowerCase());
        if (!value((offset) => kept && inEntry.push({ offset, type, key: key ?? '', field: at }))) break;
        continue;
      }
      name.lastIndex = i;
      const token = name.exec(text)?.[0];
      if (token === undefined) {
        i++;
        continue;
      }
      i += token.length;
      skipSpace();
      if (text[i] === '=') field = token;
      else key ??= token;
    }
    if (closed) found.push(...inEntry);
    else {
      // As the parser does with an entry it cannot read: on at the next @.
      i = text.indexOf('@', start + 1);
      if (i === -1) break;
    }
  }
  return found;
}

/** One warning for each field with a bare %, at its first. */
function percentWarnings(percents: BarePercent[], text: string, file: string): EssayError[] {
  const byField = new Map<string, BarePercent[]>();
  for (const p of percents) {
    const id = `${p.type === 'string' ? '@string' : p.key}\0${p.field}`;
    byField.set(id, [...(byField.get(id) ?? []), p]);
  }
  return [...byField.values()].map((all) => {
    const { offset, type, key, field } = all[0]!;
    const where = type === 'string' ? `the @string "${field}"` : `the field "${field}" of the entry "${key}"`;
    const what = all.length === 1 ? 'a bare % in' : `${all.length} bare % signs in`;
    return new EssayError(
      { file, ...lineAt(text, offset, true) },
      `${what} ${where} ${all.length === 1 ? 'is read as a percent sign' : 'are read as percent signs'};` +
        ' write \\% to be sure: LaTeX reads a bare % as the start of a comment, and drops the rest of the line.',
    );
  });
}

/** A character the text does not hold, to stand in for a bare % while the parser reads it. */
function percentStandIn(text: string): string {
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) return c;
  }
  throw new Error('the .bib uses every private-use character');
}

/** The text with each bare % replaced by the stand-in, so that the parser keeps it. */
function keepPercents(text: string, percents: BarePercent[], standIn: string): string {
  if (percents.length === 0) return text;
  const chars = text.split('');
  for (const { offset } of percents) chars[offset] = standIn;
  return chars.join('');
}

/** The parser's values with each stand-in (of a bare %, of a key's mark) back as what it stands for. */
function restoreStandIns<T>(value: T, standIns: readonly (readonly [string, string])[]): T {
  if (typeof value === 'string') {
    let text: string = value;
    for (const [standIn, original] of standIns) text = text.replaceAll(standIn, original);
    return text as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => restoreStandIns(v, standIns)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreStandIns(v, standIns)])) as T;
  }
  return value;
}

/** An entry's `@type{key` (not an `@string`'s name), and a `crossref` or `xdata` field's keys, where a key is written. */
const KEYS_WRITTEN =
  /(@\s*(?!(?:string|preamble|comment)\b)[A-Za-z]+\s*[{(]\s*)([^,\s{}()=]+)|(\b(?:crossref|xdata)\s*=\s*[{"])([^{}"]*)/giu;

/**
 * The parser reads letters in a key, but not their combining marks: a key in
 * Devanagari (`वर्मा1998`: its vowel signs and virama are marks), Hebrew with
 * points, a ü typed as u and a mark (NFD). Each key is composed (NFC: a u
 * and its mark, as macOS may store them, is ü, as the essay's citation of it
 * is read; src/lib/pandoc-citations.ts), and each mark left in it is written
 * as a letter the .bib does not hold while it is parsed (a Yi syllable, one
 * for each mark, of the same length, so that positions stay), given back as
 * [stand-in, mark] pairs to put the mark back after, so the key is cited as
 * it is written. A mark outside the Basic Multilingual Plane is left to the
 * parser's error.
 */
function keepMarkedKeys(text: string): { text: string; standIns: [string, string][] } {
  const standIns: [string, string][] = [];
  const standInOf = new Map<string, string>();
  let free = 0xa000;
  const inKey = (key: string) =>
    key.normalize('NFC').replace(/\p{M}/gu, (mark) => {
      let standIn = standInOf.get(mark);
      if (standIn === undefined && mark.length === 1) {
        while (free <= 0xa48c && text.includes(String.fromCharCode(free))) free++;
        if (free > 0xa48c) return mark;
        standIn = String.fromCharCode(free++);
        standInOf.set(mark, standIn);
        standIns.push([standIn, mark]);
      }
      return standIn ?? mark;
    });
  const kept = text.replace(KEYS_WRITTEN, (_, head?: string, key?: string, field?: string, keys?: string) =>
    head !== undefined ? head + inKey(key!) : field! + inKey(keys!),
  );
  return { text: kept, standIns };
}

interface Located {
  entry: Entry;
  /** Offsets of the entry's text in the file. */
  start: number;
  end: number;
}

interface Problem {
  place: Place;
  message: string;
}

/** The problems as one error, in line order, each stand-in (a bare %'s, a key's mark's) written as what it stands for. */
function bibtexError(problems: Problem[], standIns: readonly (readonly [string, string])[]): EssayError {
  const sorted = [...problems]
    .map(({ place, message }) => ({ place, message: restoreStandIns(message, standIns) }))
    .sort((a, b) => (a.place.line ?? 0) - (b.place.line ?? 0));
  const errors = sorted.map(({ place, message }) => new EssayError(place, message));
  if (errors.length === 1) return errors[0]!;
  const [first, ...rest] = sorted;
  return new EssayError(first!.place, [first!.message, ...rest.map((p) => `${formatPlace(p.place)}: ${p.message}`)].join('\n'), {
    cause: new AggregateError(errors, `${errors.length} problems in the BibTeX`),
  });
}

/** The offsets of the last text's line breaks: a file asks for a line per entry. */
let lineBreaks: { text: string; breaks: number[] } | undefined;

function lineAt(text: string, offset: number, withColumn = false): { line: number; column?: number } {
  if (lineBreaks?.text !== text) {
    const breaks: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
    lineBreaks = { text, breaks };
  }
  const { breaks } = lineBreaks;
  // The number of line breaks before the offset, by binary search.
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (breaks[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  const line = low + 1;
  return withColumn ? { line, column: offset - (low === 0 ? -1 : breaks[low - 1]!) } : { line };
}

/** `@type{key` at the start of an entry's text. */
const HEAD = /^@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()=]*)/;

/**
 * A parser error on one entry, which it skips (it resumes at the next `@`, so
 * one broken entry does not hide the rest). Unbalanced braces are the usual
 * cause and get today's message; anything else keeps the parser's words.
 */
function syntaxProblem(error: string, input: string, at: Place): Problem {
  const [, type = '', key = ''] = HEAD.exec(input) ?? [];
  const what = ['string', 'preamble', 'comment'].includes(type.toLowerCase()) ? `@${type.toLowerCase()}` : `entry "${key}"`;
  if (braceDepth(input) !== 0) {
    return {
      place: at,
      message: `the ${what} does not close its braces; check that every { has its }, and that the entry ends with }.`,
    };
  }
  // "… at line 3, column 5 in "book"": the parser's position, in this text.
  const position = /at line (\d+), column (\d+)/.exec(error);
  const place: Place = position ? { file: at.file, line: Number(position[1]), column: Number(position[2]) } : at;
  // The parser takes letters in a key, but not their marks: Devanagari's vowel signs, Hebrew's points, a decomposed ü.
  const mark = /\p{M}/u.exec(key)?.[0];
  if (mark) {
    const code = `U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      place,
      message:
        `the key "${key}" has a combining mark (${code}), which the BibTeX parser cannot read in a key; ` +
        'give the entry a key without marks (Latin letters and digits always work), and cite it by that key.',
    };
  }
  return { place, message: `could not parse the ${what}: ${parserReason(error)}.` };
}

/** The parser's reason in a sentence, without its position and raw excerpts. */
function parserReason(error: string): string {
  const reason = error.replace(/ at line \d+, column \d+.*$/s, '');
  const equals = /^(\S+) = value expected, equals sign missing/.exec(reason);
  if (equals) return `the field "${equals[1]}" needs an = before its value`;
  const mismatch = /^Token mismatch, expected ("[^"]*"|'[^']*'.*?), found "((?:[^"\\]|\\.)*)"/.exec(reason);
  if (mismatch) {
    const found = (JSON.parse(`"${mismatch[2]}"`) as string).split('\n')[0]!.trim();
    const field = /^([A-Za-z][\w-]*)\s*=/.exec(found);
    if (field) return `a comma is missing before the field "${field[1]}"`;
    return `expected ${mismatch[1]!.replace(/'/g, '"')} but found ${found ? `"${found}"` : 'the end of a line'}`;
  }
  return reason.split('\n')[0]!;
}

/** How many `{` are left open (negative: `}` too many), `\{` and `\}` aside. */
function braceDepth(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
  }
  return depth;
}

/**
 * An entry closed by a `}` too many ends early, and BibTeX reads what follows
 * up to the next `@` as a comment: its last fields are lost without a word.
 */
function strayBraces(text: string, at: Located, all: Located[]): string | undefined {
  const next = all[all.indexOf(at) + 1]?.start ?? text.length;
  const after = text.slice(at.end, next);
  const nextAt = after.indexOf('@');
  const tail = (nextAt === -1 ? after : after.slice(0, nextAt)).replace(/^\s*%.*$/gm, '');
  if (braceDepth(tail) >= 0) return undefined;
  return `the entry "${at.entry.key}" closes before its last fields (a } too many?); check that every { has its }, and that the entry ends with }.`;
}

/**
 * Every place an undefined macro is used as a field value (`= name` or
 * `# name`), inside an entry's braces but not inside a value: the parser
 * reports the name once and without a position.
 */
function undefinedMacro(
  name: string,
  text: string,
  file: string,
  located: Located[],
  place: (offset: number, column?: boolean) => Place,
): Problem[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const uses: Problem[] = [];
  for (const match of text.matchAll(new RegExp(`[=#]\\s*(${escaped})(?=\\s*[,#})]|\\s*$)`, 'gi'))) {
    const offset = match.index + match[0].length - match[1]!.length;
    const at = located.find(({ start, end }) => start < offset && offset < end);
    if (at !== undefined && braceDepth(text.slice(at.start, offset)) !== 1) continue;
    const where = at ? `the entry "${at.entry.key}"` : 'an @string';
    uses.push({
      place: place(offset, true),
      message: `undefined @string macro "${name}" in ${where}; define it with @string{${name} = {…}} before its first use, or write the value in braces.`,
    });
  }
  return uses.length > 0
    ? uses
    : [{ place: { file }, message: `undefined @string macro "${name}"; define it with @string{${name} = {…}}.` }];
}

/**
 * `{van der Berg}, Anna`: braces make the whole a family name, but the parser
 * still splits off a lower-case start as a "von" part. Join them again where
 * the entry braced them together.
 */
function rejoinBracedFamilies(entry: Entry): void {
  for (const creators of Object.values(entry.fields)) {
    if (!Array.isArray(creators)) continue;
    for (const creator of creators as (Creator | string)[]) {
      if (typeof creator !== 'object' || !creator.prefix || !creator.lastName) continue;
      if (!entry.input.includes(`{${creator.prefix} ${creator.lastName}}`)) continue;
      creator.lastName = `${creator.prefix} ${creator.lastName}`;
      delete creator.prefix;
    }
  }
}

/**
 * Names written as a .bib's `author` field holds them ("Le Guin, Ursula K. and
 * Bob Jones", "Ursula K. {Le Guin}"), read by the parser that reads the .bib
 * files, for names written elsewhere (an essay's frontmatter). Braces group as
 * in BibTeX; every other character is itself, not LaTeX (`&`, `%`, `\`), as
 * YAML text is Unicode. Undefined when the braces do not pair.
 */
export function parseBibtexNames(text: string): CslName[] | undefined {
  let depth = 0;
  for (const char of text) {
    depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    if (depth < 0) return undefined;
  }
  if (depth !== 0) return undefined;
  const plain = text.replace(/[\\&%$#_~^]/g, (char) => TEX_SPECIALS[char]!);
  const [entry] = parse(`@misc{name, author = {${plain}}}`).entries;
  if (entry === undefined) return undefined;
  rejoinBracedFamilies(entry);
  return names(entry.fields.author as Creator[] | undefined) ?? [];
}

/** The fields the parser sentence-cases. */
const TITLE_FIELDS = ['title', 'subtitle', 'shorttitle', 'booktitle', 'series', 'maintitle', 'eventtitle', 'origtitle'];

/**
 * The parser's sentence case lowercases a lone "A" that opens a subtitle
 * ("Lenin: A Biography" → "Lenin: a biography"), though it keeps every other
 * first word of a subtitle; APA and Zotero's convention capitalise it. Put the
 * capital back where the entry wrote one.
 */
function restoreSubtitleArticles(entry: Entry): void {
  if (!/:\s+\{?A\}?\s/.test(entry.input)) return;
  const fields = entry.fields as Record<string, unknown>;
  for (const field of TITLE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') fields[field] = value.replace(/(:\s+)a(?=\s)/g, '$1A');
  }
}

function splitKeys(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/**
 * biblatex's `xdata`: an entry takes every field it lacks from the `@xdata`
 * entries it names, which may name others in turn. The parser leaves it to us.
 * (biblatex resolves `xdata` before `crossref`; the parser applies `crossref`
 * first, so fields a crossref parent has only through `xdata` are not handed
 * on to its children.)
 */
function applyXdata(entries: Entry[], byKey: Map<string, Entry>, located: Located[], place: (offset: number) => Place): Problem[] {
  const problems: Problem[] = [];
  const done = new Set<Entry>();
  const resolve = (entry: Entry, path: Entry[]): void => {
    if (done.has(entry)) return;
    if (path.includes(entry)) {
      const at = located.find((l) => l.entry === entry)!;
      problems.push({
        place: place(at.start),
        message: `the xdata of "${entry.key}" leads back to itself (${[...path, entry].map((e) => e.key).join(' → ')}); break the loop.`,
      });
      done.add(entry);
      return;
    }
    for (const key of splitKeys(entry.fields.xdata)) {
      const source = byKey.get(key.toLowerCase())!;
      resolve(source, [...path, entry]);
      for (const [field, value] of Object.entries(source.fields)) {
        if (field === 'xdata' || field in entry.fields) continue;
        (entry.fields as Record<string, unknown>)[field] = value;
      }
    }
    delete (entry.fields as Record<string, unknown>).xdata;
    done.add(entry);
  };
  for (const entry of entries) resolve(entry, []);
  return problems;
}

/**
 * Fields biblatex never hands from a parent to a child: its global
 * `\noinherit` list, and the titles of the parent, which its type rules map
 * to `booktitle`/`maintitle` instead. The parser copies every field the child's
 * type allows, so a chapter would take its book's subtitle as its own.
 */
const NOT_INHERITED = [
  'ids',
  'crossref',
  'xref',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
  'xdata',
  'title',
  'subtitle',
  'titleaddon',
  'shorttitle',
  'sorttitle',
  'indextitle',
  'indexsorttitle',
];

function undoForbiddenInheritance(entry: Entry): void {
  for (const field of entry.crossref?.inherited ?? []) {
    if (NOT_INHERITED.includes(field)) delete (entry.fields as Record<string, unknown>)[field];
  }
}

/** Entry types that are part of a larger work, whose title is their container. */
const PART_TYPES = new Set([
  'inbook',
  'bookinbook',
  'suppbook',
  'incollection',
  'suppcollection',
  'inreference',
  'inproceedings',
  'conference',
]);

/**
 * biblatex maps a parent's title to a child's booktitle only for the type
 * pairs it declares (collection → incollection, proceedings → inproceedings,
 * book → inbook…). BibTeX users often crossref a chapter to a @book, which the
 * parser then leaves without a container: give it the parent's title, as
 * biblatex would for a @collection.
 */
function inheritContainerTitles(entries: Entry[], byKey: Map<string, Entry>): void {
  for (const entry of entries) {
    const parent = entry.fields.crossref && byKey.get(entry.fields.crossref.toLowerCase());
    if (!parent) continue;
    inheritAliases(entry.fields as Fields, parent.fields as Fields);
    if (!PART_TYPES.has(entry.type) || entry.fields.booktitle) continue;
    if (parent.fields.title) entry.fields.booktitle = parent.fields.title;
    if (parent.fields.subtitle && !entry.fields.booksubtitle) entry.fields.booksubtitle = parent.fields.subtitle;
  }
}

/**
 * The parser inherits the fields of biber's data model, where a date is
 * `year`/`month`/`day` and BibTeX's aliases are already renamed; so a parent's
 * `date`, `urldate`, `address`, `school` or `journal` stays with the parent.
 * biblatex hands them on (as the fields they alias), so do that here.
 */
function inheritAliases(child: Fields, parent: Fields): void {
  const lacks = (...names: string[]) => names.every((name) => child[name] === undefined);
  const take = (name: string, ...unless: string[]) => {
    if (parent[name] !== undefined && lacks(name, ...unless)) child[name] = parent[name];
  };
  take('date', 'year');
  for (const name of ['urldate', 'eventdate', 'origdate']) take(name);
  take('address', 'location');
  take('school', 'institution');
  take('journal', 'journaltitle');
}

/** biblatex entry types → CSL types, as Better BibTeX and Pandoc map them. */
const TYPES: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  bookinbook: 'chapter',
  booklet: 'pamphlet',
  collection: 'book',
  mvcollection: 'book',
  conference: 'paper-conference',
  dataset: 'dataset',
  electronic: 'webpage',
  inbook: 'chapter',
  incollection: 'chapter',
  inproceedings: 'paper-conference',
  inreference: 'entry',
  manual: 'book',
  mastersthesis: 'thesis',
  misc: 'document',
  online: 'webpage',
  patent: 'patent',
  periodical: 'periodical',
  phdthesis: 'thesis',
  proceedings: 'book',
  mvproceedings: 'book',
  reference: 'book',
  mvreference: 'book',
  report: 'report',
  software: 'software',
  standard: 'standard',
  suppbook: 'chapter',
  suppcollection: 'chapter',
  suppperiodical: 'article-journal',
  techreport: 'report',
  thesis: 'thesis',
  unpublished: 'manuscript',
  www: 'webpage',
  artwork: 'graphic',
  image: 'graphic',
  audio: 'song',
  music: 'song',
  video: 'motion_picture',
  movie: 'motion_picture',
  letter: 'personal_communication',
  legislation: 'legislation',
  jurisdiction: 'legal_case',
  review: 'review',
  performance: 'performance',
};

/** The genre an entry type implies when its `type` field says nothing. */
const DEFAULT_GENRES: Record<string, string> = {
  phdthesis: 'PhD thesis',
  mastersthesis: 'Master’s thesis',
  techreport: 'Technical report',
};

/** biblatex's localisation keys for `type = {…}`, in the words its English strings use. */
const TYPE_KEYS: Record<string, string> = {
  phdthesis: 'PhD thesis',
  mathesis: 'Master’s thesis',
  mastersthesis: 'Master’s thesis',
  candthesis: 'Candidate thesis',
  bathesis: 'Bachelor’s thesis',
  techreport: 'Technical report',
  resreport: 'Research report',
  software: 'Computer software',
  datacd: 'CD-ROM',
  audiocd: 'Audio CD',
  patent: 'Patent',
};

/**
 * The genres above in the essay's language, as biblatex's own language files
 * (german.lbx, french.lbx) word them, for the essays whose bibliography
 * would otherwise say "PhD thesis" in German.
 */
const GENRE_WORDS: Record<string, Record<string, string>> = {
  de: { 'PhD thesis': 'Dissertation', 'Master’s thesis': 'Masterarbeit', 'Technical report': 'Technischer Bericht' },
  fr: { 'PhD thesis': 'Thèse de doctorat', 'Master’s thesis': 'Mémoire de master', 'Technical report': 'Rapport technique' },
};

function inLanguage(genre: string | undefined, language: string): string | undefined {
  return genre && (GENRE_WORDS[language.split('-')[0]!.toLowerCase()]?.[genre] ?? genre);
}

/** A genre in any language, as its English words (for the type a written .bib gives the entry back). */
function inEnglish(genre: string | undefined): string | undefined {
  for (const words of Object.values(GENRE_WORDS)) {
    const english = Object.keys(words).find((key) => words[key] === genre);
    if (english) return english;
  }
  return genre;
}

/** Whether a language tag is English (`en`, `en-GB`…), whose titles are sentence-cased as they are read. */
export function isEnglish(language: string): boolean {
  return language.split('-')[0]!.toLowerCase() === 'en';
}

/**
 * The `langid`s the parser takes for English (its default list, less "no
 * `langid`"): the entries whose titles it sentence-cases in an essay in
 * another language.
 */
const ENGLISH_LANGIDS = [
  'american',
  'british',
  'canadian',
  'english',
  'australian',
  'newzealand',
  'usenglish',
  'ukenglish',
  'en',
  'eng',
  'en-au',
  'en-bz',
  'en-ca',
  'en-cb',
  'en-gb',
  'en-ie',
  'en-jm',
  'en-nz',
  'en-ph',
  'en-tt',
  'en-us',
  'en-za',
  'en-zw',
];

/** babel/polyglossia language names (biblatex `langid`) → BCP 47, for CSL `language`. */
const LANGUAGES: Record<string, string> = {
  english: 'en',
  american: 'en-US',
  usenglish: 'en-US',
  british: 'en-GB',
  ukenglish: 'en-GB',
  canadian: 'en-CA',
  australian: 'en-AU',
  newzealand: 'en-NZ',
  german: 'de',
  ngerman: 'de',
  austrian: 'de-AT',
  naustrian: 'de-AT',
  swissgerman: 'de-CH',
  nswissgerman: 'de-CH',
  french: 'fr',
  italian: 'it',
  spanish: 'es',
  portuguese: 'pt',
  brazilian: 'pt-BR',
  dutch: 'nl',
  swedish: 'sv',
  danish: 'da',
  norsk: 'nb',
  norwegian: 'nb',
  nynorsk: 'nn',
  finnish: 'fi',
  polish: 'pl',
  czech: 'cs',
  slovak: 'sk',
  russian: 'ru',
  ukrainian: 'uk',
  greek: 'el',
  latin: 'la',
  hungarian: 'hu',
  turkish: 'tr',
  japanese: 'ja',
  chinese: 'zh',
  korean: 'ko',
  hebrew: 'he',
  arabic: 'ar',
};

type Fields = Entry['fields'] & Record<string, unknown>;

/** One entry as CSL-JSON, following the biblatex → CSL mapping of Better BibTeX and Pandoc. */
function toCsl(entry: Entry, essayLanguage: string): CslItem {
  const f = entry.fields as Fields;
  const str = (name: string): string | undefined => {
    const value = f[name];
    if (Array.isArray(value)) return value.length ? value.join('; ') : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const subtype = str('entrysubtype')?.toLowerCase();
  let type = TYPES[entry.type] ?? 'document';
  if (type === 'article-journal' && subtype === 'magazine') type = 'article-magazine';
  if (type === 'article-journal' && subtype === 'newspaper') type = 'article-newspaper';
  const isPeriodicalPart = type.startsWith('article');
  const isPart = ['chapter', 'paper-conference', 'entry'].includes(type);

  const item: CslItem = { id: entry.key, 'citation-key': entry.key, type };
  const set = (name: string, value: unknown): void => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    item[name] = value;
  };

  for (const [field, variable] of [
    ['author', 'author'],
    ['editor', 'editor'],
    ['translator', 'translator'],
    ['bookauthor', 'container-author'],
    ['director', 'director'],
  ] as const) {
    set(variable, names(f[field] as Creator[] | undefined));
  }

  set('title', joinTitle(str('title'), str('subtitle'), str('titleaddon')));
  set('title-short', str('shorttitle'));
  const container = isPeriodicalPart
    ? joinTitle(str('journaltitle') ?? str('journal'), str('journalsubtitle'))
    : isPart
      ? joinTitle(str('booktitle'), str('booksubtitle'), str('booktitleaddon'))
      : undefined;
  set('container-title', container);
  set('container-title-short', str('shortjournal'));
  set('collection-title', str('series'));
  set('event-title', str('eventtitle'));
  set('event-place', str('venue'));

  const genre = str('type');
  set('genre', inLanguage(genre ? (TYPE_KEYS[genre.toLowerCase()] ?? genre) : DEFAULT_GENRES[entry.type], essayLanguage));

  const publishers = [...new Set(['publisher', 'institution', 'school', 'organization'].flatMap((name) => list(f[name])))];
  set('publisher', publishers.join('; ') || undefined);
  set('publisher-place', [...list(f.location), ...list(f.address)].join('; ') || undefined);
  set('original-publisher', str('origpublisher'));
  set('original-publisher-place', str('origlocation'));

  set('volume', str('volume'));
  set('number-of-volumes', str('volumes'));
  set('edition', str('edition'));
  set('chapter-number', str('chapter'));
  set('page', pageRange(str('pages')));
  set('number-of-pages', str('pagetotal'));
  const number = str('number');
  if (isPeriodicalPart) set('issue', number ?? str('issue'));
  else if (str('series') !== undefined && ['book', 'chapter', 'paper-conference', 'entry'].includes(type)) set('collection-number', number);
  else set('number', number);
  if (isPeriodicalPart && number === undefined) set('issue', str('issue'));
  if (isPeriodicalPart) set('number', str('eid'));

  set('issued', issued(f));
  set('accessed', edtf(str('urldate')));
  set('original-date', edtf(str('origdate')));
  set('event-date', edtf(str('eventdate')));

  set('DOI', str('doi')?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, ''));
  set('ISBN', str('isbn'));
  set('ISSN', str('issn'));
  set('URL', str('url'));
  eprint(item, str('eprint'), (str('eprinttype') ?? str('archiveprefix'))?.toLowerCase());
  const howpublished = str('howpublished');
  const link = howpublished && /^<a href="([^"]*)">[^<]*<\/a>$|^(https?:\/\/\S+)$/.exec(howpublished);
  if (link) set('URL', item.URL ?? link[1] ?? link[2]);
  else if (howpublished && item.publisher === undefined) set('publisher', howpublished);
  else if (howpublished) set('medium', howpublished);

  set('note', [str('note'), str('addendum')].filter(Boolean).join('. ') || undefined);
  set('abstract', str('abstract'));
  set('status', str('pubstate'));
  set('version', str('version'));
  const language = str('langid') ?? str('language');
  set('language', language ? (LANGUAGES[language.toLowerCase()] ?? language) : undefined);

  return cleanStrings(item, type) as CslItem;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** Title and subtitle as biblatex prints them by default… with Zotero's colon. */
function joinTitle(title: string | undefined, subtitle?: string, addon?: string): string | undefined {
  if (title === undefined) return subtitle;
  let joined = title;
  if (subtitle) joined += `${/[:?!.]$/.test(title) ? '' : ':'} ${subtitle}`;
  if (addon) joined += `${/[?!.]$/.test(joined) ? '' : '.'} ${addon}`;
  return joined;
}

/** `10--20` is already an en dash; a plain hyphen between numbers becomes one too. */
function pageRange(pages: string | undefined): string | undefined {
  return pages?.replace(/(\d)\s*[-‐‑–—]+\s*(?=\d)/g, '$1–');
}

/**
 * Creators as CSL names. A braced `{Literal Org}` is a literal; `and others`
 * marks the last name with {@link ET_AL}.
 */
function names(creators: Creator[] | undefined): CslName[] | undefined {
  if (!creators?.length) return undefined;
  const out: CslName[] = [];
  let others = false;
  for (const c of creators) {
    if (c.name === undefined && c.lastName?.toLowerCase() === 'others' && !c.firstName && !c.prefix) {
      others = true;
      continue;
    }
    const name: CslName = {};
    if (c.name !== undefined) name.literal = c.name;
    else {
      if (c.lastName !== undefined) name.family = c.lastName;
      if (c.firstName !== undefined) name.given = c.firstName;
      if (c.prefix !== undefined) name['non-dropping-particle'] = c.prefix;
      if (c.suffix !== undefined) name.suffix = c.suffix;
    }
    out.push(name);
  }
  if (others && out.length > 0) out[out.length - 1]!['dropping-particle'] = ET_AL;
  if (others && out.length === 0) out.push({ literal: 'others' });
  return out;
}

/** `year`/`month`/`day`, or biblatex's `date`, with only the parts given. */
function issued(f: Fields): CslDate | undefined {
  const date = typeof f.date === 'string' ? f.date : undefined;
  if (date) return edtf(date);
  const year = typeof f.year === 'string' ? f.year.trim() : undefined;
  if (!year) return undefined;
  const years = /^(\d{1,4})(?:\s*[-–/]+\s*(\d{1,4}))?$/.exec(year);
  if (!years) return { literal: year };
  const month = Number(f.month);
  const day = Number(f.day);
  const first = [Number(years[1])];
  if (Number.isInteger(month) && month >= 1 && month <= 12) {
    first.push(month);
    if (Number.isInteger(day) && day >= 1 && day <= 31) first.push(day);
  }
  return { 'date-parts': years[2] ? sameParts([first, [Number(years[2])]]) : [first] };
}

/**
 * The two ends of a range cut to the parts both have. citeproc-js refuses a
 * range whose ends differ in precision ("CSL data error: element mismatch in
 * date range input", in `CSL.Engine.prototype.dateParseArray`), which failed
 * the essay. Padding the shorter end with zeros is no way out: Chicago then
 * prints "March 2020–2021", but APA "(2020–2021, March–)" and, with a day,
 * "March 0, 2020". So the finer end loses what the other lacks: `2020-03/2021`
 * is 2020–2021, and `year = {1998--1999}, month = mar` is 1998–1999 (the month
 * could be either year's). A range given to the same precision at both ends
 * (`2020-03/2021-06`) keeps it all.
 */
function sameParts(ends: number[][]): number[][] {
  if (ends.length < 2) return ends;
  const length = Math.min(...ends.map((parts) => parts.length));
  return ends.map((parts) => parts.slice(0, length));
}

/** A biblatex (EDTF level 0/1) date or range: `2001`, `2001-03-05`, `1988/1992`, `2001-03~`. */
function edtf(value: string | undefined): CslDate | undefined {
  if (!value) return undefined;
  const parts = value.trim().split('/');
  if (parts.length > 2) return { literal: value };
  const parsed: number[][] = [];
  let circa = false;
  for (const part of parts) {
    if (part === '' || part === '..') continue;
    const m = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+Z?)?([~?%])?$/.exec(part.trim());
    if (!m) return { literal: value };
    if (m[4]) circa = true;
    parsed.push([m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number));
  }
  if (parsed.length === 0) return { literal: value };
  const dateParts = sameParts(parsed);
  return circa ? { 'date-parts': dateParts, circa: true } : { 'date-parts': dateParts };
}

/** arXiv, DOI, PubMed and Handle `eprint`s as the CSL fields that carry them. */
function eprint(item: CslItem, id: string | undefined, kind: string | undefined): void {
  if (!id) return;
  if (kind === 'arxiv') {
    // A preprint, as Zotero gives one to citeproc: type "article", the
    // repository as publisher, its identifier as number.
    if (['webpage', 'document', 'manuscript'].includes(item.type)) item.type = 'article';
    item.publisher ??= 'arXiv';
    item.number ??= `arXiv:${id}`;
    item.URL ??= `https://arxiv.org/abs/${id}`;
  } else if (kind === 'doi') item.DOI ??= id;
  else if (kind === 'pubmed') item.PMID ??= id;
  else if (kind === 'hdl') item.URL ??= `https://hdl.handle.net/${id}`;
}

/** Fields that are text to read; the rest (URLs, identifiers) are kept verbatim. */
const PLAIN_FIELDS = new Set(['id', 'citation-key', 'type', 'URL', 'DOI', 'ISBN', 'ISSN', 'PMID', 'archive_location', 'language']);

/**
 * Every string NFC-normalised, with LaTeX's dotless i and j put back under
 * their accents, and markup reduced to what citeproc-js reads.
 */
function cleanStrings(value: unknown, type: string, field = ''): unknown {
  if (typeof value === 'string') {
    const text = repairDotless(value).normalize('NFC');
    return PLAIN_FIELDS.has(field) ? text : citeprocMarkup(text, field === 'note' || field === 'abstract');
  }
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, type, field));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v, type, field || k)]));
  }
  return value;
}

/**
 * `\'{\i}` is an accent over a dotless i, and the parser gives just that:
 * U+0131 and a combining acute, which NFC cannot compose and a search for
 * "Antonín" does not find. LaTeX drops the dot only so the accent can sit
 * there, so the letter meant is i (or j).
 */
function repairDotless(text: string): string {
  return text.replace(/\u0131(?=[\u0300-\u036f])/g, 'i').replace(/\u0237(?=[\u0300-\u036f])/g, 'j');
}

/**
 * In TeX's old text fonts `<` and `>` print as ¡ and ¿, and the parser says
 * so; an author who types them in a .bib means the brackets (an HTML tag
 * pasted into a title, a "<" in a formula). They are given to the parser as
 * the commands for the brackets themselves. Line numbers are kept.
 */
function literalAngleBrackets(text: string): string {
  return text.replaceAll('<', '\\textless{}').replaceAll('>', '\\textgreater{}');
}

/** The markup citeproc-js reads in input fields; `</span>` closes either span. */
const KEPT_TAGS = new Set(['<i>', '</i>', '<b>', '</b>', '<sup>', '</sup>', '<sub>', '</sub>']);
const KEPT_SPANS = new Set(['<span class="nocase">', '<span style="font-variant:small-caps;">']);

/**
 * The parser's HTML with only citeproc-js's input markup left. Links go (a
 * title is never a link; in a note the address stays as text), and
 * paragraphs, line breaks and list items become spaces.
 */
function citeprocMarkup(html: string, prose: boolean): string {
  const withoutLinks = html.replace(/<a href="([^"]*)">(.*?)<\/a>/gs, (_, href: string, label: string) =>
    prose && label !== href ? `${label} (${href})` : label,
  );
  const spans: boolean[] = [];
  const kept = withoutLinks.replace(/<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>/gi, (tag) => {
    if (KEPT_TAGS.has(tag)) return tag;
    if (tag.startsWith('<span')) {
      spans.push(KEPT_SPANS.has(tag));
      return KEPT_SPANS.has(tag) ? tag : '';
    }
    if (tag === '</span>') return spans.pop() ? tag : '';
    if (/^<\/?(p|br|li|ul|ol|blockquote|h\d)\b/i.test(tag)) return ' ';
    // A tag the author typed (the parser writes only the ones above): text, which citeproc-js escapes.
    return tag;
  });
  return kept.replace(/\s+/g, ' ').trim();
}

/**
 * Items for a CSL-JSON download. The {@link ET_AL} mark is a citeproc-js
 * convention that other processors would print as part of the name
 * ("Richard et al. Roe"), so there a list cut short ends instead with a
 * literal name "others", as Pandoc writes `and others`.
 */
export function portableCsl(items: CslItem[]): CslItem[] {
  return items.map((item) => {
    const copy: CslItem = { ...item };
    for (const [field, value] of Object.entries(item)) {
      if (!Array.isArray(value) || !value.some((n: CslName) => n?.['dropping-particle'] === ET_AL)) continue;
      const names = (value as CslName[]).map((name) => {
        if (name['dropping-particle'] !== ET_AL) return name;
        const { 'dropping-particle': _, ...rest } = name;
        return rest;
      });
      copy[field] = [...names, { literal: 'others' }];
    }
    return copy;
  });
}

/** CSL types → BibTeX entry types: classic BibTeX's where it has one, else biblatex's. */
const BIBTEX_TYPES: Record<string, string> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  article: 'misc',
  book: 'book',
  chapter: 'incollection',
  dataset: 'dataset',
  document: 'misc',
  entry: 'inreference',
  'entry-dictionary': 'inreference',
  'entry-encyclopedia': 'inreference',
  graphic: 'artwork',
  legal_case: 'jurisdiction',
  legislation: 'legislation',
  manuscript: 'unpublished',
  motion_picture: 'video',
  pamphlet: 'booklet',
  'paper-conference': 'inproceedings',
  patent: 'patent',
  performance: 'performance',
  periodical: 'periodical',
  personal_communication: 'letter',
  report: 'report',
  review: 'review',
  software: 'software',
  song: 'audio',
  standard: 'standard',
  thesis: 'thesis',
  webpage: 'online',
};

/** BCP 47 → the babel name biblatex's `langid` wants (the first of each in {@link LANGUAGES}). */
const LANGIDS = new Map(
  Object.entries(LANGUAGES)
    .reverse()
    .map(([babel, tag]) => [tag, babel]),
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Items as clean BibTeX for the bibliography download: one entry per item and
 * nothing else (no `@comment`, `@string` or `@preamble`), in UTF-8 with only
 * TeX's special characters escaped. Classic BibTeX entry types are used where
 * they exist (biblatex's otherwise), and titles brace every word with a
 * capital, so that reading the file again (here or in BibTeX, which
 * sentence-cases too) gives the same titles, names and dates.
 *
 * citation-js's `format('bibtex')` was the first choice, but it drops
 * `and others` and superscripts, which a round trip must keep.
 */
export function writeBibtex(items: CslItem[], titleCaser?: TitleCaser): string {
  return items.map((item) => writeEntry(item, titleCaser?.(item))).join('\n');
}

/**
 * For an item whose titles were sentence-cased as they were read (an English
 * one), what sets a title in title case again, as BibTeX files keep titles
 * and Better BibTeX writes them; undefined for other items. Only the words
 * the title had a capital in are braced, so that reading the file again
 * sentence-cases the rest back: "{The Coming of the Third Reich}" reads as
 * "The coming of the third reich", as the original did.
 */
export type TitleCaser = (item: CslItem) => ((title: string) => string) | undefined;

function writeEntry(item: CslItem, titleCase?: (title: string) => string): string {
  const fields: [string, string][] = [];
  const text = (name: string, value: unknown, title = false): void => {
    if (typeof value === 'number') value = String(value);
    if (typeof value !== 'string' || value === '') return;
    fields.push([name, title && titleCase ? latex(inTitleCase(value, titleCase), true, false) : latex(value, title)]);
  };
  const verbatim = (name: string, value: unknown): void => {
    if (typeof value === 'string' && value !== '') fields.push([name, value.replace(/[{}]/g, '')]);
  };
  const people = (name: string, value: unknown): void => {
    if (Array.isArray(value) && value.length > 0) fields.push([name, bibtexNames(value as CslName[])]);
  };

  const arxiv = typeof item.number === 'string' ? /^arXiv:(\S+)$/.exec(item.number)?.[1] : undefined;
  let type = item.type === 'article' && arxiv ? 'online' : (BIBTEX_TYPES[item.type] ?? 'misc');
  const genre = inEnglish(typeof item.genre === 'string' ? item.genre : undefined);
  let impliedGenre: string | undefined;
  if (item.type === 'thesis') {
    type = genre === 'Master’s thesis' ? 'mastersthesis' : 'phdthesis';
    impliedGenre = DEFAULT_GENRES[type];
  } else if (item.type === 'report' && genre === 'Technical report') {
    type = 'techreport';
    impliedGenre = genre;
  }
  const periodical = type === 'article';

  people('author', item.author);
  people('editor', item.editor);
  people('translator', item.translator);
  people('bookauthor', item['container-author']);
  text('title', item.title, true);
  text('shorttitle', item['title-short'], true);
  text(periodical ? 'journal' : 'booktitle', item['container-title'], !periodical);
  text('shortjournal', item['container-title-short']);
  text('series', item['collection-title'], true);
  text('eventtitle', item['event-title'], true);
  text('venue', item['event-place']);
  if (item.type === 'article-magazine') text('entrysubtype', 'magazine');
  if (item.type === 'article-newspaper') text('entrysubtype', 'newspaper');
  if (genre !== undefined && genre !== impliedGenre) text('type', genre);
  text('edition', item.edition);
  text('volume', item.volume);
  text('volumes', item['number-of-volumes']);
  text('number', periodical ? item.issue : (item['collection-number'] ?? (arxiv ? undefined : item.number)));
  text('chapter', item['chapter-number']);
  text('pages', typeof item.page === 'string' ? item.page.replace(/–/g, '--') : item.page);
  text('pagetotal', item['number-of-pages']);
  const publisherField =
    type === 'phdthesis' || type === 'mastersthesis' ? 'school' : type === 'techreport' || type === 'report' ? 'institution' : 'publisher';
  if (!(arxiv && item.publisher === 'arXiv')) text(publisherField, item.publisher);
  text('address', item['publisher-place']);
  text('howpublished', item.medium);
  fields.push(...dateFields('', item.issued));
  fields.push(...dateFields('url', item.accessed));
  fields.push(...dateFields('orig', item['original-date']));
  fields.push(...dateFields('event', item['event-date']));
  verbatim('doi', item.DOI);
  text('isbn', item.ISBN);
  text('issn', item.ISSN);
  if (arxiv !== undefined) {
    verbatim('eprint', arxiv);
    text('eprinttype', 'arxiv');
  }
  verbatim('url', item.URL);
  text('note', item.note);
  text('pubstate', item.status);
  text('version', item.version);
  if (typeof item.language === 'string') text('langid', LANGIDS.get(item.language) ?? item.language);
  text('abstract', item.abstract);

  const width = Math.max(...fields.map(([name]) => name.length));
  // A month is BibTeX's macro (`may`), which BibTeX styles and biblatex both read.
  const body = fields
    .map(([name, value]) => `  ${name.padEnd(width)} = ${name === 'month' && MONTHS.includes(value) ? value : `{${value}}`},`)
    .join('\n');
  return `@${type}{${item.id},\n${body}\n}\n`;
}

/** Dates as `year`/`month`/`day` where BibTeX can say them, else biblatex's `date` form. */
function dateFields(prefix: string, value: unknown): [string, string][] {
  if (value === undefined || value === null || typeof value !== 'object') return [];
  const date = value as CslDate;
  const parts = date['date-parts'];
  if (!parts?.length) return date.literal ? [[prefix ? `${prefix}date` : 'year', latex(date.literal, false)]] : [];
  const iso = (p: number[]): string => [String(p[0]).padStart(4, '0'), ...p.slice(1).map((n) => String(n).padStart(2, '0'))].join('-');
  const [first] = parts;
  if (prefix === '' && parts.length === 1 && !date.circa && first) {
    const [year, month, day] = first;
    const out: [string, string][] = [['year', String(year)]];
    if (month !== undefined) out.push(['month', MONTHS[month - 1] ?? String(month)]);
    if (day !== undefined) out.push(['day', String(day)]);
    return out;
  }
  return [[`${prefix}date`, parts.map(iso).join('/') + (date.circa ? '~' : '')]];
}

/** Names joined with `and`; literals braced; the {@link ET_AL} mark as `and others`. */
function bibtexNames(names: CslName[]): string {
  const written: string[] = [];
  let others = false;
  for (const name of names) {
    if (name['dropping-particle'] === ET_AL) others = true;
    if (name.literal !== undefined) {
      written.push(`{${latex(name.literal, false)}}`);
      continue;
    }
    const family = latex(name.family ?? '', false);
    const particle = name['non-dropping-particle'] ?? (name['dropping-particle'] === ET_AL ? undefined : name['dropping-particle']);
    // A family name that starts in lower case would be read as a "von" part.
    const last = [particle, /^[a-z]/.test(family) || /\s/.test(family) ? `{${family}}` : family].filter(Boolean).join(' ');
    written.push([last, name.suffix && latex(name.suffix, false), name.given && latex(name.given, false)].filter(Boolean).join(', '));
  }
  if (others) written.push('others');
  return written.join(' and ');
}

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

const TEX_MARKUP: Record<string, string> = {
  '<i>': '\\textit{',
  '<b>': '\\textbf{',
  '<sup>': '\\textsuperscript{',
  '<sub>': '\\textsubscript{',
  '<span style="font-variant:small-caps;">': '\\textsc{',
  '<span class="nocase">': '{',
};

const DECLARATIONS: Record<string, string> = {
  '<i>': '{\\em ',
  '<span style="font-variant:small-caps;">': '{\\sc ',
};

/**
 * A CSL string (with citeproc-js markup) as LaTeX. In a title, every word with
 * a capital after the first character of the title is braced, so that it keeps
 * its case when BibTeX or a parser sentence-cases the title.
 */
/** A title in title case, its braced words and its web addresses as they were ("Https://Example.Org" is no address). */
function inTitleCase(value: string, titleCase: (title: string) => string): string {
  if (/[\ue010\ue011]/.test(value)) return titleCase(protectedCapitals(value));
  const addresses: string[] = [];
  const held = protectedCapitals(value).replace(/https?:\/\/[^\s<]+/g, (address) => `\ue010${addresses.push(address) - 1}\ue011`);
  return titleCase(held).replace(/\ue010(\d+)\ue011/g, (_, n: string) => addresses[Number(n)]!);
}

/** A sentence-cased title with each word that has a capital (after the first word's first letter) marked `nocase`: the words {@link latex} braces. */
function protectedCapitals(value: string): string {
  let nocase = 0;
  let start = true;
  return value
    .split(MARKUP)
    .map((token) => {
      if (token in TEX_MARKUP) {
        if (token === '<span class="nocase">') nocase++;
        return token;
      }
      if (/^<\/(i|b|sup|sub|span)>$/.test(token)) return token;
      const marked = nocase === 0 ? protectWords(token, start, (word) => `<span class="nocase">${word}</span>`) : token;
      if (token.trim() !== '') start = false;
      return marked;
    })
    .join('');
}

const MARKUP = /(<\/?(?:i|b|sup|sub)>|<span [^>]*>|<\/span>)/;

function latex(value: string, title: boolean, protect = true): string {
  let out = '';
  let nocase = 0;
  const stack: string[] = [];
  let start = true;
  const tokens = value.split(MARKUP);
  for (const [i, token] of tokens.entries()) {
    if (token in TEX_MARKUP) {
      // A group that starts with a command is a BibTeX "special character",
      // which does not protect case: brace it twice.
      const double = token === '<span class="nocase">' && /^<|^$/.test(tokens[i + 1] ?? '');
      // \textit{…} protects its argument's case; italics in lower case that
      // a style may capitalise are a BibTeX "special character" instead.
      // (A group whose words are braced already, `<i><span class="nocase">`, protects them.)
      const next = tokens.slice(i + 1).find((t) => t !== '') ?? 'X';
      const declaration = title && nocase === 0 && DECLARATIONS[token] && next !== '<span class="nocase">' && !/\p{Lu}/u.test(next);
      out += double ? '{{' : declaration ? DECLARATIONS[token] : TEX_MARKUP[token];
      stack.push(double ? 'double' : token);
      if (token === '<span class="nocase">') nocase++;
    } else if (/^<\/(i|b|sup|sub|span)>$/.test(token)) {
      const closed = stack.pop();
      if (closed === '<span class="nocase">' || closed === 'double') nocase--;
      out += closed === 'double' ? '}}' : '}';
    } else {
      const escaped = token.replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIALS[c]!);
      out += title && protect && nocase === 0 ? protectWords(escaped, start) : escaped;
      if (token.trim() !== '') start = false;
    }
  }
  return out;
}

function protectWords(text: string, atStart: boolean, brace = (word: string) => `{${word}}`): string {
  let first = atStart;
  return text.replace(/(?<!\\)[\p{L}\p{M}\p{N}’'-]+/gu, (word) => {
    const capitalAfterFirst = first ? /\p{Lu}/u.test(word.slice(1)) : /\p{Lu}/u.test(word);
    first = false;
    return capitalAfterFirst && !word.includes('\\') ? brace(word) : word;
  });
}
