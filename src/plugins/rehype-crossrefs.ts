import type { Element, ElementContent, Parents, Root, Text } from 'hast';
import { CONTINUE, EXIT, SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { inDigits } from '../lib/digits.ts';
import { EssayError, formatPlace, type Place } from '../lib/essay-error.ts';
import { type CitationMarker, findCitations, locatorTerms } from '../lib/pandoc-citations.ts';
import { closest } from '../lib/suggest.ts';
import {
  CLASSES,
  type CrossrefTarget,
  type EssayRun,
  hasClass,
  IDS,
  LABEL_PREFIXES,
  type LabelKind,
  labelKind,
  LITERAL_ELEMENTS,
  runOf,
} from './contracts.ts';
import { element, headingName, headingText, readingText, text, textBefore } from './hast.ts';
import { type Piece, placeOfText, replaceMarkers, slice } from './markers.ts';

/**
 * Quarto's cross-references: labelled figures, tables, equations and
 * sections are numbered in reading order (sections by their place among the
 * essay's `##` headings, subsections as "4.2"), their captions start with
 * "Figure 1: " and equations end with "(3)", and `@fig-map`, `[-@fig-map]`
 * and `[@fig-a; @fig-b]` become links to them: "Figure 1", "1", "Figures 1
 * and 2", in the essay's language.
 *
 * References are found with the citations' own tokenizer (findCitations),
 * so that both read `@` the same way, and this plugin runs first, leaving
 * rehype-citations only citations. A key is a label when it has one of
 * Quarto's prefixes (`fig-`, `tbl-`, `eq-`, `sec-`) and is not a key of the
 * bibliography; a label that names nothing, a label given twice, a key that is
 * both a label and a work, and a group mixing the two are the author's to fix.
 */
export default function rehypeCrossrefs() {
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    moveTableCaptions(tree);
    checkDuplicates(tree, file, run);
    const targets = numberTargets(tree, file, run);
    const keys = new Set(run.input.bibliography?.keys ?? []);
    const made = new Set<Element>();
    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'element' && node.type !== 'root') return undefined;
      if (node.type === 'element' && (LITERAL_ELEMENTS.has(node.tagName) || made.has(node))) return SKIP;
      if (node.type === 'element' && node.tagName === 'a') {
        reportInLink(node, file, run, keys);
        return SKIP;
      }
      for (const created of replaceReferences(node, textBefore(node, ancestors), targets, keys, file, run)) made.add(created);
      return undefined;
    });
    run.output.targets = [...targets.values()];
    run.output.figures = hasFigures(tree);
  };
}

const FIGURE_ELEMENTS = new Set(['figure', 'table', 'img', 'pre']);

/** Whether the essay shows a figure, a table, an image or a code block (the page then loads src/styles/figures.css). */
function hasFigures(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (!FIGURE_ELEMENTS.has(node.tagName)) return CONTINUE;
    found = true;
    return EXIT;
  });
  return found;
}

/** remark-attributes leaves a table's caption line beside its table: it becomes the table's `<caption>`. */
function moveTableCaptions(tree: Root): void {
  const moves: { parent: Parents; caption: Element; table: Element }[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'p' || !hasClass(node, CLASSES.tableCaption) || parent === undefined || index === undefined) return;
    const siblings = (parent.children as ElementContent[]).filter((c): c is Element => c.type === 'element');
    const at = siblings.indexOf(node);
    const table = siblings[hasClass(node, CLASSES.tableCaptionAbove) ? at + 1 : at - 1];
    if (table?.tagName === 'table') moves.push({ parent, caption: node, table });
  });
  for (const { parent, caption, table } of moves) {
    parent.children.splice(parent.children.indexOf(caption), 1);
    const { className: _, ...properties } = caption.properties;
    table.children.unshift(element('caption', properties, caption.children));
  }
}

/** A label, or a heading's id, written twice: links to either would go to the first. */
function checkDuplicates(tree: Root, file: VFile, run: EssayRun): void {
  const first = new Map<string, Element>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id !== 'string' || (labelKind(id) === undefined && !/^h[1-6]$/.test(node.tagName))) return;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, node);
      return;
    }
    const line = earlier.position?.start.line;
    const where = line === undefined ? '' : ` (first on line ${line})`;
    run.problems.push(
      new EssayError(
        placeOfNode(node, file),
        labelKind(id)
          ? `duplicate label #${id}${where}: each figure, table, equation and section needs its own label.`
          : `duplicate id #${id}${where}: give each heading its own id.`,
      ),
    );
  });
}

/** What each label's element must be, and how to write one. */
const ELEMENT: Record<LabelKind, { is: (node: Element) => boolean; example: string }> = {
  fig: { is: (node) => node.tagName === 'figure', example: '![A caption](image.png){#fig-name}' },
  tbl: { is: (node) => node.tagName === 'table', example: 'a caption line after the table: `: A caption {#tbl-name}`' },
  eq: { is: (node) => hasClass(node, CLASSES.equation), example: '$$ … $$ {#eq-name}' },
  sec: { is: (node) => /^h[2-6]$/.test(node.tagName), example: '## A heading {#sec-name}' },
};

/** Numbers every labelled element in reading order, and writes its number into its caption or beside it. */
function numberTargets(tree: Root, file: VFile, run: EssayRun): Map<string, CrossrefTarget> {
  const { strings, lang } = run.input;
  const targets = new Map<string, CrossrefTarget>();
  const counts: Record<Exclude<LabelKind, 'sec'>, number> = { fig: 0, tbl: 0, eq: 0 };
  const levels = [0, 0, 0, 0, 0];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'section' && 'dataFootnotes' in node.properties && !hasLabels(node)) return SKIP;
    const level = /^h([2-6])$/.exec(node.tagName)?.[1];
    if (level !== undefined && node.properties.id !== IDS.notes) {
      const depth = Number(level) - 2;
      levels[depth]! += 1;
      levels.fill(0, depth + 1);
    }
    const id = node.properties.id;
    const kind = typeof id === 'string' ? labelKind(id) : undefined;
    if (kind === undefined || typeof id !== 'string' || targets.has(id)) return undefined;
    if (!ELEMENT[kind].is(node)) {
      run.problems.push(
        new EssayError(
          placeOfNode(node, file),
          `the id #${id} is on a <${node.tagName}>, but ${kind}- labels name ${LABEL_PREFIXES[kind]}s; write ${ELEMENT[kind].example}.`,
        ),
      );
      return undefined;
    }
    if (kind === 'sec') {
      const depth = Number(level) - 2;
      targets.set(id, { id, kind, number: inDigits(lang, levels.slice(0, depth + 1).join('.')), caption: headingName(node) });
      return undefined;
    }
    counts[kind] += 1;
    const number = inDigits(lang, counts[kind]);
    if (kind === 'eq') {
      node.children.push(element('span', { className: [CLASSES.equationNumber] }, [text(strings.equationNumber(number))]));
      targets.set(id, { id, kind, number, caption: '' });
      return SKIP;
    }
    const caption = node.children.find(
      (c): c is Element => c.type === 'element' && c.tagName === (kind === 'fig' ? 'figcaption' : 'caption'),
    );
    if (!caption) {
      run.problems.push(
        new EssayError(placeOfNode(node, file), `the ${LABEL_PREFIXES[kind]} #${id} has no caption; write ${ELEMENT[kind].example}.`),
      );
      return SKIP;
    }
    const words = headingText(caption);
    caption.children.unshift(
      element('span', { className: [CLASSES.captionLabel] }, [text(`${strings.crossref[kind].one} ${number}`)]),
      text(strings.captionSeparator),
    );
    targets.set(id, { id, kind, number, caption: words });
    return undefined;
  });
  return targets;
}

/** The notes section is numbered with the rest only if a note holds a labelled element (a figure in a note). */
function hasLabels(section: Element): boolean {
  let found = false;
  visit(section, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string' && labelKind(node.properties.id) !== undefined) found = true;
  });
  return found;
}

/** Whether a key is a label (Quarto's prefix, and not a work the bibliography has under that key). */
function isLabel(key: string, targets: Map<string, CrossrefTarget>, keys: Set<string>): boolean {
  return labelKind(key) !== undefined && (targets.has(key) || !keys.has(key));
}

/** Replaces the cross-references among a parent's children with links; returns the elements it made. `lead`: its block's text before it. */
function replaceReferences(
  parent: Parents,
  lead: string,
  targets: Map<string, CrossrefTarget>,
  keys: Set<string>,
  file: VFile,
  run: EssayRun,
): Element[] {
  return replaceMarkers(parent, file, {
    accepts: (marker, place) => isReference(marker, targets, keys, run, place),
    make: (marker, joined, pieces) => render(marker, lead + readBefore(pieces, marker.start), joined, pieces, targets, run),
  });
}

/** Whether a marker is a cross-reference to render; the problems one may have are reported here. */
function isReference(
  marker: CitationMarker,
  targets: Map<string, CrossrefTarget>,
  keys: Set<string>,
  run: EssayRun,
  place: Place,
): boolean {
  const bib = run.input.bibliography;
  let ok = true;
  for (const { key } of marker.works) {
    if (targets.has(key) && keys.has(key)) {
      run.problems.push(
        new EssayError(
          place,
          `@${key} is both a label in this essay and a citation key in ${formatPlace({ file: bib!.places.get(key)?.file ?? bib!.files[0]! })}; rename one of them.`,
        ),
      );
      ok = false;
    }
  }
  if (!ok) return false;
  const labels = marker.works.filter((w) => isLabel(w.key, targets, keys));
  if (labels.length === 0) return false;
  if (labels.length < marker.works.length) {
    const cites = marker.works.filter((w) => !isLabel(w.key, targets, keys));
    const refs = labels.map((w) => `@${w.key}`).join('; ');
    const works = cites.map((w) => `@${w.key}`).join('; ');
    run.problems.push(
      new EssayError(
        place,
        `${marker.text} mixes cross-references (${refs}) with citations (${works}); write them apart, as [${refs}] and [${works}].`,
      ),
    );
    return false;
  }
  for (const { key } of labels) {
    if (targets.has(key)) continue;
    const kind = labelKind(key)!;
    const sameKind = [...targets.keys()].filter((id) => id.startsWith(`${kind}-`));
    const guess = closest(key, sameKind) ?? closest(key, targets.keys());
    const hint = guess === undefined ? '' : ` — did you mean @${guess}?`;
    run.problems.push(new EssayError(place, `unknown label @${key}${hint} (no ${LABEL_PREFIXES[kind]} of this essay has it)`));
    ok = false;
  }
  return ok;
}

/**
 * A reference as its link (or, for a group, the links and words between them), with the author's own words around
 * it; `before`, the text of its block before it.
 */
function render(
  marker: CitationMarker,
  before: string,
  joined: string,
  pieces: Piece[],
  targets: Map<string, CrossrefTarget>,
  run: EssayRun,
): Element {
  const { strings, lang } = run.input;
  const parts = partsOf(marker, joined);
  const link = (id: string, words: string) => {
    const target = targets.get(id)!;
    return element('a', { className: [CLASSES.crossref], href: `#${id}`, dataCrossref: target.kind }, [text(words)]);
  };
  const list = (items: ElementContent[][]): ElementContent[] => {
    const format = new Intl.ListFormat(lang, { type: 'conjunction' });
    let i = 0;
    return format
      .formatToParts(items.map(() => '·'))
      .flatMap((part): ElementContent[] => (part.type === 'element' ? items[i++]! : [text(part.value)]));
  };
  // The word keeps its capital where a sentence starts with it: nothing before it in the brackets, and a sentence's end
  // (or nothing) before the marker in its block.
  const opens = parts[0]!.prefix.trim() === '' && opensSentence(before);
  const word = (kind: LabelKind, form: 'one' | 'many', first: boolean) => {
    const written = strings.crossref[kind][form];
    return strings.crossrefLowercase && !(first && opens) ? lowerFirst(written, lang) : written;
  };
  const one = (key: string, suppress: boolean, first: boolean) => {
    const target = targets.get(key)!;
    return link(key, suppress ? target.number : `${word(target.kind, 'one', first)} ${target.number}`);
  };

  if (marker.kind === 'in-text') {
    const [part] = parts;
    const after = slice(pieces, part!.keyEnd, marker.end);
    return after.length === 0
      ? one(part!.key, false, true)
      : element('span', { className: [CLASSES.crossrefs] }, [one(part!.key, false, true), ...after]);
  }
  const affixed = parts.some((p, i) => (i > 0 && p.prefix.trim() !== '') || (i < parts.length - 1 && p.suffix.trim() !== ''));
  const content: ElementContent[] = [];
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (affixed) {
    // Words between the references: each reference keeps its own, joined as the author wrote them.
    parts.forEach((p, i) => {
      if (i > 0) content.push(text('; '));
      content.push(
        ...trimmed(slice(pieces, p.start, p.keyStart), 'start'),
        one(p.key, p.suppress, i === 0),
        ...trimmed(slice(pieces, p.keyEnd, p.end), 'end'),
      );
    });
  } else {
    content.push(...trimmed(slice(pieces, first.start, first.keyStart), 'start'));
    // Runs of one kind share their word: "Figures 1 and 2", "Figure 1 and Table 2".
    const runs: Part[][] = [];
    for (const p of parts) {
      const previous = runs.at(-1);
      if (previous && targets.get(previous[0]!.key)!.kind === targets.get(p.key)!.kind && previous[0]!.suppress === p.suppress)
        previous.push(p);
      else runs.push([p]);
    }
    const phrases = runs.map((r, i): ElementContent[] => {
      if (r.length === 1) return [one(r[0]!.key, r[0]!.suppress, i === 0)];
      const kind = targets.get(r[0]!.key)!.kind;
      const numbers = list(r.map((p) => [link(p.key, targets.get(p.key)!.number)]));
      return r[0]!.suppress ? numbers : [text(`${word(kind, 'many', i === 0)} `), ...numbers];
    });
    content.push(...list(phrases));
    content.push(...trimmed(slice(pieces, last.keyEnd, last.end), 'end'));
  }
  const [only] = content;
  if (content.length === 1 && only?.type === 'element') return only;
  return element('span', { className: [CLASSES.crossrefs] }, content);
}

/**
 * Whether the text before a reference leaves it at a sentence's start: nothing, or a sentence's end (with its
 * closing quotes or brackets) and a space, then any opening quotes. Inside brackets still open, it starts a sentence
 * only as their first word, where the brackets do: so the abbreviation in "(cfr. @sec-a)" ends no sentence; nor do
 * the abbreviations that refer the reader on (REFERRING).
 */
function opensSentence(before: string): boolean {
  let open = -1;
  let depth = 0;
  for (let i = before.length - 1; i >= 0 && open < 0; i--) {
    if (CLOSING.includes(before[i]!)) depth++;
    else if (OPENING.includes(before[i]!) && depth-- === 0) open = i;
  }
  if (open < 0) return SENTENCE_ENDED.test(before) && !REFERRING.test(before);
  return OPENING_QUOTES.test(before.slice(open + 1)) && opensSentence(before.slice(0, open));
}

/** The text of the pieces before an offset of the joined text, as its sentence reads it (readingText). */
function readBefore(pieces: Piece[], end: number): string {
  let before = '';
  for (const { node, start } of pieces) {
    if (start >= end) break;
    before += node.type === 'text' ? node.value.slice(0, end - start) : readingText(node);
  }
  return before;
}

/**
 * Abbreviations that refer the reader on, or qualify what they are referred to, in the languages whose
 * cross-references are lower case in running text and in English and German: their full stop ends no sentence.
 * "cf.", "e.g.", "esp."; German "vgl.", "z. B."; French and Portuguese "p. ex."; Spanish "p. ej."; Italian
 * "ad es.", "p. es."; Dutch "bijv.", "bv.", "o.a."; Russian "см.", "ср.", "напр.", "т. е.". Not those that
 * usually end a sentence ("ff.", "ibid.", "resp.", "env.", "etc."): after them a reference keeps its capital.
 */
const REFERRING = new RegExp(
  String.raw`(?:^|[\s(])(?:${[
    String.raw`cf|cfr|vgl|vid|viz|e\.\s?g|i\.\s?e|esp|z\.\s?B|bzw|insb|ca|vs|sq|s|v`,
    String.raw`p\.\s?ex|p\.\s?ej|v\.\s?gr|ad\s?es|p\.\s?es|bijv|bv|o\.\s?a|m\.\s?n`,
    String.raw`см|ср|напр|т\.\s?е|т\.\s?к`,
  ].join('|')})\.\s*$`,
  'iu',
);

const OPENING = '([{';
const CLOSING = ')]}';
/** What may stand between a sentence's start and its first word: spaces, opening quotes, Spanish's ¿ and ¡. */
const OPENERS = String.raw`[\s\p{Pi}"'„‚¿¡]*`;
const OPENING_QUOTES = new RegExp(`^${OPENERS}$`, 'u');
const SENTENCE_ENDED = new RegExp(String.raw`(?:^|[.?!…][\p{Pe}\p{Pf}"'\s]*\s)${OPENERS}$`, 'u');

/** A word with its first letter in lower case, in its language's rules. */
function lowerFirst(word: string, lang: string): string {
  const [first = ''] = word;
  return first.toLocaleLowerCase(lang) + word.slice(first.length);
}

interface Part {
  key: string;
  suppress: boolean;
  /** Offsets in the joined text: the part (inside the brackets, between `;`s), and its `@key`. */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  prefix: string;
  suffix: string;
}

/** Each work of a marker with where its words and its key are, in the joined text. */
function partsOf(marker: CitationMarker, joined: string): Part[] {
  if (marker.kind === 'in-text') {
    const { key } = marker.works[0]!;
    const keyEnd = marker.start + 1 + key.length + (marker.text.startsWith('@{') ? 2 : 0);
    return [{ key, suppress: false, start: marker.start, end: marker.end, keyStart: marker.start, keyEnd, prefix: '', suffix: '' }];
  }
  const parts: Part[] = [];
  let start = marker.start + 1;
  for (const [i, raw] of joined
    .slice(marker.start + 1, marker.end - 1)
    .split(';')
    .entries()) {
    const { key, suppressAuthor } = marker.works[i]!;
    const at = Math.max(0, raw.indexOf(suppressAuthor ? '-@' : '@'));
    const sign = suppressAuthor ? 2 : 1;
    const length = sign + key.length + (raw[at + sign] === '{' ? 2 : 0);
    parts.push({
      key,
      suppress: suppressAuthor,
      start,
      end: start + raw.length,
      keyStart: start + at,
      keyEnd: start + at + length,
      prefix: raw.slice(0, at),
      suffix: raw.slice(at + length),
    });
    start += raw.length + 1;
  }
  return parts;
}

/** Affix nodes without the space next to the brackets or the semicolon. */
function trimmed(nodes: ElementContent[], side: 'start' | 'end'): ElementContent[] {
  const out = nodes.map((n) => (n.type === 'text' ? { ...n } : n));
  const edge = side === 'start' ? out[0] : out.at(-1);
  if (side === 'start' && edge?.type === 'text') (edge as Text).value = (edge as Text).value.trimStart();
  if (side === 'end' && edge?.type === 'text') (edge as Text).value = (edge as Text).value.trimEnd();
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/** A cross-reference inside a link cannot become a link: the author must move it. */
function reportInLink(link: Element, file: VFile, run: EssayRun, keys: Set<string>): void {
  visit(link, 'text', (node: Text) => {
    for (const marker of findCitations(node.value, locatorTerms(run.input.csl.locale.xml))) {
      if (!marker.works.some((w) => labelKind(w.key) !== undefined && !keys.has(w.key))) continue;
      run.problems.push(
        new EssayError(
          placeOfText(node, marker.start, file),
          `cross-reference ${marker.text} inside <a> was not made; a cross-reference is a link itself, so move it out of the link.`,
        ),
      );
    }
  });
}

function placeOfNode(node: Element, file: VFile): Place {
  const start = node.position?.start;
  return { file: file.path, line: start?.line, column: start?.column };
}
