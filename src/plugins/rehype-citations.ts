import type { Element, ElementContent, Parents, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { type CitationRequest, CiteprocError, formatCitations, printsNothing, styleClass, worksAtFault } from '../lib/citeproc.ts';
import { hasRightToLeft, textDirection } from '../lib/direction.ts';
import { EssayError, formatPlace, type Place } from '../lib/essay-error.ts';
import { type CitationMarker, type CitedWork, findCitations, locatorTerms } from '../lib/pandoc-citations.ts';
import { closest, nearKey } from '../lib/suggest.ts';
import { type Bibliography, CLASSES, type EssayRun, IDS, inTextCitations, labelKind, LITERAL_ELEMENTS, runOf } from './contracts.ts';
import { capitalizeFirst, element, text } from './hast.ts';
import { AFFIX_MARKUP, MARKUP, type Piece, placeOfText, replaceMarkers, slice } from './markers.ts';
import { footnoteRef, noteItem, type Notes, notesOf } from './notes.ts';

/** A citation found in the text, waiting to be formatted. */
interface Found {
  /** Stands where the citation goes until it is formatted. */
  node: Element;
  request: CitationRequest;
  /** The note (its `<li>` id) the citation is written in, if any. */
  inNote: string | undefined;
  /** In note styles, the note a citation in the text becomes. */
  noteId?: string;
  /** Where the citation is written, for messages. */
  place: Place;
}

/**
 * Pandoc's citations, formatted by citeproc-js in the essay's style and
 * language: `[@key]` groups and in-text `@key`s become citations whose every
 * work links to its bibliography entry, and a bibliography section is added
 * at the end. In note styles each citation in the text becomes a note,
 * numbered in one sequence with the author's own notes as Pandoc numbers
 * them; citations inside the author's notes stay there.
 *
 * A bracketed group is always a citation; a bare `@word` only when `word` is
 * a key of the essay's bibliography, or one edit away from one (then it is an
 * error with a suggestion: most likely a typo). Keys match exactly. Markers in
 * code are text; inside a link (a citation is a link itself) an error.
 */
export default function rehypeCitations() {
  return (tree: Root, file: VFile) => {
    const run = runOf(file);
    const { bibliography } = run.input;
    const keys = new Set(bibliography?.keys ?? []);
    const found: Found[] = [];

    const placeholders = new Set<Element>();
    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'element' && node.type !== 'root') return undefined;
      if (node.type === 'element' && (LITERAL_ELEMENTS.has(node.tagName) || placeholders.has(node))) return SKIP;
      if (node.type === 'element' && node.tagName === 'a') {
        reportInLink(node, run, file, keys);
        return SKIP;
      }
      for (const f of replaceCitations(node, noteOf([...ancestors, node]), run, file, keys)) {
        found.push(f);
        placeholders.add(f.node);
      }
      return undefined;
    });
    if (bibliography === undefined || (found.length === 0 && run.input.nocite === undefined)) return;

    const notes = notesOf(tree);
    const isNote = styleClass(run.input.csl.style.xml) === 'note';
    if (isNote) numberNotes(tree, notes, found);
    for (const f of found) if (f.inNote) f.request.noteIndex = notes.numbers.get(f.inNote) ?? 0;

    // citeproc reads citations in the order a reader meets them: by note (stable, so the text's own order holds).
    const known = found
      .filter((f) => f.request.works.every((w) => keys.has(w.key)))
      .sort((a, b) => a.request.noteIndex - b.request.noteIndex);
    let formatted: ReturnType<typeof formatCitations>;
    try {
      formatted = formatCitations(
        bibliography.items,
        run.input.csl,
        known.map((f) => f.request),
        run.input.nocite,
      );
    } catch (error) {
      if (!(error instanceof CiteprocError)) throw error;
      run.problems.push(...citeprocProblems(error, bibliography, run));
      return;
    }
    known.forEach((f, i) => {
      const { html, author } = formatted.citations[i]!;
      const key = f.request.works[0]!.key;
      if (printsNothing(html) || (author !== undefined && printsNothing(author))) {
        const works = f.request.works.map(
          (w) => `@${w.key} (${formatPlace(bibliography.places.get(w.key) ?? { file: bibliography.files[0]! })})`,
        );
        run.problems.push(
          new EssayError(
            f.place,
            `citation of ${works.join(', ')} prints nothing${author !== undefined && printsNothing(author) ? ' where the author goes' : ''} in this style; give the entry an author, an editor or a title.`,
          ),
        );
      }
      const citation: ElementContent[] =
        author === undefined
          ? fragment(html)
          : // The author alone where the style prints nothing after it (MLA with no locator).
            [element('a', { dataKey: key }, [...fragment(author), ...(html === '' ? [] : [text(' '), ...unlinked(fragment(html))])])];
      const span = { className: [CLASSES.citation], dataCites: f.request.works.map((w) => w.key).join(' ') };
      if (author !== undefined) inTextCitations(file).add(f.node);
      if (f.noteId !== undefined) {
        // A note style's citation in the text: the note holds it; the text, its number (after the author's name, in-text).
        const number = notes.numbers.get(f.noteId)!;
        // A note begins with a capital, as Pandoc begins one a citation became: "See Gallagher 2001", not "see".
        const note = author === undefined ? citation : fragment(html);
        capitalizeFirst(note, run.input.lang);
        notes.add(noteItem(f.noteId, [element('span', span, note)]));
        f.node.properties = span;
        f.node.children = [
          ...(author === undefined ? [] : [element('a', { dataKey: key }, fragment(author))]),
          footnoteRef(f.noteId, number),
        ];
      } else {
        f.node.properties = span;
        f.node.children = citation;
      }
    });
    if (isNote && found.some((f) => f.noteId !== undefined)) {
      notes.write(tree, run.input.strings);
      notesAfterPunctuation(tree, new Set(found.filter((f) => f.noteId !== undefined).map((f) => f.node)));
    }

    // Each entry takes the direction of its own first letters (`dir="auto"`): a Hebrew work in an
    // English essay, or an English one in an Arabic essay, is read in its own direction, its full stop at its end.
    // In a left-to-right essay only an entry with right-to-left letters can differ, and only it says so.
    const rtl = textDirection(run.input.lang) === 'rtl';
    const entries = formatted.bibliography.map(({ key, html }) =>
      element(
        'div',
        { className: [CLASSES.entry], id: `${IDS.entryPrefix}${key}`, dir: rtl || hasRightToLeft(html) ? 'auto' : undefined },
        fragment(html),
      ),
    );
    const items = new Map(bibliography.items.map((item) => [item.id, item]));
    run.output.listed = formatted.bibliography.map(({ key }) => items.get(key)!);
    if (entries.length > 0) tree.children.push(bibliographySection(entries, run.input.strings.bibliography));
    pointAtEntries(tree);
  };
}

/**
 * citeproc-js says only what it failed on, never in which work: each work it
 * cannot format alone is named at its entry in the .bib; failing that, the
 * essay is.
 */
function citeprocProblems(error: CiteprocError, bibliography: Bibliography, run: EssayRun): EssayError[] {
  const faults = worksAtFault(bibliography.items, run.input.csl);
  if (faults.length === 0) {
    return [new EssayError({ file: run.input.file }, `citeproc-js could not format the citations: ${error.message}`, { cause: error })];
  }
  return faults.map(
    ({ id, reason }) =>
      new EssayError(
        bibliography.places.get(id) ?? { file: bibliography.files[0]! },
        `citeproc-js cannot format the entry "${id}": ${reason.replace(/\.$/, '')}; correct the entry (if it looks right, this is a bug to report).`,
        { cause: error },
      ),
  );
}

/**
 * What a note's number goes after, as Pandoc sets it (`notes-after-punctuation`, the default for
 * note styles, https://github.com/jgm/pandoc/blob/main/src/Text/Pandoc/Citeproc.hs `mvPunct`):
 * a run of punctuation, closing quotes and brackets included but not a dash, that after the
 * citation itself starts with a sentence's punctuation.
 */
const PUNCTUATION_RUN = /^(?:(?![\u2013\u2014])\p{P})+/u;
const SENTENCE_PUNCTUATION = /^[.,;:!?]/;
/** Text that already ends a sentence's clause: "Jr.", or "etc.)". */
const ENDS_WITH_PUNCTUATION = /(?:[.,;:!?]|[.,;:!?](?![\u2013\u2014])\p{P})$/u;

/**
 * In note styles, a citation that became a note in the text stands after
 * its sentence's punctuation and with no space before it, as Pandoc sets it:
 * "a claim [@x]." reads "a claim.¹", not "a claim ¹."; an in-text citation
 * keeps the author's name where it was written, then the punctuation, then
 * the number: "held by @x." reads "held by Figes.¹", and "“as @x.”" reads
 * "“as Figes.”¹".
 */
function notesAfterPunctuation(tree: Root, citations: Set<Element>): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as ElementContent[];
    for (let i = 0; i < children.length; i++) {
      const citation = children[i]!;
      if (citation.type !== 'element' || !citations.has(citation)) continue;
      const before = children[i - 1];
      const numberAlone = citation.children.length === 1;
      const spaced = before?.type === 'text' && /\s$/.test(before.value);
      // A number alone (not after an author's name) takes the place of the space before it.
      if (before?.type === 'text' && numberAlone) before.value = before.value.trimEnd();
      const next = children[i + 1];
      if (next?.type !== 'text') continue;
      // After a space, a number alone moves past any punctuation ("[@x])." reads ")."); else only past a sentence's.
      const mark =
        numberAlone && spaced
          ? PUNCTUATION_RUN.exec(next.value)?.[0]
          : SENTENCE_PUNCTUATION.test(next.value)
            ? PUNCTUATION_RUN.exec(next.value)?.[0]
            : undefined;
      if (!mark) continue;
      next.value = next.value.slice(mark.length);
      // Nothing left between the number and what follows it (another note's number, set apart by rehype-notes.ts).
      if (next.value === '') children.splice(i + 1, 1);
      if (!numberAlone) {
        // Between the author's name and the number; a name that ends in punctuation ("Jr.") does not take more.
        const number = citation.children.length - 1;
        if (!ENDS_WITH_PUNCTUATION.test(toString({ type: 'root', children: citation.children.slice(0, number) }))) {
          citation.children.splice(number, 0, text(mark));
        }
      } else if (before?.type === 'text') before.value += mark;
      else children.splice(i++, 0, text(mark));
    }
  });
}

/**
 * Replaces the citation markers among a parent's children with placeholders.
 * A group may span inline markup (`[see *this* @doe99]`), so markers are found
 * in the parent's text with each child element standing in as one character.
 */
function replaceCitations(parent: Parents, inNote: string | undefined, run: EssayRun, file: VFile, keys: Set<string>): Found[] {
  const found: Found[] = [];
  const places = new Map<CitationMarker, Place>();
  replaceMarkers(parent, file, {
    accepts: (marker, place) => {
      places.set(marker, place);
      return isCitation(marker, run, keys, place);
    },
    make(marker, _, pieces) {
      const node = element('span', {}, slice(pieces, marker.start, marker.end));
      const works = richAffixes(marker, pieces);
      const request = { works, noteIndex: 0, inText: marker.kind === 'in-text', inNote: inNote !== undefined };
      found.push({ node, request, inNote, place: places.get(marker)! });
      return node;
    },
  });
  return found;
}

/** Whether a marker is a citation; an unknown key in a group, or a near miss of a key in the text, is a problem. */
function isCitation(marker: CitationMarker, run: EssayRun, keys: Set<string>, place: Place): boolean {
  const { bibliography } = run.input;
  // A label (`@fig-map`) is rehype-crossrefs' to link, or to report.
  if (marker.works.some((w) => isLabelKey(w.key, keys))) return false;
  if (marker.kind === 'in-text') {
    const { key } = marker.works[0]!;
    if (keys.has(key)) return true;
    const near = nearKey(key, keys);
    if (near !== undefined) {
      run.problems.push(new EssayError(place, `unknown citation key @${key} — did you mean @${near}? (not in ${filesOf(bibliography!)})`));
    }
    return false;
  }
  if (bibliography === undefined) {
    run.problems.push(
      new EssayError(
        place,
        `citation ${marker.text} but the essay names no bibliography; add "bibliography: references.bib" to its frontmatter.`,
      ),
    );
    return false;
  }
  for (const { key } of marker.works) {
    if (keys.has(key)) continue;
    const guess = closest(key, keys);
    const hint = guess === undefined ? '' : ` — did you mean @${guess}?`;
    run.problems.push(new EssayError(place, `unknown citation key @${key}${hint} (not in ${filesOf(bibliography)})`));
  }
  return true;
}

/** A key with one of Quarto's label prefixes that is not a work's: a cross-reference, never a citation. */
function isLabelKey(key: string, keys: Set<string>): boolean {
  return labelKind(key) !== undefined && !keys.has(key);
}

/** A citation inside a link cannot become a link: the author must move it. */
function reportInLink(link: Element, run: EssayRun, file: VFile, keys: Set<string>): void {
  visit(link, 'text', (node: Text) => {
    for (const marker of findCitations(node.value, locatorTerms(run.input.csl.locale.xml))) {
      if (marker.kind === 'in-text' && !keys.has(marker.works[0]!.key)) continue;
      if (marker.works.some((w) => isLabelKey(w.key, keys))) continue;
      run.problems.push(
        new EssayError(
          placeOfText(node, marker.start, file),
          `citation ${marker.text} inside <a> was not formatted; a citation is a link itself, so move it out of the link.`,
        ),
      );
    }
  });
}

/** Note styles: each citation in the text becomes a note, and all notes are numbered in reading order. */
function numberNotes(tree: Root, notes: Notes, found: Found[]): void {
  const inText = new Map(found.filter((f) => f.inNote === undefined).map((f) => [f.node, f]));
  notes.numbers.clear();
  let n = 0;
  visit(tree, 'element', (node: Element) => {
    if (node === notes.section) return SKIP;
    const citation = inText.get(node);
    if (citation) {
      n += 1;
      citation.noteId = `${IDS.citationNotePrefix}${n}`;
      notes.numbers.set(citation.noteId, n);
      citation.request.noteIndex = n;
      return SKIP;
    }
    const target = notes.refTarget(node);
    if (target !== undefined && !notes.numbers.has(target)) notes.numbers.set(target, (n += 1));
    return undefined;
  });
  notes.renumberRefs(tree);
}

/** The note (its `<li>` id) a node is inside, if any. */
function noteOf(ancestors: Parents[]): string | undefined {
  for (const node of ancestors) {
    if (
      node.type === 'element' &&
      node.tagName === 'li' &&
      typeof node.properties.id === 'string' &&
      node.properties.id.startsWith(`${IDS.notePrefix}-`)
    ) {
      return node.properties.id;
    }
  }
  return undefined;
}

function bibliographySection(entries: Element[], title: string): Element {
  return element('section', { className: ['bibliography'], ariaLabelledBy: [IDS.bibliography] }, [
    element('h2', { id: IDS.bibliography }, [text(title)]),
    text('\n'),
    element('div', { className: [CLASSES.bibliography] }, [...entries.flatMap((e) => [text('\n'), e]), text('\n')]),
  ]);
}

/** citeproc's `<a data-key>` wrappers become links to the entries; its inline styles (which the CSP blocks) become classes. */
function pointAtEntries(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'a' && typeof node.properties.dataKey === 'string') {
      node.properties = { href: `#${IDS.entryPrefix}${node.properties.dataKey}` };
    }
    if (typeof node.properties.style === 'string') {
      const style = node.properties.style.replace(/\s/g, '');
      delete node.properties.style;
      const classes = Array.isArray(node.properties.className) ? [...node.properties.className] : [];
      if (style.includes('font-variant:small-caps')) classes.push(CLASSES.smallCaps);
      if (style.includes('font-style:normal')) classes.push(CLASSES.upright);
      if (style.includes('font-weight:normal')) classes.push(CLASSES.unbold);
      if (classes.length > 0) node.properties.className = classes;
    }
  });
}

function fragment(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

/** The nodes with citeproc's per-work links taken out (the caller links the whole). */
function unlinked(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return [node];
    return node.tagName === 'a' ? unlinked(node.children) : [{ ...node, children: unlinked(node.children) }];
  });
}

/**
 * The marker's works with each markup element their prefixes and suffixes span given back as
 * citeproc's rich text (`<i>…</i>`). The elements stand in the marker's text in the order of its
 * parts (prefix, locator, suffix, then the next work's), so each part takes the next ones along.
 */
function richAffixes(marker: CitationMarker, pieces: Piece[]): CitedWork[] {
  const inside = pieces.filter((p) => p.node.type === 'element' && p.start >= marker.start && p.start < marker.end);
  let next = 0;
  const take = (value: string, rich: boolean) =>
    value.replaceAll(MARKUP, () => {
      const node = inside[next++]?.node as Element | undefined;
      if (!node) return '';
      if (!rich) return toString(node);
      const tag = AFFIX_MARKUP[node.tagName]!;
      return `<${tag}>${escapeHtml(toString(node))}</${tag}>`;
    });
  return marker.works.map((work) => {
    const prefix = take(work.prefix, true);
    // A locator is plain text to citeproc: its markup keeps its words only.
    const locator = work.locator === undefined ? undefined : take(work.locator, false);
    const suffix = take(work.suffix, true);
    return { ...work, prefix, suffix, ...(locator === undefined ? {} : { locator }) };
  });
}

function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

/** The bibliography's files, for "not in references.bib" (or "not in books.bib or articles.bib"). */
function filesOf(bibliography: Bibliography): string {
  return bibliography.files.map((file) => formatPlace({ file })).join(' or ');
}
