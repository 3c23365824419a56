/**
 * Math-mode commands that @retorquere/bibtex-parser does not read, rewritten
 * in a .bib file's text before it parses it. Math papers' titles are full of
 * them (`$\mathbb{R}^n$`, `$O(n \log n)$`), as Zotero and JabRef export them.
 *
 * The parser (9.0.29, the newest) has no option for them: its table of LaTeX
 * (unicode2latex) has `\mathbb{R}`, but it looks it up only for commands it
 * knows to take an argument, and `\mathbb`, `\mathcal`, `\log` or
 * `\operatorname` are not among them, so each reaches the `unsupported` handler
 * and the build stops. Here the alphabets become Unicode's Mathematical
 * Alphanumeric Symbols (https://www.unicode.org/charts/PDF/U1D400.pdf) and the
 * operators their upright words; anything else in math is left to the parser,
 * and an unknown command still stops the build at its line and column.
 *
 * Only inside `$…$`, `$$…$$`, `\(…\)` and `\[…\]`: outside math, as in `url`,
 * `file` and the other verbatim fields, `\log` is text. (The rewriting does not
 * know fields: a verbatim field with `$` on each side of such a command would be
 * rewritten too; no export is known to write one.) The rewritten text is
 * as long as the original where it can be (math mode drops spaces, so a
 * shorter replacement is padded with them), so that the columns of errors
 * after it are still the file's.
 */

/** Where each alphabet's capital A, small a and digit 0 are, with the letters Unicode encoded before the block (its holes). */
interface Alphabet {
  capital: number;
  small: number;
  digit?: number;
  holes?: Record<string, number>;
}

/** Unicode has one script alphabet; \\mathcal and \\mathscr are two designs of it. */
const SCRIPT_HOLES = {
  B: 0x212c,
  E: 0x2130,
  F: 0x2131,
  H: 0x210b,
  I: 0x2110,
  L: 0x2112,
  M: 0x2133,
  R: 0x211b,
  e: 0x212f,
  g: 0x210a,
  o: 0x2134,
};

const ALPHABETS: Record<string, Alphabet> = {
  mathbf: { capital: 0x1d400, small: 0x1d41a, digit: 0x1d7ce },
  mathit: { capital: 0x1d434, small: 0x1d44e, holes: { h: 0x210e } },
  boldsymbol: { capital: 0x1d468, small: 0x1d482 },
  bm: { capital: 0x1d468, small: 0x1d482 },
  mathcal: { capital: 0x1d49c, small: 0x1d4b6, holes: SCRIPT_HOLES },
  mathscr: { capital: 0x1d49c, small: 0x1d4b6, holes: SCRIPT_HOLES },
  mathfrak: { capital: 0x1d504, small: 0x1d51e, holes: { C: 0x212d, H: 0x210c, I: 0x2111, R: 0x211c, Z: 0x2128 } },
  mathbb: {
    capital: 0x1d538,
    small: 0x1d552,
    digit: 0x1d7d8,
    holes: { C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
  },
  mathsf: { capital: 0x1d5a0, small: 0x1d5ba, digit: 0x1d7e2 },
  mathtt: { capital: 0x1d670, small: 0x1d68a, digit: 0x1d7f6 },
};

/** LaTeX's own operator names (fontmath.ltx), printed upright as words. */
const OPERATORS = new Set(
  'arccos arcsin arctan arg cos cosh cot coth csc deg det dim exp gcd hom inf ker lg lim liminf limsup ln log max min Pr sec sin sinh sup tan tanh'.split(
    ' ',
  ),
);

/**
 * Between an operator and a letter, digit or closing bracket beside it, TeX sets a thin space. The parser drops a
 * plain space in math, but keeps this one, as a plain space.
 */
const THIN_SPACE = '\u2009';

/** One letter or digit in an alphabet, or undefined where the alphabet has none (italic digits). */
function styled(char: string, alphabet: Alphabet): string | undefined {
  const hole = alphabet.holes?.[char];
  if (hole !== undefined) return String.fromCodePoint(hole);
  const code = char.charCodeAt(0);
  if (char >= 'A' && char <= 'Z') return String.fromCodePoint(alphabet.capital + code - 0x41);
  if (char >= 'a' && char <= 'z') return String.fromCodePoint(alphabet.small + code - 0x61);
  if (char >= '0' && char <= '9' && alphabet.digit !== undefined) return String.fromCodePoint(alphabet.digit + code - 0x30);
  return undefined;
}

/**
 * `\mathbb{R}`, `\mathbb R`, `\mathbf{xy}`, `\operatorname{Var}`, `\operatorname*{argmax}`, `\log` (`\lim\limits`), with the spaces
 * around it and the sub- and superscripts after it (`\lim_{n\to\infty}`, `\sin^2`), which stay for the parser.
 */
const COMMAND =
  /([ \t]*)\\(?:(mathbf|mathit|boldsymbol|bm|mathcal|mathscr|mathfrak|mathbb|mathsf|mathtt)(?:\s*\{([A-Za-z0-9 ]+)\}|\s+([A-Za-z0-9]))|operatorname\*?\s*\{([A-Za-z]+)\}|([A-Za-z]+)(?![A-Za-z])(?:\s*\\(?:no)?limits(?![A-Za-z]))?)((?:\s*[_^]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[^\s{}\\]))*)([ \t]*)/g;

const LIMITS = /\s*\\(?:no)?limits(?![A-Za-z])/;

/**
 * TeX's spacing the parser does not read, with `\\` (a line break) skipped: a control space `\ ` and a tie `~` are a
 * space, which the parser keeps as one where it drops a plain space in math; `\!` (a negative thin space) is nothing;
 * `\colon` is a colon with the space TeX sets after it (`$f\colon X \to Y$`).
 */
const SPACING = /\\\\|\\ |~|\\!|\\colon(?![A-Za-z])/g;

const SPACED: Record<string, string> = { '\\ ': '\u00a0', '~': '\u00a0', '\\!': '', '\\colon': `:${THIN_SPACE}` };

/** The commands above rewritten in one math span's content. */
function mathSpan(math: string): string {
  return math
    .replace(SPACING, (whole) => (SPACED[whole] ?? whole).padEnd(whole.length, ' '))
    .replace(
      COMMAND,
      (whole, before: string, alphabet?: string, group?: string, single?: string, named?: string, word?: string, ...rest: unknown[]) => {
        const [scripts, after, offset] = rest as [string, string, number];
        let replacement: string;
        if (alphabet !== undefined) {
          const letters = [...(group ?? single ?? '').replaceAll(' ', '')].map((c) => styled(c, ALPHABETS[alphabet]!) ?? c);
          replacement = before + letters.join('') + scripts + after;
        } else {
          const name = named ?? word!;
          // `\lim\limits_{n}`, `\sum\limits_{i}` move the script only in display math, which a title is not.
          if (name === 'limits' || name === 'nolimits') replacement = before + scripts + after;
          else if (named === undefined && !OPERATORS.has(name)) replacement = whole.replace(LIMITS, '');
          else replacement = operator(name + scripts.trim(), math.slice(0, offset), math.slice(offset + whole.length));
        }
        // Never longer than the command, so that a later error on its line keeps its column: thin spaces give way first.
        if (replacement.length > whole.length) replacement = replacement.replace(new RegExp(THIN_SPACE, 'g'), '');
        return replacement.padEnd(whole.length, ' ');
      },
    );
}

/** An operator's word (and scripts), with TeX's thin space on each side where a letter, digit or command stands beside it. */
function operator(word: string, preceding: string, following: string): string {
  const spaceBefore = /[\p{L}\p{N})\]]\s*$/u.test(preceding) ? THIN_SPACE : '';
  const spaceAfter = /^\s*(?:[\p{L}\p{N}]|\\[A-Za-z])/u.test(following) ? THIN_SPACE : '';
  return spaceBefore + word + spaceAfter;
}

/** Math spans, skipping `\$`; a span ends at a blank line or an entry's head, so that a stray `$` spoils no more than its entry. */
const MATH =
  /\\\$|\$\$((?:\\[^]|(?!\n\s*\n|\n\s*@)[^$\\])*)\$\$|\$((?:\\[^]|(?!\n\s*\n|\n\s*@)[^$\\])+)\$|\\\(([^]*?)\\\)|\\\[([^]*?)\\\]/g;

/** The .bib text with the math commands the parser lacks rewritten as Unicode, in math only. */
export function mathToUnicode(text: string): string {
  return text.replace(MATH, (whole: string, display?: string, inline?: string, paren?: string, bracket?: string) => {
    const math = display ?? inline ?? paren ?? bracket;
    if (math === undefined) return whole;
    const start = whole.indexOf(math);
    return whole.slice(0, start) + mathSpan(math) + whole.slice(start + math.length);
  });
}
