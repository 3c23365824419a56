import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import temml from 'temml';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { EssayError, type Place } from '../lib/essay-error.ts';
import { CLASSES, type EssayRun, hasClass, runOf } from './contracts.ts';
import { element } from './hast.ts';
import { placeAt, sourceOf } from './source.ts';

/**
 * Renders the essay's TeX (remark-math's `<code class="language-math …">`)
 * to MathML at build time, with Temml, for browsers to draw natively: no
 * script, no web font, no request. Display math becomes
 * `<div class="equation">` (with the label as its id; rehype-crossrefs
 * numbers it), inline math a `<math>` in the text.
 *
 * Temml rather than KaTeX's `output: 'mathml'`: Temml writes MathML Core,
 * what Chromium (109+) draws, where KaTeX's MathML is meant as a screen
 * reader's companion to its HTML and relies on what Chromium does not draw
 * (`mathvariant` for ℝ and 𝓛, `columnalign` in aligned equations, `menclose`).
 *
 * Formulas carry their TeX as an annotation (MathML's own text alternative)
 * and are left out of the search index, which would otherwise hold their
 * markup as words. Temml writes a few inline styles, which the CSP blocks:
 * they are removed, and the author is warned of any that carried meaning
 * (`\color`, `\boxed`). A TeX error stops the build at its line and column.
 * As in LaTeX, `\newcommand` holds within its formula and `\gdef` for the
 * rest of the essay.
 */
export default function rehypeMath() {
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    const macros: Record<string, unknown> = {};
    const formulas: { code: Element; block: Element | undefined; parent: Element | Root }[] = [];
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (node.tagName !== 'code' || !hasClass(node, 'language-math')) return;
      if (!hasClass(node, 'math-inline') && !hasClass(node, 'math-display')) return;
      const parent = ancestors.at(-1) as Element | Root;
      const block = parent.type === 'element' && parent.tagName === 'pre' ? parent : undefined;
      formulas.push({ code: node, block, parent: block ? (ancestors.at(-2) as Element | Root) : parent });
    });
    for (const { code, block, parent } of formulas) {
      const tex = toString(code);
      const display = block !== undefined || hasClass(code, 'math-display');
      const at = block ?? code;
      const math = render(tex, display, macros, at, file, run);
      // A formula that is not TeX stops the build; in a labelled equation, its TeX stands in, so that
      // the label and the references to it are not reported as wrong too.
      if (!math && !(block && typeof block.properties.id === 'string')) continue;
      if (block) {
        const { id, className } = block.properties;
        const classes = Array.isArray(className) ? className.map(String) : [];
        const equation = element(
          'div',
          // Focusable, since a formula wider than the column scrolls (math.css): a keyboard scrolls it too.
          { ...(typeof id === 'string' ? { id } : {}), className: [CLASSES.equation, ...classes], dataPagefindIgnore: '', tabIndex: 0 },
          [math ?? code],
        );
        equation.position = block.position;
        parent.children.splice(parent.children.indexOf(block), 1, equation);
      } else if (math) {
        math.properties.dataPagefindIgnore = '';
        parent.children.splice(parent.children.indexOf(code), 1, math);
      }
    }
    run.output.math = formulas.length > 0;
  };
}

/**
 * Inline styles Temml writes that say nothing the browser's own MathML styles
 * do not, or too little to warn of: a matrix's or a case's column padding
 * (MathML Core pads every cell already), and the stray `true` and `false`
 * Temml writes for some constructs.
 */
const HARMLESS = /^(?:display:\s*block math|padding(?:-(?:left|right|top|bottom))?:\s*[\d.]+(?:em|pt|ex)?|math-depth:\s*0|true|false)$/;

/** What the styles the site cannot keep would have drawn, by property, for the warning: each said once. */
const LOST_DRAWING: [RegExp, string][] = [
  [/^(?:color|background)/, '\\color and \\colorbox draw no colour'],
  [/^border/, '\\boxed and \\fbox draw no box'],
  [/^width/, '\\tag stands beside the formula, not at the margin (number it with a {#eq-…} label instead)'],
];

/**
 * Environments Temml numbers itself, by counters of its own: they are given
 * their unnumbered form, since an equation is numbered by its `{#eq-…}`
 * label, in the essay's one count. `\tag{…}` still tags.
 */
const NUMBERED = /\\(begin|end)\{(equation|align|alignat|gather|multline)\}/g;

/** The TeX with Temml's numbered environments unnumbered, and a map from its offsets back to the author's. */
function unnumbered(tex: string): { tex: string; written: (offset: number) => number } {
  const stars: number[] = [];
  const out = tex.replace(NUMBERED, (whole: string, edge: string, name: string, at: number) => {
    stars.push(at + whole.length - 1 + stars.length);
    return `\\${edge}{${name}*}`;
  });
  return { tex: out, written: (offset) => offset - stars.filter((star) => star < offset).length };
}

function render(
  tex: string,
  display: boolean,
  macros: Record<string, unknown>,
  at: Element,
  file: VFile,
  run: EssayRun,
): Element | undefined {
  let markup: string;
  const rendered = unnumbered(tex);
  try {
    markup = temml.renderToString(rendered.tex, {
      displayMode: display,
      annotate: true,
      throwOnError: true,
      strict: false,
      trust: false,
      macros,
    });
  } catch (error) {
    if ((error as Error).name !== 'ParseError') throw error;
    const { message, position } = error as Error & { position?: number };
    const reason = message.trim().replace(/ at (?:end of input|position \d+):[\s\S]*$/, '');
    run.problems.push(
      new EssayError(
        texPlace(file, at, tex, position === undefined ? undefined : rendered.written(position)),
        `the formula ${quoted(tex)} is not TeX this site can render: ${reason}.`,
      ),
    );
    return undefined;
  }
  const label = /\\label\{([^}]*)\}/.exec(tex);
  if (label) {
    run.warnings.push(
      new EssayError(
        texPlace(file, at, tex, label.index),
        `\\label{${label[1]}} numbers nothing here: label the equation with {#eq-…} after its closing $$, and refer to it as @eq-…, as in Quarto.`,
      ),
    );
  }
  const math = fromHtml(markup, { fragment: true }).children.find((c): c is Element => c.type === 'element' && c.tagName === 'math');
  if (!math) throw new Error(`Temml returned no <math> for ${tex}`);
  const lost = new Set<string>();
  visit(math, 'element', (node: Element) => {
    const style = node.properties.style;
    if (typeof style !== 'string') return;
    delete node.properties.style;
    for (const declaration of style
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean))
      if (!HARMLESS.test(declaration)) lost.add(declaration);
  });
  if (lost.size > 0) {
    const drawn = LOST_DRAWING.filter(([property]) => [...lost].some((d) => property.test(d))).map(([, what]) => what);
    run.warnings.push(
      new EssayError(
        texPlace(file, at, tex, undefined),
        `the formula ${quoted(tex)} is shown without the styles ${[...lost].join('; ')}: the site's Content-Security-Policy allows no inline styles${drawn.length > 0 ? `, so ${drawn.join(', and ')}` : ''}.`,
      ),
    );
  }
  const existing = Array.isArray(math.properties.className) ? math.properties.className : [];
  math.properties.className = [CLASSES.math, display ? CLASSES.mathDisplay : CLASSES.mathInline, ...existing];
  return math;
}

/** Where a character of a formula's TeX was written: line and column when the TeX is as written, else its line. */
function texPlace(file: VFile, at: Element, tex: string, position: number | undefined): Place {
  const start = at.position?.start;
  if (start?.offset === undefined) return { file: file.path };
  const index = sourceOf(file, at).indexOf(tex);
  if (index !== -1) return placeAt(file, start.offset + index + (position ?? 0));
  const lines = tex.slice(0, position ?? 0).split('\n').length - 1;
  return { file: file.path, line: start.line + 1 + lines };
}

function quoted(tex: string): string {
  const flat = tex.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}”`;
}
