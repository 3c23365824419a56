import { asciiDigit, markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

/**
 * Inline math that holds an escaped dollar, as Pandoc reads it: `$\$5$` is
 * the formula `\$5` (a dollar sign and 5), and `$x + \$y$` is one formula.
 * remark-math's construct (micromark-extension-math's math-text) reads math as
 * Markdown reads code, where a backslash escapes nothing, so it ended the
 * formula at the `\$` and the rest fell out as text (the maintainers keep it
 * so: micromark/micromark-extension-math#7).
 *
 * This construct is tried before remark-math's, for a single `$` only, and
 * only takes math in which a `\$` occurs; everything else, and every rule for
 * `$$`, stays remark-math's. It follows Pandoc's rules, as remark-math.ts
 * checks them for remark-math's formulas: a non-space after the opening `$`,
 * a non-space before the closing one and no digit after it; a `$` after a
 * space is no formula's end, nor part of one. It produces
 * remark-math's tokens, so mdast-util-math makes the same `inlineMath` node.
 */
export function mathTextEscapes(): Extension {
  return { text: { [codes.dollarSign]: construct } };
}

// The token names are remark-math's; micromark's types list only its own.
type Name = Parameters<Effects['enter']>[0];
const T = { text: 'mathText' as Name, sequence: 'mathTextSequence' as Name, data: 'mathTextData' as Name };

const construct: Construct = { name: 'mathTextEscapes', tokenize, previous };

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let escapedDollar = false;
  let afterSpace = false;
  return start;

  function start(code: Code): State | undefined {
    effects.enter(T.text);
    effects.enter(T.sequence);
    effects.consume(code);
    effects.exit(T.sequence);
    return opened;
  }

  function opened(code: Code): State | undefined {
    // `$$` is remark-math's; a space after the opening `$` is no math in Pandoc.
    if (code === codes.eof || code === codes.dollarSign || markdownSpace(code) || markdownLineEnding(code)) return nok(code);
    effects.enter(T.data);
    return data(code);
  }

  function data(code: Code): State | undefined {
    // A space before a `$` ends no formula in Pandoc, and none goes on past it: `$20 and $30` is text.
    if (code === codes.eof || (code === codes.dollarSign && afterSpace)) return nok(code);
    if (code === codes.dollarSign) {
      effects.exit(T.data);
      effects.enter(T.sequence);
      effects.consume(code);
      return closing;
    }
    afterSpace = markdownSpace(code) || markdownLineEnding(code);
    effects.consume(code);
    return code === codes.backslash ? escaped : data;
  }

  /** After a backslash: the character it escapes is the formula's, a `$` too. */
  function escaped(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return data(code);
    escapedDollar ||= code === codes.dollarSign;
    afterSpace = false;
    effects.consume(code);
    return data;
  }

  function closing(code: Code): State | undefined {
    // `$a$5` and `$a$$` do not close there (Pandoc); and math with no `\$` in it is remark-math's.
    if (code === codes.dollarSign || asciiDigit(code) || !escapedDollar) return nok(code);
    effects.exit(T.sequence);
    effects.exit(T.text);
    return ok(code);
  }
}

/** Not after another `$` (that is `$$`), unless it was escaped; as remark-math's construct. */
function previous(this: TokenizeContext, code: Code): boolean {
  return code !== codes.dollarSign || this.events[this.events.length - 1]?.[1].type === types.characterEscape;
}
