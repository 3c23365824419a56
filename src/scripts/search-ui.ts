/**
 * Search results drawn from Pagefind's JavaScript API into a SearchBox
 * (src/components/SearchBox.astro): results grouped by essay, each with up to
 * five sections that match, linking to the section with `?highlight=` so that
 * the essay marks the words on arrival (src/scripts/search-arrival.ts).
 *
 * This file and Pagefind load only when a reader starts to search. Pagefind's
 * own UIs are not used: the Component UI alone is 48 kB gzip, more than the
 * index a search needs, and a few hundred lines here do the same job within
 * the site's styles and CSP. Pagefind runs without its web worker, which
 * would cost another 12 kB: its searches take milliseconds, at most about 80 ms
 * for a broad query over 1,000 essays, and run once the reader pauses typing.
 */

import scriptFaces from '../styles/script-faces.css?url';
import { closeUpOpenings } from '../lib/excerpt-spacing.ts';
import { type IndexEntry, searchPlan } from '../lib/pagefind-languages.ts';
import { matchedByFallback } from '../lib/prefix-fallback.ts';
import { needsScriptFaces } from '../lib/script-faces.ts';
import { queryVariants } from '../lib/search-variants.ts';
import type { ClientStrings } from '../lib/ui-strings.ts';

/** The parts of Pagefind's API (pagefind.js) used here. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(term: string, options?: { filters: Filters }): Promise<Search>;
  debouncedSearch(term: string | null, options: { filters: Filters }, wait: number): Promise<Search | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

type Filters = Record<string, string[]>;

interface Search {
  results: { id: string; score: number; data(): Promise<Result> }[];
  /** For each filter value, how many essays match the query with it chosen too. */
  filters: Record<string, Record<string, number>>;
}

interface Result {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The essay's filter values (`{ tag: ['history'] }`). */
  filters?: Record<string, string[]>;
  sub_results: SubResult[];
}

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  anchor?: { id: string; location: number };
}

/** Results shown at once, and added by "Show more results". */
const PAGE = 5;
/** Sections shown under each essay. */
const SECTIONS = 5;

const root = document.documentElement;
/** Where Pagefind's bundle is, and the site's root above it (src/lib/client-urls.ts). */
const BUNDLE = root.dataset.pagefind!;
const SITE_ROOT = new URL('..', new URL(BUNDLE, location.href)).pathname;
// The page's words, in its language (the JSON named by <html data-ui-strings>).
const WORDS = ((await (await fetch(root.dataset.uiStrings!)).json()) as ClientStrings).search;

/** Pagefind's instances for the page, its own first. */
interface Engine {
  instances: Pagefind[];
  /** Whether the site has more than one index, whose results a query's fallback can rank wrongly against each other's. */
  severalIndexes: boolean;
  /** The languages of the site's indexes, as Pagefind names them (`en-gb`, `fa`): which spellings of a query to search (src/lib/search-variants.ts). */
  languages: string[];
}

let engine: Promise<Engine> | undefined;

/**
 * Pagefind, loaded once per page; a failed load is tried again on the next
 * search. It loads the index of the page's own language and the others
 * stemmed alike, and every other stemmer's indexes in an instance of their
 * own (src/lib/pagefind-languages.ts), so that a reader finds essays in
 * every language from any page, each by its own language's rules. An
 * instance of another language that fails to load is left out: the page's
 * own language is still searched.
 */
function loadPagefind(): Promise<Engine> {
  engine ??= (async () => {
    const bundle = BUNDLE;
    const options = { baseUrl: SITE_ROOT, highlightParam: 'highlight' };
    // A variable, not a template in import(): Vite leaves it alone, with no preload helper.
    const script = `${bundle}pagefind.js`;
    // Each instance is a module of its own (the fragment makes it one; the file is fetched once), with its own WebAssembly.
    const start = async (language?: string): Promise<Pagefind> => {
      const pagefind = (await import(/* @vite-ignore */ language ? `${script}#${language}` : script)) as Pagefind;
      await pagefind.options({ ...options, noWorker: true });
      await (language ? asLanguage(language, () => pagefind.init()) : pagefind.init());
      // init() returns before the WebAssembly has loaded; a search of nothing waits for it (and fails if it could
      // not load), and fetches nothing else: filters() would fetch the filter index, which only the search page needs.
      await pagefind.search('');
      return pagefind;
    };
    const [own, entry] = await Promise.all([
      start(),
      fetch(`${bundle}pagefind-entry.json`).then((response) => response.json() as Promise<{ languages: Record<string, IndexEntry> }>),
    ]);
    const plan = searchPlan(entry.languages, root.lang);
    // Pagefind skips a merge of its own bundle's path (written for other sites' bundles): the
    // same bundle, named by its absolute URL, merges as the other language it is asked for.
    const url = new URL(bundle, location.href).href;
    const merge = async (pagefind: Pagefind, languages: string[]) => {
      for (const language of languages) await pagefind.mergeIndex(url, { ...options, language });
      return pagefind;
    };
    const others = await Promise.all(
      plan.separate.map(({ language, merged }) =>
        start(language)
          .then((pagefind) => merge(pagefind, merged))
          .catch((error: unknown) => {
            console.warn(`Search leaves out the essays in ${[language, ...merged].join(', ')}: their index did not load.`, error);
            return undefined;
          }),
      ),
    );
    return {
      instances: [await merge(own, plan.merged), ...others.filter((pagefind) => pagefind !== undefined)],
      severalIndexes: Object.keys(entry.languages).length > 1,
      languages: Object.keys(entry.languages),
    };
  })().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/**
 * Pagefind takes an instance's language from `<html lang>` as the instance is
 * made, synchronously within init(), and has no option for it: so for that
 * moment the page says the language of the index to load. Nothing renders
 * in between.
 */
function asLanguage<T>(language: string, make: () => T): T {
  const own = root.getAttribute('lang');
  root.setAttribute('lang', language);
  try {
    return make();
  } finally {
    if (own === null) root.removeAttribute('lang');
    else root.setAttribute('lang', own);
  }
}

/** The results of each instance whose excerpts are read to tell a match by Pagefind's fallback from one of the word. */
const JUDGED = 5;

/**
 * Searches every instance, once the reader pauses typing (null if a newer
 * search came meanwhile), and puts their results in one list, best first.
 * Pagefind's scores are compared across indexes, as its own mergeIndex
 * does, except that a result that matched a word only by Pagefind's
 * fallback to a far shorter word (src/lib/prefix-fallback.ts) comes after
 * those that matched the word itself. Each instance's first results are
 * judged by their excerpts, which the first page of results reads anyway;
 * the rest of an instance's, ranked lower, as its last judged one. An
 * instance that fails is left out; if all fail, so does the search.
 *
 * A query typed in letters or digits that another of the site's languages
 * writes otherwise (Arabic ي for Persian ی, 1906 for ۱۹۰۶) is searched in
 * each spelling too (src/lib/search-variants.ts), and each essay keeps its
 * best result, with the words it was found by to mark on arrival.
 */
async function searchAll(
  { instances, severalIndexes, languages }: Engine,
  term: string,
  filters: Filters,
  { counts = true } = {},
): Promise<Search | null> {
  const variants = term ? queryVariants(term, languages) : [term];
  const settled = await Promise.allSettled(
    instances.map(async (pagefind) => {
      const first = await pagefind.debouncedSearch(term || null, { filters }, 150);
      if (first === null) return null;
      const others = await Promise.all(variants.slice(1).map((variant) => pagefind.search(variant, { filters })));
      return [first, ...others].map((search, i) => ({ term: variants[i]!, search }));
    }),
  );
  const searches = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  if (searches.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
  if (searches.some((search) => search === null)) return null;
  const spelt = searches as { term: string; search: Search }[][];
  const ranked = await Promise.all(
    spelt.flat().map(async ({ term, search: { results } }) => {
      if (!severalIndexes || !term) return results.map((result) => ({ result, tier: 1 }));
      const judged = await Promise.all(
        results.slice(0, JUDGED).map(async (result) => (matchedByFallback(term, (await result.data()).excerpt) ? 0 : 1)),
      );
      return results.map((result, i) => ({ result, tier: judged[Math.min(i, judged.length - 1)] ?? 1 }));
    }),
  );
  const seen = new Set<string>();
  return {
    results: ranked
      .flat()
      .sort((a, b) => b.tier - a.tier || b.result.score - a.result.score)
      .filter(({ result }) => variants.length === 1 || (!seen.has(result.id) && seen.add(result.id)))
      .map(({ result }) => result),
    // Only where they are shown (the search page's filters): they may read the data of a few results.
    filters: counts ? addCounts(await Promise.all(spelt.map(countsOverSpellings))) : {},
  };
}

/** The most results of other spellings whose data is read for the filter counts (one fetch each). */
const COUNTED_BESIDES = 24;

/**
 * Each filter value's count over one instance's spellings of the query, each
 * essay once: the counts of the spelling that found the most, and one for each
 * value of every essay only other spellings found (whose filters are read from
 * its data, which Pagefind fetches; usually none, or a few). Past
 * COUNTED_BESIDES of those, each value's count is its largest over the
 * spellings instead, which may be too low, rather than a fetch per essay.
 */
async function countsOverSpellings(spellings: { search: Search }[]): Promise<Search['filters']> {
  const [most, ...others] = [...spellings].sort((a, b) => b.search.results.length - a.search.results.length);
  const found = new Set(most!.search.results.map((result) => result.id));
  const besides = others.flatMap(({ search }) => search.results.filter((result) => !found.has(result.id) && found.add(result.id)));
  if (besides.length > COUNTED_BESIDES)
    return addCounts(
      spellings.map(({ search }) => search.filters),
      Math.max,
    );
  const data = await Promise.all(besides.map((result) => result.data()));
  // Each of those essays counts one for each of its values.
  const ones = data.map(({ filters = {} }) =>
    Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, Object.fromEntries(values.map((value) => [value, 1]))])),
  );
  return addCounts([most!.search.filters, ...ones]);
}

/** Each filter value's count over every instance, summed, or the largest (`Math.max`) over one instance's spellings (a new record). */
function addCounts(
  counts: Record<string, Record<string, number>>[],
  combine: (a: number, b: number) => number = (a, b) => a + b,
): Record<string, Record<string, number>> {
  const sum: Record<string, Record<string, number>> = {};
  for (const filters of counts) {
    for (const [name, values] of Object.entries(filters)) {
      const total = (sum[name] ??= {});
      for (const [value, count] of Object.entries(values)) total[value] = combine(total[value] ?? 0, count);
    }
  }
  return sum;
}

export interface SearchOptions {
  /** Told of every change to the query, for example to keep it in the address. */
  onQuery?: (query: string) => void;
  /** The filter values chosen to begin with (`{ tag: ['history'] }`, from `/search/?tag=history`). */
  filters?: Filters;
  /** Told of every change to the filters chosen. */
  onFilters?: (filters: Filters) => void;
}

/** Makes a SearchBox search: as the reader types, on submit, and at once if its field holds words or filters are chosen. */
export function attachSearch(box: HTMLElement, { onQuery, filters: initial = {}, onFilters }: SearchOptions = {}): void {
  const input = box.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = box.querySelector<HTMLElement>('.search-status')!;
  const list = box.querySelector<HTMLOListElement>('.search-results')!;
  const more = box.querySelector<HTMLButtonElement>('.search-more')!;
  const pane = box.querySelector<HTMLElement>('.search-filters');
  const chosen: Filters = { ...initial };
  let current: Search | undefined;
  let shown = 0;
  /** Counts searches, so that a slow answer to an old query never replaces a newer one. */
  let latest = 0;
  const changed = () => {
    onFilters?.(chosen);
    return run();
  };
  const paneDrawn = pane ? showFilters(pane, chosen, changed) : Promise.resolve();

  async function run(): Promise<void> {
    const term = input.value.trim();
    const filtering = Object.values(chosen).some((values) => values.length > 0);
    const id = ++latest;
    onQuery?.(input.value);
    if (!term && !filtering) {
      current = undefined;
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      more.hidden = true;
      say('');
      return;
    }
    list.setAttribute('aria-busy', 'true');
    let pagefind: Engine;
    try {
      if (!engine) say(WORDS.loading);
      pagefind = await loadPagefind();
    } catch {
      if (id === latest) fail();
      return;
    }
    // Pagefind counts filter values only once their index has loaded, which drawing the pane does.
    await paneDrawn;
    // Drawing it may have dropped a value chosen in the address that no essay has: then nothing is asked.
    if (!term && !Object.values(chosen).some((values) => values.length > 0)) {
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      if (id === latest) say('');
      return;
    }
    let search: Search | null;
    try {
      search = await searchAll(pagefind, term, chosen, { counts: pane !== null });
    } catch {
      if (id === latest) fail();
      return;
    }
    if (!search || id !== latest) return;
    current = search;
    if (pane) countMatches(pane, search.filters);
    shown = 0;
    list.replaceChildren();
    await showMore(id, false);
    if (id !== latest) return;
    const count = search.results.length;
    if (count === 0) {
      // Filters alone ("?tag=x" of no essay): "0 results with these filters", not "No results for “”".
      const none = term ? WORDS.noResults.replace('{term}', term) : resultsFound(0);
      say(`${none}${filtering ? WORDS.withFilters : ''}${WORDS.tryOther}`, link(SITE_ROOT, WORDS.browseAll), WORDS.end);
    } else {
      say(`${resultsFound(count)}${term ? WORDS.forTerm.replace('{term}', term) : ''}${WORDS.countEnd}`);
    }
  }

  async function showMore(id: number, focus: boolean): Promise<void> {
    const batch = current?.results.slice(shown, shown + PAGE) ?? [];
    const data = await Promise.all(batch.map((result) => result.data()));
    if (id !== latest || !current) return;
    useScriptFaces(
      data.flatMap((result) => [
        result.meta['title'],
        result.meta['description'],
        result.excerpt,
        ...result.sub_results.map((sub) => sub.title),
      ]),
    );
    const items = data.map(renderResult);
    list.append(...items);
    shown += batch.length;
    more.hidden = shown >= current.results.length;
    list.removeAttribute('aria-busy');
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  function say(...parts: (string | Node)[]): void {
    status.replaceChildren(...parts);
  }

  function fail(): void {
    list.removeAttribute('aria-busy');
    say(import.meta.env.DEV ? WORDS.noIndexInDev : WORDS.failed);
  }

  input.addEventListener('input', () => void run());
  box.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  more.addEventListener('click', () => void showMore(latest, true));
  box.addEventListener('keydown', (event) => moveThroughResults(event, input, list));
  if (input.value.trim() || Object.values(chosen).some((values) => values.length > 0)) void run();
  else void loadPagefind().catch(() => undefined);
}

/**
 * Links the Hebrew and Arabic faces' stylesheet when results show their
 * letters: a page links it only for its own text (src/lib/script-faces.ts),
 * and an English page's search finds an Urdu essay too, whose letters the
 * system's interface face may lack (src/styles/script-faces.css). The
 * results show at once, and the faces swap in.
 */
function useScriptFaces(texts: (string | undefined)[]): void {
  // Not through load-style.ts: a chunk shared with the page's own scripts would cost every page's first load its preload list.
  if (!needsScriptFaces(...texts) || document.querySelector(`link[href="${CSS.escape(scriptFaces)}"]`)) return;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: scriptFaces }));
}

/** Arrow keys: from the field into the results, and through every link in them. */
function moveThroughResults(event: KeyboardEvent, input: HTMLInputElement, list: HTMLElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
  if (event.target === input) {
    if (event.key === 'ArrowDown' && links[0]) {
      event.preventDefault();
      links[0].focus();
    }
    return;
  }
  const at = links.indexOf(event.target as HTMLAnchorElement);
  if (at < 0) return;
  event.preventDefault();
  const next = at + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0) input.focus();
  else links[Math.min(next, links.length - 1)]!.focus();
}

function renderResult(result: Result): HTMLLIElement {
  const item = element('li', 'search-result');
  // In the essay's own direction, from its title: a Hebrew essay's result reads right to left on an English page.
  item.dir = 'auto';
  item.append(link(result.url, result.meta['title'] ?? result.url));
  const facts = [result.meta['written']?.replace(/^\((.*)\)$/, '$1'), result.meta['description']].filter(Boolean);
  if (facts.length > 0) item.append(element('p', 'search-meta', facts.join(' · ')));
  // The sections that match most, in the essay's order; text before the first heading has no anchor.
  const sections = result.sub_results
    .filter((sub) => sub.anchor && sub.url !== result.url)
    .sort((a, b) => b.locations.length - a.locations.length)
    .slice(0, SECTIONS)
    .sort((a, b) => a.anchor!.location - b.anchor!.location);
  // The essay's own excerpt is the best section's, word for word, when its match is in a section: once is enough.
  if (!sections.some((sub) => sub.excerpt === result.excerpt)) item.append(excerpt(result.excerpt));
  if (sections.length > 0) {
    const list = element('ul');
    for (const sub of sections) {
      const entry = element('li');
      entry.append(link(sub.url, sub.title), excerpt(sub.excerpt));
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/**
 * Pagefind's excerpt is HTML with <mark> around matched words. It is parsed
 * in an inert document and only its text and marks are kept, so nothing in an
 * essay or a query can add markup to the page.
 */
function excerpt(html: string): HTMLParagraphElement {
  const paragraph = element('p');
  const body = new DOMParser().parseFromString(`<body>${html}`, 'text/html').body;
  const text = body.textContent?.trim() ?? '';
  // Pagefind cuts a window of words from the text: say so where it cuts mid-sentence.
  if (text && !SENTENCE_START.test(text)) paragraph.append('… ');
  for (const node of body.childNodes) {
    paragraph.append(
      node.nodeName === 'MARK' ? element('mark', undefined, node.textContent ?? '') : closeUpOpenings(node.textContent ?? ''),
    );
  }
  if (text && !SENTENCE_END.test(text)) paragraph.append(' …');
  return paragraph;
}

/** "12 results", in the page's language and its plural forms. */
function resultsFound(count: number): string {
  const results = WORDS.results[new Intl.PluralRules(root.lang).select(count)] ?? WORDS.results.other;
  return results.replace('{n}', count.toLocaleString(root.lang));
}

const SENTENCE_START = /^[‘“"'([]?[\p{Lu}\p{N}]/u;
const SENTENCE_END = /[.?!…][’”"')\]]?$/u;

/** The filter pane: one group of checkboxes per filter, each value with its count of essays. */
async function showFilters(pane: HTMLElement, chosen: Filters, run: () => Promise<void>): Promise<void> {
  let filters: Record<string, Record<string, number>>;
  try {
    const { instances } = await loadPagefind();
    const settled = await Promise.allSettled(instances.map((instance) => instance.filters()));
    filters = addCounts(settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])));
  } catch {
    return;
  }
  const essays = Number(pane.dataset.essays ?? Infinity);
  for (const [name, values] of Object.entries(filters).sort(([a], [b]) => a.localeCompare(b))) {
    // A filter chosen already (by a link to a tag) is shown, to be seen and unchosen, whether or not it narrows;
    // in the site's spelling of it, whatever the case in the address (`?tag=history` for "History").
    const spelt = (value: string) => Object.keys(values).find((v) => v.localeCompare(value, undefined, { sensitivity: 'accent' }) === 0);
    // A value no essay has (an old link's tag) is dropped: it would filter out every essay, with no box to clear.
    if (chosen[name]) chosen[name] = chosen[name].flatMap((value) => spelt(value) ?? []);
    const wanted = new Set(chosen[name] ?? []);
    if (!narrows(values, essays) && wanted.size === 0) continue;
    const group = element('details');
    const summary = element('summary', undefined, filterName(name));
    const options = element('div');
    options.setAttribute('role', 'group');
    options.setAttribute('aria-label', summary.textContent!);
    for (const [value, count] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b))) {
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = wanted.has(value);
      label.append(box, ` ${value} `, element('span', 'search-count', `(${count})`));
      options.append(label);
    }
    group.open = wanted.size > 0;
    group.append(summary, options);
    pane.append(group);
  }
  pane.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    chosen[box.name] = [...pane.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(box.name)}"]:checked`)].map((b) => b.value);
    void run();
  });
  pane.hidden = pane.childElementCount === 0;
}

/** A filter's name in the page's language ("tag" → "Tag", "Метка"); a filter with no name written is its key, capitalised. */
function filterName(name: string): string {
  return (WORDS.filters as Record<string, string | undefined>)[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A filter is offered only if it can narrow the results: some value of it
 * matches fewer than all the essays (on a one-essay site, none does).
 */
function narrows(values: Record<string, number>, essays: number): boolean {
  return Object.values(values).some((count) => count < essays);
}

/** Each filter value's count, for the query as it stands: how many essays choosing it would leave. */
function countMatches(pane: HTMLElement, counts: Search['filters']): void {
  for (const box of pane.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const count = box.parentElement?.querySelector('.search-count');
    if (count) count.textContent = `(${counts[box.name]?.[box.value] ?? 0})`;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = element('a', undefined, text);
  anchor.href = href;
  return anchor;
}
