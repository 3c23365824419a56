import CSL from 'citeproc';
// citeproc-js prints `and others` (bibtex.ts) as the style's et-al term in every style once this has run.
import './citeproc-et-al.ts';
// and sets names in Devanagari, Armenian, Georgian… as it sets Latin ones, family name and given name apart.
import { wholeEastAsianNames } from './citeproc-scripts.ts';
import type { CslItem } from './csl-item.ts';
import type { CitedWork } from './pandoc-citations.ts';

/** A CSL style or locale file. */
export interface CslSource {
  name: string;
  xml: string;
}

/** One citation to format: a group, or an in-text citation (the author named in the sentence). */
export interface CitationRequest {
  works: CitedWork[];
  /** The note the citation is in (or becomes), else 0: note styles need it for "ibid." and short forms. */
  noteIndex: number;
  /** `@key` in the text: the author's name, then the rest of the citation (in a note, for note styles). */
  inText: boolean;
  /** Written inside one of the author's notes (in note styles it then stays there, within the note's sentence). */
  inNote?: boolean;
}

export interface FormattedCitation {
  /** The citation as HTML, each work wrapped in `<a data-key>` (the caller points them at the entries). */
  html: string;
  /** For in-text citations, the author's name as HTML. */
  author?: string | undefined;
}

export interface Formatted {
  /** Whether the style is a note style: its citations are footnotes. */
  isNote: boolean;
  /** One per request, in order. */
  citations: FormattedCitation[];
  /** The bibliography: cited works and the `nocite` ones, in the style's order. */
  bibliography: { key: string; html: string }[];
}

interface Engine {
  opt: { xclass: 'note' | 'in-text'; development_extensions: Record<string, boolean> };
  citation: { opt: { layout_prefix: string; layout_suffix: string } };
  rebuildProcessorState(citations: unknown[], mode: string, uncited: string[]): [string, number, string][];
  updateItems(ids: string[]): void;
  updateUncitedItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
}

/** What the engine of a (style, locale) reads its items from: swapped per essay. */
interface Slot {
  engine: Engine;
  items: Map<string, CslItem>;
}

const engines = new Map<string, Slot>();

/**
 * citeproc-js, one engine per (style, locale) for the whole build: building
 * one parses the style and locale XML, so essays share it and swap only the
 * items it reads. Each work in a citation comes back wrapped in a link
 * (citeproc's citation wrapper, which wants a `system_id` on each item).
 */
function engineFor(style: CslSource, locale: CslSource, fallback: CslSource): Slot {
  const name = `${style.name}|${locale.name}`;
  let slot = engines.get(name);
  if (slot === undefined) {
    const items = new Map<string, CslItem>();
    const sys = {
      // citeproc-js asks for en-US as the base of every locale, and for a style's own default-locale.
      retrieveLocale: (lang: string) => (lang === locale.name ? locale.xml : fallback.xml),
      retrieveItem: (id: string) => {
        const item = slot!.items.get(id);
        if (item === undefined) throw new Error(`citeproc asked for unknown work ${id}`);
        return { ...item, system_id: id };
      },
      // No id where citeproc-js prints a locator alone ("(29)" after MLA's author in the text): keyed after, by its cluster.
      wrapCitationEntry: (html: string, id: string | undefined) => `<a data-key="${escapeAttribute(id ?? '')}">${html}</a>`,
    };
    const engine = new (CSL as unknown as { Engine: new (...args: unknown[]) => Engine }).Engine(sys, style.xml, locale.name, true);
    engine.opt.development_extensions.apply_citation_wrapper = true;
    engine.opt.development_extensions.wrap_url_and_doi = false;
    slot = { engine, items };
    engines.set(name, slot);
  }
  return slot;
}

/** What citeproc-js prints for a citation that renders nothing. */
const NO_PRINTED_FORM = '[NO_PRINTED_FORM]';

/** Whether citeproc-js printed, instead of failing, that it could print nothing of a citation (or its author). */
export function printsNothing(html: string): boolean {
  return html.includes(NO_PRINTED_FORM) || html.includes('[CSL STYLE ERROR');
}

/** A citation cluster as citeproc-js takes it. */
interface Cluster {
  citationID: string;
  citationItems: ({ id: string; 'suppress-author'?: boolean } & Record<string, unknown>)[];
  properties: { noteIndex: number };
}

/** The style, the essay's locale, and en-US, which citeproc-js builds every locale on. */
export interface CslFiles {
  style: CslSource;
  locale: CslSource;
  fallback: CslSource;
}

/**
 * citeproc-js failed on the data: it throws a bare string ("citeproc-js
 * error: CSL data error: …"), with no word of the item. {@link worksAtFault}
 * says which items it fails on.
 */
export class CiteprocError extends Error {
  constructor(thrown: unknown) {
    super(String(thrown instanceof Error ? thrown.message : thrown).replace(/^citeproc-js error: /, ''), { cause: thrown });
    this.name = 'CiteprocError';
  }
}

/**
 * Formats an essay's citations, in reading order, and its bibliography.
 * Throws a {@link CiteprocError} when citeproc-js fails; the engine it failed
 * in is let go, since it may have been left half-updated.
 */
export function formatCitations(
  items: readonly CslItem[],
  files: CslFiles,
  requests: readonly CitationRequest[],
  nocite: '*' | readonly string[] | undefined,
): Formatted {
  try {
    return format(items, files, requests, nocite);
  } catch (error) {
    engines.delete(`${files.style.name}|${files.locale.name}`);
    throw new CiteprocError(error);
  }
}

/**
 * A title in title case, as citeproc-js sets it for a style that wants one
 * (Chicago's): "The coming of the third reich" is "The Coming of the Third
 * Reich", its small words and what is braced (`<span class="nocase">`) left
 * as they are. For English titles only.
 */
export function titleCase(text: string, files: CslFiles): string {
  const { engine } = engineFor(files.style, files.locale, files.fallback);
  const formatters = (CSL as unknown as { Output: { Formatters: { title(state: Engine, text: string): string } } }).Output.Formatters;
  // Its markup back as CSL-JSON writes it: citeproc-js spaces out `font-variant:small-caps;`.
  return formatters.title(engine, text).replace(/<span style="font-variant: small-caps;">/g, '<span style="font-variant:small-caps;">');
}

/**
 * The items citeproc-js refuses on their own (listed, uncited), with its
 * reason: what to name when {@link formatCitations} has thrown a CiteprocError.
 */
export function worksAtFault(items: readonly CslItem[], files: CslFiles): { id: string; reason: string }[] {
  const faults: { id: string; reason: string }[] = [];
  for (const item of items) {
    try {
      formatCitations([item], files, [], [item.id]);
    } catch (error) {
      faults.push({ id: item.id, reason: (error as CiteprocError).message });
    }
  }
  return faults;
}

function format(
  items: readonly CslItem[],
  { style, locale, fallback }: CslFiles,
  requests: readonly CitationRequest[],
  nocite: '*' | readonly string[] | undefined,
): Formatted {
  const slot = engineFor(style, locale, fallback);
  const { engine } = slot;
  // The engine keeps the last essay's works registered (uncited ones too): let it forget them
  // while it can still read them, then give it this essay's.
  engine.updateItems([]);
  engine.updateUncitedItems([]);
  slot.items = new Map(items.map((item) => [item.id, wholeEastAsianNames(item)]));
  const isNote = engine.opt.xclass === 'note';
  const { layout_prefix: open, layout_suffix: close } = engine.citation.opt;
  const inQuote = /<style-options\b[^>]*\bpunctuation-in-quote="true"/.test(locale.xml);

  // In-text citations are two: the author alone, then the rest (suppress-author), as Pandoc renders them.
  const clusters: Cluster[] = [];
  const where: { cluster: number; author?: number }[] = [];
  const cluster = (citationItems: Cluster['citationItems'], noteIndex: number) => {
    clusters.push({ citationID: `c${clusters.length}`, citationItems, properties: { noteIndex } });
    return clusters.length - 1;
  };
  for (const request of requests) {
    const citationItems = request.works.map((work) => ({
      id: work.key,
      ...(work.prefix ? { prefix: `${work.prefix} ` } : {}),
      ...(work.suffix ? { suffix: work.suffix } : {}),
      ...(work.locator !== undefined ? { locator: work.locator, label: work.label } : {}),
      ...(work.suppressAuthor && !request.inText ? { 'suppress-author': true } : {}),
    }));
    // In a note style, an in-text citation within the author's own note is the note's citation
    // itself, which names the author: "as Rabinowitch, The Bolsheviks, 35, says" (not the author twice).
    if (request.inText && !(isNote && request.inNote)) {
      const author = cluster([{ id: request.works[0]!.key, 'author-only': true }], 0);
      const rest = isNote ? citationItems : citationItems.map((item) => ({ ...item, 'suppress-author': true }));
      where.push({ author, cluster: cluster(rest, request.noteIndex) });
    } else {
      where.push({ cluster: cluster(citationItems, request.noteIndex) });
    }
  }
  const uncited = nocite === '*' ? items.map((item) => item.id) : [...(nocite ?? [])];

  // The clusters that follow an author named in the text: where a style prints the author alone (MLA), nothing.
  const afterAuthor = new Set(isNote ? [] : where.filter((w) => w.author !== undefined).map((w) => `c${w.cluster}`));
  let results = clusters.length > 0 || uncited.length > 0 ? engine.rebuildProcessorState(clusters, 'html', uncited) : [];
  // A citation that suppresses its author where the style prints the author alone (a note style's
  // "ibid." form: "Johns.") would print nothing, which citeproc-js writes as [NO_PRINTED_FORM]: it
  // keeps its author there. Suppressing an author changes no work's position, so one more pass does.
  // Not after an author named in the text: "Erdős and Rényi proved it", in MLA, not "Erdős and Rényi (Erdős and Rényi)".
  const empty = new Set(results.filter(([id, , html]) => html.includes(NO_PRINTED_FORM) && !afterAuthor.has(id)).map(([id]) => id));
  if (empty.size > 0) {
    const mended = clusters.map((c) =>
      empty.has(c.citationID) ? { ...c, citationItems: c.citationItems.map(({ 'suppress-author': _, ...item }) => item) } : c,
    );
    results = engine.rebuildProcessorState(mended, 'html', uncited);
  }
  const text = new Map(
    results.map(([id, , html]) => [id, afterAuthor.has(id) && html.includes(NO_PRINTED_FORM) ? '' : keyed(html, clusters, id)]),
  );
  const of = (index: number) => text.get(`c${index}`) ?? '';
  const citations = where.map(({ cluster: index, author }, i): FormattedCitation => {
    // The citation wrapper leaves out the layout's affixes: "(", ")" and, in notes, the closing "."
    // (not for a citation within the author's own note, which the note's sentence goes on after).
    const html = of(index);
    if (html === '') return { html, author: of(author!) };
    const closed = requests[i]!.inNote || (close && stripTags(html).trimEnd().endsWith(close)) ? html : closeNote(html, close, inQuote);
    const wrapped = isNote ? closed : `${open}${html}${close}`;
    return author === undefined ? { html: wrapped } : { html: wrapped, author: of(author) };
  });

  const bibliography: Formatted['bibliography'] = [];
  const made = clusters.length > 0 || uncited.length > 0 ? engine.makeBibliography() : false;
  if (made) {
    const [meta, entries] = made;
    meta.entry_ids.forEach(([key], i) => {
      const html = entries[i]!.trim().replace(/^<div class="csl-entry">([\s\S]*)<\/div>$/, '$1');
      bibliography.push({ key: key!, html });
    });
  }
  return { isNote, citations, bibliography };
}

/**
 * A note's closing punctuation, which the citation wrapper leaves out, added
 * again: inside a closing quotation mark where the locale sets it there
 * (`punctuation-in-quote`, American English: “Central Limit Theorem.”), as
 * citeproc-js would have; after it otherwise. Not again after a title's own
 * full stop, question or exclamation mark.
 */
function closeNote(html: string, close: string, inQuote: boolean): string {
  // The whole run of closing marks, an inner quotation's too (“The Workers’ ‘Soviets.’”), but for a ’ that closes
  // nothing, where no ‘ opened one: an apostrophe (“The Workers’.”).
  const quoted = /((?:[”’](?:<\/[^>]+>)*)+)$/.exec(html);
  if (!inQuote || !quoted || !/^[.,]$/.test(close)) return `${html}${close}`;
  let at = quoted.index;
  if (!stripTags(html.slice(0, at)).includes('‘')) while (html[at] === '’') at++;
  if (!html.slice(at).includes('”')) return `${html}${close}`;
  if (/[.?!…]$/.test(stripTags(html.slice(0, at)))) return html;
  return `${html.slice(0, at)}${close}${html.slice(at)}`;
}

/** A cluster's works wrapped without their keys (citeproc-js gave the wrapper none), given the keys it left out, in order. */
function keyed(html: string, clusters: Cluster[], id: string): string {
  if (!html.includes('<a data-key="">')) return html;
  const items = clusters.find((c) => c.citationID === id)?.citationItems ?? [];
  const missing = items.map((item) => item.id).filter((key) => !html.includes(`<a data-key="${escapeAttribute(key)}">`));
  return html.replaceAll('<a data-key="">', () => `<a data-key="${escapeAttribute(missing.shift() ?? '')}">`);
}

/** The CSL class of a style (`note` or `in-text`) from its XML, without building an engine. */
export function styleClass(xml: string): 'note' | 'in-text' {
  return /<style\b[^>]*\bclass="note"/.test(xml) ? 'note' : 'in-text';
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
