import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { decodeBibtex, parseBibtex } from '../lib/bibtex.ts';
import { type CalendarDate, isoDate } from '../lib/dates.ts';
import { formatCitations } from '../lib/citeproc.ts';
import { essayFactsOf, essayItem, linkUrl } from '../lib/essay-record.ts';
import { EssayError, EssayErrors, formatPlace, type Place } from '../lib/essay-error.ts';
import { inlineMarkdown } from '../lib/inline-markdown.ts';
import { quoteMarks, smartened } from '../lib/smart-punctuation.ts';
import { didYouMean } from '../lib/suggest.ts';
import { uiStrings } from '../lib/ui-strings.ts';
import { type Bibliography, type CslFile, type EssayOutput, type EssayRun, RUN_KEY } from '../plugins/contracts.ts';
import { pandocInline } from '../plugins/remark-math.ts';
import { essayLocale, loadLocale, loadStyle } from './csl.ts';
import { type EssayFolders, resolveEssayFile } from './files.ts';
import { splitEssay } from './frontmatter.ts';
import { type EssayData, validateFrontmatter } from './schema.ts';

/** Where an essay is, and where it will be published. */
export interface EssaySource {
  /** Its id: the folder's name, lower-cased, and its URL. */
  id: string;
  /** `index.md`, absolute. */
  file: string;
  folders: EssayFolders;
  /** Its URL path, with the site's base: `/essays/<id>/`. */
  path: string;
  /** Its public address, for its own citation record. */
  url: string;
}

/**
 * An essay read and its frontmatter checked: everything its cache key needs
 * (the bytes of `index.md` and of each .bib it names), read once, and
 * everything that can be checked without parsing the .bib or rendering.
 * Plain data, so that it can be handed to a worker thread.
 */
export interface ReadEssay {
  source: EssaySource;
  data: EssayData;
  /** The title with its emphasis as HTML, when the author marked some (`title: Reading *Capital* Again`); `data.title` is its words. */
  titleHtml?: string | undefined;
  /** `index.md` as read. */
  bytes: Uint8Array;
  /** Markdown with the frontmatter blanked out, so that positions are the file's own. */
  markdown: string;
  /** The .bib files the essay names (one, or the list it gives), as read. */
  bibliographies: { file: string; bytes: Uint8Array }[];
  /** Where each `nocite` key was written, for its message if the .bib lacks it. */
  nocitePlaces: Place[];
  /** The citation style, the essay's locale, and en-US (the base of every locale). */
  csl: { style: CslFile; locale: CslFile; fallback: CslFile };
  /** Warnings found in reading it, as plain data (a worker thread is handed this): the rendering reports them. */
  notices: { place: Place; problem: string }[];
  /**
   * Warnings that hold only on the day of the build (a date still to come): every build makes and reports
   * them afresh, never kept with the rendering, which a date that has come does not change.
   */
  untimely: { place: Place; problem: string }[];
}

/** An essay's rendering, as the content store keeps it. */
export interface RenderedEssay {
  html: string;
  metadata: {
    /** Images for Astro's asset pipeline (its glob() loader's name for them). */
    imagePaths: string[];
    localImagePaths: string[];
    essay: EssayOutput;
    /** The essay's own reference for "Cite this essay", in its style and language. */
    record: string;
  };
  /** Worth the author's eye, not stopping the build. */
  warnings: EssayError[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an essay's `index.md` and the .bib it names, and checks its
 * frontmatter, its citation style and language and where its files are:
 * everything that can be known without parsing the .bib or rendering, each
 * problem at its line and column. Throws EssayErrors with every problem found
 * (`draft` set when the essay says it is one). `read` reads a file: the
 * loader's reads each file once, however many essays name it.
 */
export async function readEssay(source: EssaySource, read: (file: string) => Promise<Uint8Array> = readFile): Promise<ReadEssay> {
  const bytes = await read(source.file);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new EssayErrors([new EssayError({ file: source.file }, 'the file is not UTF-8 text; save it as UTF-8 (every editor can).')]);
  }
  const split = splitEssay(text, source.file);
  const draft = split.data.draft === true;
  let data: EssayData;
  try {
    data = validateFrontmatter(split.data, split.placeOf, split.textOf);
  } catch (error) {
    throw error instanceof EssayErrors ? new EssayErrors(error.errors, { draft }) : error;
  }
  const problems: EssayError[] = [];
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof EssayError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const style = attempt(() => loadStyle(data.csl, split.placeOf(['csl'])));
  const langPlace = split.placeOf(['lang']);
  const found = attempt(() => essayLocale(data.lang, langPlace));
  const locale = found?.locale;
  // Every place but the page's heading shows the title's words; the heading shows its emphasis too.
  // Title and description are set as the text is: "quotes" and -- in the language's marks.
  const marks = locale && quoteMarks(locale.xml, data.lang);
  const title = inlineMarkdown(data.title, marks);
  data = { ...data, title: title.text, description: marks ? smartened(data.description, marks) : data.description };
  const notices = found?.warning === undefined ? [] : [{ place: langPlace, problem: found.warning }];
  // A title is one line of words in every place it goes (<title>, the feed, cards, citations): no formula.
  const formula = [...data.title.matchAll(/(?<!\\)\$[^$]+\$/g)].find((m) => pandocInline(m[0], data.title[m.index + m[0].length]));
  if (formula) {
    notices.push({
      place: split.placeOf(['title']),
      problem: `the title's formula ${formula[0]} is shown as typed: a title takes no math; write its symbols themselves (σ, ℝ, ≤), or *emphasis* for a variable.`,
    });
  }
  const bibliographies: ReadEssay['bibliographies'] = [];
  const listed = Array.isArray(split.data['bibliography']);
  const named = new Map<string, string>();
  for (const [i, written] of (data.bibliography ?? []).entries()) {
    const place = split.placeOf(listed ? ['bibliography', i] : ['bibliography']);
    const file = attempt(() => resolveEssayFile(written, 'bibliography', source.folders, place));
    if (file === undefined) continue;
    const before = named.get(file);
    if (before !== undefined) {
      const twice = before === written ? `${written} twice` : `one file twice, as ${before} and ${written}`;
      problems.push(new EssayError(place, `\`bibliography\` names ${twice}; name each file once.`));
      continue;
    }
    named.set(file, written);
    bibliographies.push({ file, bytes: await read(file) });
  }
  if (Array.isArray(data.nocite) && data.bibliography === undefined) {
    problems.push(
      new EssayError(
        split.placeOf(['nocite']),
        'nocite lists works, but the essay names no bibliography; add "bibliography: references.bib".',
      ),
    );
  }
  if (problems.length > 0 || style === undefined || locale === undefined) throw new EssayErrors(problems, { draft });
  return {
    source,
    data,
    titleHtml: title.html,
    bytes,
    markdown: split.markdown,
    bibliographies,
    nocitePlaces: Array.isArray(data.nocite) ? data.nocite.map((_, i) => split.placeOf(['nocite', i])) : [],
    csl: { style, locale, fallback: loadLocale('en-US', { file: source.file }) },
    notices,
    untimely: datesToCome(data, split.data, split.placeOf),
  };
}

/**
 * The dates the frontmatter gives that are still to come: a slip of the year,
 * most often (2031 for 2013), shown on the page and in its metadata as the
 * date of writing. Publishing does not wait for a date, so the author is told
 * how to keep an essay back.
 */
export function datesToCome(
  data: EssayData,
  raw: Record<string, unknown>,
  placeOf: (path: (string | number)[]) => Place,
  now = new Date(),
): ReadEssay['untimely'] {
  // Today somewhere: the date in the furthest time zone ahead (UTC+14), so that an author in Tokyo who dates an essay
  // today is not told it is to come.
  const today = new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
  const dates: { path: (string | number)[]; date: CalendarDate; what: string }[] = [
    { path: typeof raw['written'] === 'object' ? ['written', 'date'] : ['written'], date: data.written, what: 'written' },
    ...(data.updated ? [{ path: ['updated'], date: data.updated, what: 'updated' }] : []),
    ...(data.revisions ?? []).map((revision, i) => ({ path: ['revisions', i, 'date'], date: revision.date, what: 'the revision' })),
  ];
  return dates.flatMap(({ path, date, what }) => {
    // A year or a month is to come only when its first day is: "2026-12" is not, on 7 December 2026.
    const first = isoDate(date.date, 'day');
    if (first <= today) return [];
    const written = isoDate(date.date, date.precision);
    return [
      {
        place: placeOf(path),
        problem:
          `${what} is dated ${written}, which is still to come in every time zone (the furthest ahead is at ${today}): the page gives it as the date. ` +
          'Give the date it was done; to keep an essay unpublished until it is ready, write `draft: true`.',
      },
    ];
  });
}

/**
 * Parsed bibliographies by file, bytes and the essay's language (which the
 * titles of entries without `langid` are in): a .bib shared by several essays
 * is parsed once.
 */
const parsed = new Map<string, { bytes: Uint8Array; bibliography: ParsedBibliography }>();

/** A .bib file's entries, and what its reading warns of (each essay that names it repeats it). */
type ParsedBibliography = ReturnType<typeof parseBibtex> & { file: string };

function parseBibliography({ file, bytes }: { file: string; bytes: Uint8Array }, language: string): ParsedBibliography {
  const key = `${file}\0${language}`;
  const known = parsed.get(key);
  if (known && Buffer.compare(known.bytes, bytes) === 0) return known.bibliography;
  const bibliography = { ...parseBibtex(decodeBibtex(bytes, file), file, language), file };
  parsed.set(key, { bytes, bibliography });
  return bibliography;
}

/**
 * The essay's .bib files read as one bibliography, as Pandoc reads a list of
 * them: their entries in the order the files are named. A key in two files
 * (or two keys differing only in case, which BibTeX reads as one) is an
 * error naming both places, as it is within one file.
 */
function mergeBibliographies(files: ParsedBibliography[]): Bibliography {
  const items: Bibliography['items'] = [];
  const keys: string[] = [];
  const places = new Map<string, Place>();
  const byFoldedKey = new Map<string, string>();
  const problems: EssayError[] = [];
  for (const { file, items: fileItems, keys: fileKeys, lines } of files) {
    fileKeys.forEach((key, i) => {
      const place = { file, line: lines.get(key) };
      const first = byFoldedKey.get(key.toLowerCase());
      if (first !== undefined) {
        const there = formatPlace(places.get(first)!);
        problems.push(
          new EssayError(
            place,
            first === key
              ? `duplicate citation key "${key}" (first defined in ${there}); give each entry its own key, and keep a work in one of the essay's .bib files.`
              : `citation key "${key}" differs only in case from "${first}" (${there}); BibTeX and crossref treat them as one key, so make them differ in more than case.`,
          ),
        );
        return;
      }
      byFoldedKey.set(key.toLowerCase(), key);
      places.set(key, place);
      keys.push(key);
      items.push(fileItems[i]!);
    });
  }
  if (problems.length > 0) throw new EssayErrors(problems);
  return { files: files.map(({ file }) => file), items, keys, places };
}

/**
 * Parses the essay's .bib, checks its `nocite` keys, and renders it through
 * the Markdown pipeline (src/plugins/index.ts, as astro.config.mjs sets it
 * up). The plugins read the essay from, and write what they find to, the run
 * passed as frontmatter. Throws EssayErrors with every problem found.
 */
export async function renderEssay(renderer: MarkdownRenderer, read: ReadEssay): Promise<RenderedEssay> {
  let bibliography: Bibliography | undefined;
  const warnings = read.notices.map(({ place, problem }) => new EssayError(place, problem));
  if (read.bibliographies.length > 0) {
    const files: ParsedBibliography[] = [];
    const problems: EssayError[] = [];
    for (const file of read.bibliographies) {
      try {
        const found = parseBibliography(file, read.data.lang);
        files.push(found);
        warnings.push(...found.warnings);
      } catch (error) {
        if (!(error instanceof EssayError)) throw error;
        problems.push(error);
      }
    }
    if (problems.length > 0) throw new EssayErrors(problems);
    bibliography = mergeBibliographies(files);
  }
  const { data, source } = read;
  if (Array.isArray(data.nocite) && bibliography) {
    const keys = new Set(bibliography.keys);
    const unknown = data.nocite.flatMap((key, i) =>
      keys.has(key)
        ? []
        : [new EssayError(read.nocitePlaces[i]!, `nocite names unknown citation key @${key}${didYouMean(key, keys, '@')}`)],
    );
    if (unknown.length > 0) throw new EssayErrors(unknown);
  }
  const run: EssayRun = {
    input: {
      file: source.file,
      path: source.path,
      lang: data.lang,
      strings: uiStrings(data.lang),
      bibliography,
      csl: read.csl,
      nocite: data.nocite,
      folders: source.folders,
    },
    problems: [],
    warnings,
    output: {},
  };
  let result: Awaited<ReturnType<MarkdownRenderer['render']>>;
  try {
    result = await renderer.render(read.markdown, { frontmatter: { [RUN_KEY]: run }, fileURL: pathToFileURL(source.file) });
  } catch (error) {
    // A plugin's own failure (not the author's): say which essay, and keep the cause.
    if (run.problems.length > 0) throw new EssayErrors(run.problems);
    const message = (error as Error).message.replace(/^Failed to parse Markdown file "[^"]*":\n/, '');
    throw new EssayErrors([new EssayError({ file: source.file }, `could not be rendered: ${message}`, { cause: error })]);
  }
  if (run.problems.length > 0) throw new EssayErrors(run.problems);
  // Astro's `headings` are left out: the pages read the sections the pipeline found (essay.sections).
  const { localImagePaths, remoteImagePaths } = result.metadata;
  // Formatted by the engine that formatted its citations, while it is at hand; shown as a post of the
  // site: styles date a 'webpage' twice ("2013. … October 2013."), a post once.
  const item = essayItem(essayFactsOf(source.id, data, new URL(source.url), undefined));
  const record = linkUrl(formatCitations([{ ...item, type: 'post' }], read.csl, [], '*').bibliography[0]?.html ?? '', source.url);
  return {
    html: result.code,
    metadata: {
      localImagePaths,
      imagePaths: [...localImagePaths, ...remoteImagePaths],
      essay: {
        sections: [],
        readingMinutes: 1,
        listed: [],
        ids: [],
        links: [],
        files: [],
        targets: [],
        math: false,
        figures: false,
        ...run.output,
      },
      record,
    },
    warnings: run.warnings,
  };
}
