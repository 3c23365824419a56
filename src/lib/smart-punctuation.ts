import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { localeTerm } from './csl-terms.ts';

/**
 * Stand-ins for the four quotation marks, one character each (from the
 * Private Use Area, which no essay's text means), so that text keeps its
 * length until every mark is known.
 */
const MARKS = { openDouble: '\ue001', closeDouble: '\ue002', openSingle: '\ue003', closeSingle: '\ue004', apostrophe: '\ue005' } as const;

/** Finds which straight quotes open and which close, reading a block's text as one (a quote may close after an `<em>`). */
const quotes = retext().use(retextSmartypants, {
  quotes: true,
  dashes: false,
  ellipses: false,
  backticks: false,
  openingQuotes: { double: MARKS.openDouble, single: MARKS.openSingle },
  closingQuotes: { double: MARKS.closeDouble, single: MARKS.closeSingle },
});

/** `--` is an en dash and `---` an em dash, as Pandoc reads them (`10--12`, `war---and peace`), and `...` an ellipsis. */
const dashes = retext().use(retextSmartypants, { quotes: false, dashes: 'oldschool', ellipses: true, backticks: false });

/** A piece of text to set, in a run read as one (a paragraph's text nodes, a title's). */
export interface Piece {
  value: string;
}

/**
 * Sets straight quotes, `--`, `---` and `...` in a run of pieces as the
 * typographer's marks, in place. Pieces in `asides` stand for what is not
 * prose (code, a citation): read as a word, left as they are.
 */
export function smarten(pieces: readonly Piece[], marks: Record<string, string>, asides: ReadonlySet<Piece> = new Set()): void {
  const joined = pieces.map((piece) => piece.value).join('');
  // Each pass only where it has work (a 2 MB essay is mostly neither), and no stand-in where the text has its character already.
  const hasQuotes = /["']/.test(joined) && !STAND_INS.test(joined);
  if (!hasQuotes && !DASHES.test(joined)) return;
  // Where the language's marks hold their own spaces (French « … »), a space typed inside a straight quote
  // (`" Bonjour "`) is moved outside it, so that the quote is read as opening or closing (a quote before a space
  // reads as closing); the spaces are made one again below. The text keeps its length.
  const spaced = hasQuotes && (marks[MARKS.openDouble]!.endsWith('\u00a0') || marks[MARKS.closeDouble]!.startsWith('\u00a0'));
  const typed = spaced ? spacesOutside(joined) : joined;
  // A space first, so that a quote at the run's start is read as opening.
  const read = hasQuotes
    ? String(quotes.processSync(` ${typed}`))
        .slice(1)
        // A closing single quote before a letter or a digit is an apostrophe: "l'État", "don't".
        .replace(new RegExp(`${MARKS.closeSingle}(?=[\\p{L}\\p{N}])`, 'gu'), MARKS.apostrophe)
        // An opening one right after a letter is one too, before a quotation: "l'"insurrection"", "sull'"uso"".
        .replace(new RegExp(`(?<=[\\p{L}\\p{M}])${MARKS.openSingle}`, 'gu'), MARKS.apostrophe)
        // So is an opening one before a year's two digits: "the '90s", "in den '90ern", "'33".
        .replace(new RegExp(`${MARKS.openSingle}(?=\\d\\d(?!\\d))`, 'g'), MARKS.apostrophe)
        // And one that opens an elision, not a quotation: "'Tis", "'em", "Rock 'n' Roll".
        .replace(new RegExp(`${MARKS.openSingle}(?=(?:tis|twas|em|til|cause)\\b)`, 'giu'), MARKS.apostrophe)
        .replace(
          new RegExp(`${MARKS.openSingle}n[${MARKS.closeSingle}${MARKS.apostrophe}](?=\\s)`, 'g'),
          `${MARKS.apostrophe}n${MARKS.apostrophe}`,
        )
    : joined;
  const balanced = hasQuotes ? apostrophesUnopened(read, marks[MARKS.openSingle]!) : read;
  let at = 0;
  for (const piece of pieces) {
    let part = balanced.slice(at, at + piece.value.length);
    at += piece.value.length;
    if (asides.has(piece) || (part === piece.value && !DASHES.test(part))) continue;
    // Four dots are an ellipsis and a full stop ("Four…."), where the ellipsis would take all four.
    if (DASHES.test(part)) part = String(dashes.processSync(part.replace(/(?<!\.)\.{4}(?!\.)/g, '\u2026.')));
    // The spaces moved outside a quote whose marks hold their own are one space again.
    if (spaced)
      part = part
        .replace(new RegExp(`[ \\u00a0]+(?=${MARKS.openDouble})`, 'g'), ' ')
        .replace(new RegExp(`(?<=${MARKS.closeDouble})[ \\u00a0]+`, 'g'), ' ');
    piece.value = part.replace(STAND_INS_ALL, (mark) => marks[mark]!);
  }
}

/**
 * A closing single quote that no opening one comes before is an apostrophe:
 * "l'« insurrection »", "the students' books". Where the inner marks are
 * not ’ (French “ ”, German ‚ ‘), it would have been set as one.
 */
function apostrophesUnopened(text: string, opening: string): string {
  // An opening inner mark the author typed opens a quotation too (German "(‚so')"), unless it is ’ itself.
  const typed = opening !== '’' && opening !== "'" ? opening : MARKS.openSingle;
  let open = 0;
  let out = '';
  for (const char of text) {
    if (char === MARKS.openSingle || char === typed) open += 1;
    else if (char === MARKS.closeSingle) {
      if (open === 0) {
        out += MARKS.apostrophe;
        continue;
      }
      open -= 1;
    }
    out += char;
  }
  return out;
}

/**
 * Moves the spaces typed inside straight double quotes outside them, the
 * quotes taken in pairs, in order (`" Bonjour "` is `  "Bonjour"  `): the
 * text keeps its length.
 */
function spacesOutside(text: string): string {
  let open = false;
  return text.replace(/([ \u00a0]*)"([ \u00a0]*)/g, (match, before: string, after: string) => {
    open = !open;
    return open ? `${before}${after}"` : `"${before}${after}`;
  });
}

/** `--`, `---`, and `...` with or without spaces: what the dashes pass sets. */
const DASHES = /--|\.\s?\.\s?\./;
const STAND_INS = /[\ue001-\ue005]/;
const STAND_INS_ALL = /[\ue001-\ue005]/g;

/** A line of plain text (a description) as `smarten` sets it. */
export function smartened(text: string, marks: Record<string, string>): string {
  const piece = { value: text };
  smarten([piece], marks);
  return piece.value;
}

/**
 * Quotation marks where a language's CSL locale gives none fit for prose:
 * Chinese and Japanese quote without spaces, which the rules that tell an
 * opening quote from a closing one need, so their quotes stay as typed (and
 * zh-CN's locale gives 《》, which mark a book's title). (Greek's, Persian's
 * and Lithuanian's locales are mended as they are read, src/loader/csl.ts,
 * for citations and prose alike.)
 */
const OWN_MARKS: Record<string, 'as typed'> = {
  zh: 'as typed',
  ja: 'as typed',
};

/**
 * The marks a stand-in becomes: the language's own (its CSL locale's
 * `open-quote`, `close-quote` and their inner pair, or OWN_MARKS), except in
 * English, whose authors typed the marks they meant ("double" as “…”,
 * 'single' as ‘…’, whether British style puts single ones first or not).
 * Where a locale gives straight ones (Hebrew, Arabic), quotes and
 * apostrophes stay straight (a Hebrew geresh is typed as one); elsewhere an
 * apostrophe is ’.
 */
export function quoteMarks(localeXml: string, lang: string): Record<string, string> {
  const language = lang.split('-')[0]!.toLowerCase();
  const term = (name: string) => localeTerm(localeXml, name);
  const [openDouble, closeDouble, openSingle, closeSingle] =
    OWN_MARKS[language] === 'as typed'
      ? ['"', '"', "'", "'"]
      : language === 'en'
        ? ['“', '”', '‘', '’']
        : [term('open-quote') || '“', term('close-quote') || '”', term('open-inner-quote') || '‘', term('close-inner-quote') || '’'];
  return {
    [MARKS.openDouble]: openDouble,
    [MARKS.closeDouble]: closeDouble,
    [MARKS.openSingle]: openSingle,
    [MARKS.closeSingle]: closeSingle,
    [MARKS.apostrophe]: closeSingle === "'" ? "'" : '’',
  };
}
