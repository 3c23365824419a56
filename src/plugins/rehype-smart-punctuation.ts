import type { Element, Root, Text } from 'hast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { VFile } from 'vfile';
import { CLASSES, hasClass, LITERAL_ELEMENTS, runOf } from './contracts.ts';
import { isNoteRef, proseBlocks } from './hast.ts';

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

/** A word standing in for what is not prose (a citation, code): a quote after it closes. */
const WORD: Text = { type: 'text', value: 'x' };

/**
 * Straight quotes, `--`, `---` and `...` typed in an essay become the
 * typographer's marks, as Pandoc's `smart` extension makes them: "double"
 * in the essay language's own quotation marks (“…” in English, „…“ in
 * German, « … » in French, «…» in Russian, from its CSL locale, which
 * "Cite this essay" and the bibliography use too), 'single' in its inner
 * marks (‘…’, ‚…‘), and an apostrophe as ’ in every language. Code, formulas, citations and the bibliography (which citeproc
 * sets), and a link whose text is its address, are left as they are.
 *
 * It runs after headings have their ids, so that an id is what the
 * heading's typed text gives (`1917--1918` → `#1917--1918`), as on GitHub,
 * and after every message that names a column has been given.
 */
export default function rehypeSmartPunctuation() {
  return (tree: Root, file: VFile) => {
    const marks = quoteMarks(runOf(file).input.csl.locale.xml, runOf(file).input.lang);
    for (const block of proseBlocks(tree, leftAsTyped, WORD)) {
      if (!block.some((text) => text !== WORD && /["'.-]/.test(text.value))) continue;
      // A space first, so that a quote at the block's start is read as opening.
      const read = String(quotes.processSync(` ${block.map((text) => text.value).join('')}`))
        .slice(1)
        // A closing single quote before a letter or a digit is an apostrophe: "l'État", "don't".
        .replace(new RegExp(`${MARKS.closeSingle}(?=[\\p{L}\\p{N}])`, 'gu'), MARKS.apostrophe)
        // So is an opening one before a year's two digits: "the '90s", "in den '90ern", "'33".
        .replace(new RegExp(`${MARKS.openSingle}(?=\\d\\d(?!\\d))`, 'g'), MARKS.apostrophe);
      let at = 0;
      for (const text of block) {
        const piece = read.slice(at, at + text.value.length);
        at += text.value.length;
        if (text === WORD || !/["'.-]/.test(text.value)) continue;
        text.value = String(dashes.processSync(piece)).replace(/[\ue001-\ue005]/g, (mark) => marks[mark]!);
      }
    }
  };
}

/** What keeps its characters as typed or as formatted elsewhere. */
function leftAsTyped(element: Element): boolean {
  if (LITERAL_ELEMENTS.has(element.tagName) || isNoteRef(element)) return true;
  if (hasClass(element, CLASSES.citation) || hasClass(element, CLASSES.bibliography)) return true;
  if (element.tagName !== 'a') return false;
  const text = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  const href = String(element.properties.href ?? '');
  return /^(?:https?:|www\.|mailto:)/i.test(text) || text === href || `mailto:${text}` === href;
}

/**
 * The marks a stand-in becomes: the language's own (its CSL locale's
 * `open-quote`, `close-quote` and their inner pair), except in English,
 * whose authors typed the marks they meant ("double" as “…”, 'single' as
 * ‘…’, whether British style puts single ones first or not). Where a locale
 * gives straight ones (Hebrew, Arabic), they stay straight. An apostrophe
 * is ’ in every language.
 */
function quoteMarks(localeXml: string, lang: string): Record<string, string> {
  const term = (name: string, english: string) =>
    /^en\b/i.test(lang) ? english : decodeXml(new RegExp(`<term name="${name}">([^<]*)</term>`).exec(localeXml)?.[1] ?? '') || english;
  return {
    [MARKS.openDouble]: term('open-quote', '“'),
    [MARKS.closeDouble]: term('close-quote', '”'),
    [MARKS.openSingle]: term('open-inner-quote', '‘'),
    [MARKS.closeSingle]: term('close-inner-quote', '’'),
    [MARKS.apostrophe]: '’',
  };
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([\da-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
