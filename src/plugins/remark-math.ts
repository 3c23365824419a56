import type { Element } from 'hast';
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import upstreamRemarkMath from 'remark-math';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
// Declare `data.hName`, `hProperties` and `hChildren` on mdast nodes (how remark-rehype is told what to make).
import type {} from 'mdast-util-to-hast';
// Declares the processor's `micromarkExtensions`.
import type {} from 'remark-parse';
import { looksLikeAttributes, parseAttributes } from '../lib/attributes.ts';
import { EssayError } from '../lib/essay-error.ts';
import { runOf } from './contracts.ts';
import { checkAttributes } from './labels.ts';
import { mathFenceAttributes } from './math-fence.ts';
import { mathTextEscapes } from './math-text-escapes.ts';
import { placeAt, sourceOf, sourceText } from './source.ts';

/**
 * TeX math as Pandoc reads it and Quarto labels it, parsed by remark-math
 * (rendered later, by rehype-math):
 *
 * - `$…$` is inline math only on Pandoc's terms: the opening `$` has a
 *   non-space on its right, the closing one a non-space on its left and no
 *   digit after it, so "$20,000 and $30,000" stays text; a `\$` inside is the
 *   formula's dollar sign (`$\$5$`, math-text-escapes.ts), not its end;
 * - `$$…$$` is display math wherever it is written; alone in its paragraph
 *   it is a display block, like one fenced by `$$` lines;
 * - a display equation is labelled by attributes after it, on the closing
 *   fence (`$$ {#eq-growth}`) or after the closing `$$` (`$$ x $$ {#eq-growth}`);
 *   the label becomes its id (remark-math gives it to the `<pre>` it makes).
 */
export default function remarkMath(this: Processor) {
  upstreamRemarkMath.call(this as never);
  const data = this.data();
  // After remark-math's own extension, so that it is tried first (micromark puts later constructs before earlier ones).
  (data.micromarkExtensions ??= []).push(mathFenceAttributes(), mathTextEscapes());

  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    const source = sourceText(file);

    visit(tree, 'inlineMath', (node: InlineMath, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      const written = sourceOf(file, node);
      const dollars = written.match(/^\$+/)?.[0].length ?? 1;
      if (dollars === 1 && !pandocInline(written, source[node.position?.end.offset ?? 0])) {
        // As Markdown text: its backslash escapes (`\$`) are the characters they escape.
        const value = written.replace(/\\([!-/:-@[-`{-~])/g, '$1');
        const text: Text = { type: 'text', value, ...(node.position ? { position: node.position } : {}) };
        parent.children.splice(index, 1, text);
        return [SKIP, index + 1];
      }
      if (dollars >= 2) (node.data ??= {}).hProperties = { className: ['language-math', 'math-display'] };
      return undefined;
    });

    visit(tree, (node, index, parent) => {
      if (node.type === 'math') {
        labelFence(node, file, run);
        return SKIP;
      }
      if (node.type !== 'paragraph' || parent === undefined || index === undefined) return undefined;
      const block = displayBlock(node, file, run);
      if (block) parent.children.splice(index, 1, block as RootContent as (typeof parent.children)[number]);
      return SKIP;
    });
  };
}

/** Pandoc's rule for `$…$`: no space just inside either dollar, no digit just after the closing one. */
export function pandocInline(written: string, after: string | undefined): boolean {
  return /^\$\S/.test(written) && /\S\$$/.test(written) && !/\d/.test(after ?? '');
}

/** A paragraph holding only `$$…$$` (and its attributes) as a display block; undefined for any other paragraph. */
function displayBlock(paragraph: Paragraph, file: VFile, run: ReturnType<typeof runOf>): Math | undefined {
  const children = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const [first, second, ...rest] = children;
  if (first?.type !== 'inlineMath' || rest.length > 0 || !isDisplay(first)) return undefined;
  if (second !== undefined && !(second.type === 'text' && looksLikeAttributes(second.value))) return undefined;
  const math = mathBlock(first.value, paragraph);
  if (second) applyAttributes(math, (second as Text).value.trim(), second, file, run);
  return math;
}

function isDisplay(node: PhrasingContent): boolean {
  const classes = (node.data?.hProperties as { className?: string[] } | undefined)?.className;
  return Array.isArray(classes) && classes.includes('math-display');
}

/** A display math block as remark-math makes one (`<pre><code class="language-math math-display">`). */
function mathBlock(value: string, from: Paragraph): Math {
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: { className: ['language-math', 'math-display'] },
    children: [{ type: 'text', value }],
  };
  return { type: 'math', value, meta: null, position: from.position, data: { hName: 'pre', hChildren: [code] } };
}

/** Attributes on a display block's closing fence (`$$ {#eq-growth}`), which the fence construct let through. */
function labelFence(node: Math, file: VFile, run: ReturnType<typeof runOf>): void {
  const end = node.position?.end;
  if (end?.offset === undefined) return;
  const source = sourceText(file);
  const line = source.slice(source.lastIndexOf('\n', end.offset - 1) + 1, end.offset);
  const match = line.match(/^\s*\$\$+\s*(\{.*\})\s*$/);
  if (!match) return;
  const offset = end.offset - line.length + line.indexOf('{');
  applyAttributes(node, match[1]!, undefined, file, run, offset);
}

function applyAttributes(
  math: Math,
  block: string,
  node: Text | undefined,
  file: VFile,
  run: ReturnType<typeof runOf>,
  offset = (node?.position?.start.offset ?? 0) + (node?.value.indexOf('{') ?? 0),
): void {
  const place = placeAt(file, offset);
  const attributes = parseAttributes(block);
  if (!attributes) {
    run.problems.push(new EssayError(place, `${block} after the equation is not an attribute block; write its label as {#eq-name}.`));
    return;
  }
  const checked = checkAttributes(attributes, 'eq', block, place, run);
  const properties: Record<string, unknown> = {};
  if (checked.id !== undefined) properties.id = checked.id;
  if (checked.classes.length > 0) properties.className = checked.classes;
  (math.data ??= {}).hProperties = properties as never;
}
