import type { Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { runOf } from './contracts.ts';
import { proseTexts } from './hast.ts';

const NBSP = '\u00a0';

/** Titles and locator labels that an author binds to what follows on purpose ("Mr.\u00a0Smith", "p.\u00a042"). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'mt',
  'prof',
  'sr',
  'jr',
  'p',
  'pp',
  'no',
  'vol',
  'ch',
  'chap',
  'fig',
  'sec',
  'n',
]);

/** Languages whose typography binds a one-letter word to the next ("v\u00a0Praze"). */
const BINDS_SHORT_WORDS = new Set(['cs', 'sk', 'pl']);

/**
 * Whether a no-break space, between `before` (the text up to it) and `after`
 * (the text from just after it), is one the author meant. Kept: beside a digit
 * ("10\u00a0000", "p.\u00a042", "1917\u00a0km"), beside a dash, French spacing
 * before `: ; ? ! » %` or after `«`, after an initial or a title ("J.\u00a0R.",
 * "Dr.\u00a0Zhivago"), a run of them (spacing), and in Czech, Slovak and
 * Polish after a one-letter word. Any other one between words is the
 * WordPress editor's, left where a space was typed.
 */
export function isIntended(before: string, after: string, lang: string): boolean {
  const prev = before.at(-1) ?? '';
  const next = after[0] ?? '';
  if (!prev || !next || prev === NBSP || next === NBSP) return true;
  if (/\p{Nd}/u.test(prev) || /\p{Nd}/u.test(next)) return true;
  if (/[\u2013\u2014\u2212-]/.test(prev + next)) return true;
  if (/[:;?!»›%]/.test(next) || /[«‹]/.test(prev)) return true;
  const word = /([\p{L}]+)\.$/u.exec(before)?.[1];
  if (word && (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) return true;
  if (BINDS_SHORT_WORDS.has(lang.split('-')[0]!.toLowerCase()) && /(?:^|[^\p{L}])\p{L}$/u.test(before)) return true;
  return false;
}

/**
 * Turns the stray no-break spaces that editors leave between words (the
 * WordPress editor types one wherever a space was typed twice) back into
 * spaces, at build time: the essay's source stays as the author wrote it, and
 * its lines break where they should. Only the author's prose is touched (not
 * code, nor what citeproc writes later); the no-break spaces an author means
 * are kept (see `isIntended`, and docs/design.md). Runs before the headings
 * get their ids, so a heading's id is that of its words.
 */
export default function rehypeNormaliseSpaces() {
  return (tree: Root, file: VFile) => {
    const { lang } = runOf(file).input;
    const texts = proseTexts(tree);
    texts.forEach((node: Text, i) => {
      if (!node.value.includes(NBSP)) return;
      const previous = texts[i - 1]?.value ?? '';
      const following = texts[i + 1]?.value ?? '';
      const value = node.value;
      let out = '';
      for (let at = 0; at < value.length; at++) {
        const c = value[at]!;
        if (c !== NBSP) {
          out += c;
          continue;
        }
        const before = previous.slice(-12) + value.slice(0, at);
        const after = value.slice(at + 1) + following.slice(0, 1);
        out += isIntended(before, after, lang) ? NBSP : ' ';
      }
      node.value = out;
    });
  };
}
