import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { type CslFiles, titleCase } from '../lib/citeproc.ts';
import { DEFAULT_STYLE } from '../lib/csl-names.ts';
import type { CslItem } from '../lib/csl-item.ts';
import { type CalendarDate, isoDate, revisedDate, storedDate } from '../lib/dates.ts';
import { essayDownloads } from '../lib/downloads.ts';
import { essayFactsOf } from '../lib/essay-record.ts';
import { SITE_CONFIG_ENV } from '../lib/site.ts';
import { comparePlaces, EssayError, EssayErrors, formatPlace, type StoredProblem, storedProblem } from '../lib/essay-error.ts';
import { type CslFile, IDS, type Section, type StoredEssayOutput } from '../plugins/contracts.ts';
import { essayHtmlDir, hasEssayHtml, pruneEssayHtml, readEssayWorks, writeEssayHtml } from './essay-html.ts';
import { loadLocale, loadStyle } from './csl.ts';
import { essayFolders } from './files.ts';
import { type LastChange, lastChanges } from './git.ts';
import { checkLinks } from './links.ts';
import { type EssaySource, type ReadEssay, type RenderedEssay, readEssay } from './render.ts';
import { essayRenderer } from './render-pool.ts';
import { type EssayData, essaySchema } from './schema.ts';
import { type SharedEssay, writeSharingManifest } from './sharing-manifest.ts';

type DataEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;

/** The revision date stored with an entry's rendering: ISO as precise as known, and where it came from. */
export interface StoredRevision {
  date: string;
  precision: 'day' | 'month' | 'year';
  from: 'frontmatter' | 'git';
}

export interface EssayLoaderOptions {
  /** Folder of essays, relative to the project root: one folder per essay, `<slug>/index.md`. */
  base: string;
}

/**
 * The folder name is the essay's slug and its public URL; URLs are lower case.
 * A letter is one with its marks: Hindi's vowel signs (निबंध), Hebrew's points,
 * and modifier letters such as Japanese's ー (コーヒー).
 */
const LETTER = String.raw`[\p{Ll}\p{Lo}\p{Lm}\p{N}]\p{M}*`;
const SLUG = new RegExp(`^(?:${LETTER})+(?:-(?:${LETTER})+)*$`, 'u');

/** A Markdown file's name: what findEssays() names when the build would not publish it. */
const MARKDOWN = /\.(?:md|markdown)$/i;

/**
 * The essays collection. For each `<base>/<slug>/index.md` it reads the
 * Markdown and everything it names once (frontmatter, .bib, CSL style and
 * locale), validates it all once, renders it through Astro's Markdown
 * processor, and stores what the plugins found (sections, reading time, the
 * works listed) for the pages to read, and the HTML in a file of its own
 * beside the store (essay-html.ts).
 *
 * An entry is rendered again exactly when something it depends on changed:
 * its cache key covers index.md, the bytes of each .bib, the style and locale
 * files, the images it shows and the pipeline's code, where Astro's glob()
 * loader would look at index.md alone and serve a stale page after a .bib
 * edit.
 *
 * Every problem in every essay is collected and the build fails once with
 * all of them, one line per cause, each naming the file, line and column;
 * `astro dev` logs them and keeps serving, and an essay it cannot read or
 * render keeps its address: its entry holds the problems instead of a
 * rendering (`refused()`), and its page lists them. Drafts are left out of
 * builds (their problems are warnings there).
 */
export function essayLoader({ base }: EssayLoaderOptions): Loader {
  return {
    name: 'essay-loader',
    schema: essaySchema,
    load: async (context) => {
      const dev = context.watcher !== undefined;
      const sync = () => loadEssays(context, base, dev);
      await sync();
      if (!context.watcher) return;
      // Any edit under content/ (an essay's Markdown, .bib or image, or a .bib essays share there) syncs again;
      // unchanged essays are not rendered again.
      const dir = path.dirname(path.resolve(fileURLToPath(context.config.root), base));
      context.watcher.add(dir);
      let pending: Promise<void> = Promise.resolve();
      const resync = (changed: string) => {
        if (!changed.startsWith(dir + path.sep)) return;
        pending = pending.then(sync).catch((error: unknown) => context.logger.error(String((error as Error).message)));
      };
      context.watcher.on('change', resync);
      context.watcher.on('add', resync);
      context.watcher.on('unlink', resync);
    },
  };
}

async function loadEssays(context: LoaderContext, base: string, dev: boolean): Promise<void> {
  const { config, store, logger } = context;
  const root = fileURLToPath(config.root);
  const dir = path.resolve(root, base);
  const contentDir = path.dirname(dir);
  const publicDir = fileURLToPath(config.publicDir);
  const problems: EssayError[] = [];
  const sources = findEssays(dir, problems, (warning) => logger.warn(warning));
  const code = await codeVersion();
  const basePath = config.base.endsWith('/') ? config.base : `${config.base}/`;
  const htmlDir = await essayHtmlDir(config.cacheDir, dev);

  // First every essay is read and checked, and its cache key made: cheap, and all an unchanged essay needs.
  const outputs = new Map<string, StoredEssayOutput>();
  // The works listed by the essays rendered now; the others' are read from where the last build kept them.
  const works = new Map<string, CslItem[]>();
  const seen = new Set<string>();
  // Under `astro dev`, each essay that could not be read or rendered, with its problems: its page shows them.
  const refusals = new Map<string, { file: string; errors: EssayError[] }>();
  const refuse = (id: string, file: string, errors: EssayError[]) => {
    if (dev) refusals.set(id, { file, errors });
  };
  const changed: { read: ReadEssay; digest: string; revised: StoredRevision | undefined; before: Section[] | undefined }[] = [];
  const changes = await lastChanges(dir);
  const undated: string[] = [];
  // Each file once, however many essays name it (a .bib shared from content/).
  const reads = new Map<string, Promise<Uint8Array>>();
  const readOnce = (file: string) => {
    let bytes = reads.get(file);
    if (bytes === undefined) reads.set(file, (bytes = readFile(file)));
    return bytes;
  };
  await inBatches(sources, 8, async ({ id, file }) => {
    const source: EssaySource = {
      id,
      file,
      folders: essayFolders(path.dirname(file), contentDir, publicDir),
      path: `${basePath}essays/${id}/`,
      url: new URL(`${basePath}essays/${id}/`, config.site ?? 'https://site.invalid').href,
    };
    let read: ReadEssay;
    try {
      read = await readEssay(source, readOnce);
    } catch (error) {
      const errors = authorErrors(error);
      if (!dev && error instanceof EssayErrors && error.draft) for (const e of errors) logger.warn(`${e.message} (a draft, so not built)`);
      else problems.push(...errors);
      refuse(id, file, errors);
      return;
    }
    if (read.data.draft && !dev) return;
    seen.add(id);
    for (const { place, problem } of read.untimely) logger.warn(new EssayError(place, problem).message);
    const revised = revision(read.data, changes(path.basename(path.dirname(file))));
    if (revised === 'shallow') undated.push(path.relative(root, path.dirname(file)).split(path.sep).join('/'));
    const existing = store.get(id);
    const digest = await digestOf(read, code, existing, JSON.stringify(revised ?? 'none'));
    if (existing?.digest === digest && existing.rendered && hasEssayHtml(htmlDir, digest)) {
      outputs.set(id, essayOutput(existing));
      // The proofreading report is the essay's, not the render's: every build repeats it.
      for (const warning of (existing.rendered.metadata?.['warnings'] as string[] | undefined) ?? []) logger.warn(warning);
      // As Astro's glob() loader does for an unchanged entry: its images stay in the build (a method its type leaves out).
      const withAssets = store as unknown as { addAssetImports?(assets: string[], file: string): void };
      if (existing.assetImports?.length) withAssets.addAssetImports?.(existing.assetImports, existing.filePath!);
      return;
    }
    // The sections it had at the last build, to tell the author of one whose link is gone (not under `astro dev`: every save would).
    const before = !dev && existing?.rendered && !isRefused(existing) ? essayOutput(existing).sections : undefined;
    changed.push({ read, digest, revised: revised === 'shallow' ? undefined : revised, before });
  });

  // Then the essays that changed are rendered (in worker threads, when there are enough of them).
  const renderer = await essayRenderer(changed.length, config.image);
  // Each essay's problems, listed in the essays' order whichever worker finishes first.
  const renderProblems: EssayError[][] = changed.map(() => []);
  try {
    await Promise.all(
      changed.map(async ({ read, digest, revised, before }, i) => {
        const { id, file } = read.source;
        let result: RenderedEssay;
        try {
          result = await renderer.render(read);
        } catch (error) {
          renderProblems[i] = authorErrors(error);
          refuse(id, file, renderProblems[i]);
          return;
        }
        for (const warning of result.warnings) logger.warn(warning.message);
        for (const warning of goneSections(read, before, result.metadata.essay.sections)) logger.warn(warning);
        const { listed, ...stored } = result.metadata.essay;
        await writeEssayHtml(htmlDir, digest, result.html, listed);
        outputs.set(id, stored);
        works.set(id, listed);
        store.set({
          id,
          data: read.data,
          // No `body`: nothing reads the Markdown from the store, and every byte stored is bundled into the build.
          filePath: path.relative(root, file).split(path.sep).join('/'),
          digest,
          // The proofreading report is the essay's, not the rendering's: kept, so that every build repeats it.
          // The HTML is kept beside the store, by this digest (src/loader/essay-html.ts): only the essay's page reads it.
          // The works listed are kept beside it too: only the essay's page and downloads read them.
          rendered: {
            html: '',
            metadata: {
              ...result.metadata,
              essay: stored,
              revised,
              titleHtml: read.titleHtml,
              warnings: result.warnings.map((w) => w.message),
            },
          },
          assetImports: result.metadata.imagePaths,
        });
      }),
    );
  } finally {
    await renderer.close();
  }
  problems.push(...renderProblems.flat());
  const rendered = changed.length;

  for (const [id, { file, errors }] of refusals) store.set(refused(id, path.relative(root, file).split(path.sep).join('/'), errors));
  for (const id of store.keys()) if (!seen.has(id) && !refusals.has(id)) store.delete(id);
  await pruneEssayHtml(htmlDir, new Set(store.values().map((entry) => String(entry.digest))));
  if (undated.length > 0) logger.warn(shallowWarning(undated.sort()));
  problems.push(...checkLinks(outputs, sources, basePath, publicDir));
  await writeSharingManifest(config.cacheDir, {
    essays: await Promise.all(
      [...outputs].map(async ([id, output]) => {
        const entry = store.get(id)!;
        const { data } = entry as unknown as { data: EssayData };
        const page = `${basePath}essays/${id}/`;
        const url = new URL(page, config.site ?? 'https://site.invalid');
        return {
          id,
          path: page,
          title: data.title,
          description: data.description,
          lang: data.lang,
          authors: data.author?.map((a) => a.name),
          tags: data.tags,
          published: isoDate(data.written.date, data.written.precision),
          modified: lastRevised(entry),
          sections: output.sections,
          downloads: downloadsOf(
            id,
            data,
            entry,
            works.get(id) ?? (await readEssayWorks(String(entry.digest), entry.filePath ?? id, htmlDir)),
            url,
          ),
        };
      }),
    ),
  });
  const threads = renderer.threads > 1 ? ` in ${renderer.threads} worker threads` : '';
  const count = `${seen.size} essay${seen.size === 1 ? '' : 's'}`;
  logger.info(`Rendered ${rendered} of ${count}${threads}; ${seen.size - rendered} unchanged since the last build.`);

  if (problems.length === 0) return;
  // By file, line and column: the worker threads finish essays in no set order.
  problems.sort((a, b) => comparePlaces(a.place, b.place));
  const many = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  const message = `The essays have ${many} to fix before they can be published:\n  ${problems.map((p) => p.message).join('\n  ')}`;
  if (dev) {
    logger.error(message);
    return;
  }
  throw new EssaysRefused(message);
}

/**
 * The entry of an essay that `astro dev` could not read or render: its
 * problems in place of its rendering, and no data (src/data/essays.ts leaves
 * it out of every list; its page shows the problems). Its digest is the
 * problems', so that the store, and the browser, change only when they do;
 * it never matches an essay's cache key, so the next sync renders it again.
 */
function refused(id: string, filePath: string, errors: EssayError[]): Parameters<LoaderContext['store']['set']>[0] {
  const problems: StoredProblem[] = errors.toSorted((a, b) => comparePlaces(a.place, b.place)).map(storedProblem);
  const digest = `refused-${createHash('sha256').update(JSON.stringify(problems)).digest('hex').slice(0, 32)}`;
  return { id, data: {}, filePath, digest, rendered: { html: '', metadata: { problems } } };
}

/** Whether an entry is a refused essay's (`refused()`): problems, no rendering. */
function isRefused(entry: DataEntry): boolean {
  return entry.rendered?.metadata?.['problems'] !== undefined;
}

/**
 * The build's failure: Astro prints its message and hint, and no stack trace
 * (it is about the author's files, not our code).
 */
/**
 * The essays' problems, as one error. Not an AstroError: Astro reads those
 * messages as Markdown and would print a message's example `![A caption](map.png)`
 * as "A caption map.png"; another error's message it prints as it is (and
 * its hint as it prints an AstroError's).
 */
class EssaysRefused extends Error {
  override name = 'essays';
  readonly hint =
    'Fix each problem at the file, line and column it names, then build again. README, "When the build refuses an essay", explains every message.';

  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/**
 * When the essay was last revised, as its page says it: the frontmatter's
 * `updated`, or the last commit that changed its folder. The date joins the
 * essay's cache key, so that a new commit shows on an unchanged essay.
 * None when the essay says `updated: false`; `'shallow'` when a shallow
 * clone cannot tell.
 */
function revision(data: EssayData, change: LastChange): StoredRevision | undefined | 'shallow' {
  const { written, updated } = data;
  if (updated === false) return undefined;
  if (!updated && change.kind === 'shallow') return 'shallow';
  const date = revisedDate(written, updated, change.kind === 'known' ? change.date : undefined);
  return date && { date: isoDate(date.date, date.precision), precision: date.precision, from: updated ? 'frontmatter' : 'git' };
}

function shallowWarning(folders: string[]): string {
  const list = folders.length === 1 ? folders[0]! : `${folders.slice(0, -1).join(', ')} and ${folders.at(-1)}`;
  return (
    `This is a shallow clone of the repository, so the last change to ${list} is not in its history, and ` +
    `${folders.length === 1 ? 'its page shows' : 'their pages show'} no revision date. Fetch the whole history to date ` +
    `${folders.length === 1 ? 'it' : 'them'} (in CI, check out with \`fetch-depth: 0\`), or give the essay an \`updated:\` date.`
  );
}

/**
 * The sections an essay had at the last build whose ids it no longer has: a
 * heading renamed (its id is made from its words) or removed. Links readers
 * shared to it (`#id`, and its share page `s/id/`) lead there no more, and
 * nothing else would say so. A heading that stands where it stood, under new
 * words, is taken for the same one renamed, and the author is shown how to
 * keep its address.
 */
function goneSections(read: ReadEssay, beforeAll: Section[] | undefined, afterAll: Section[]): string[] {
  if (beforeAll === undefined) return [];
  // The sections the author wrote: not the notes' and the bibliography's, which come and go with notes and citations.
  const own = (sections: Section[]) => sections.filter((section) => section.id !== IDS.notes && section.id !== IDS.bibliography);
  const [before, after] = [own(beforeAll), own(afterAll)];
  const ids = new Set(after.map((section) => section.id));
  const { file, path: page } = read.source;
  return before.flatMap((section, i) => {
    if (ids.has(section.id)) return [];
    const links = `links shared to it (${page}#${section.id}, ${page}s/${section.id}/) no longer lead to it`;
    const now = after[i];
    if (now === undefined || before.some((b) => b.id === now.id)) {
      return [`${formatPlace({ file })}: the section "${section.title}" (#${section.id}) is gone since the last build, so ${links}.`];
    }
    const heading = headingLine(read.markdown, now.title);
    const keep = heading ? `${heading.hashes} ${now.title} {#${section.id}}` : `{#${section.id}} at the end of the heading`;
    return [
      `${formatPlace({ file, line: heading?.line })}: the section "${section.title}" (#${section.id}) is now ` +
        `"${now.title}" (#${now.id}), so ${links}; to keep its address, give the heading its old id: ${keep}.`,
    ];
  });
}

/** The line of the ATX heading whose words are `title` exactly (outside code blocks), and its level's hashes. */
function headingLine(markdown: string, title: string): { line: number; hashes: string } | undefined {
  let fence: string | undefined;
  const lines = markdown.split('\n');
  for (const [i, text] of lines.entries()) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker.slice(0, 3) : undefined;
    if (fence !== undefined) continue;
    const found = /^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*#*\s*$/.exec(text);
    if (found?.[2] === title) return { line: i + 1, hashes: found[1]! };
  }
  return undefined;
}

/**
 * Every `<slug>/index.md` under the essays folder, with the folders whose
 * names cannot be URLs reported, and Markdown that would not be published
 * (an `Index.md`, an `essay.md`, a loose `notes.md`) named, never skipped
 * without a word.
 */
function findEssays(dir: string, problems: EssayError[], warn: (warning: string) => void): { id: string; file: string }[] {
  if (!existsSync(dir)) return [];
  const found: { id: string; file: string }[] = [];
  const seen = new Map<string, string>();
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, folder.name, 'index.md');
    if (!folder.isDirectory()) {
      if (MARKDOWN.test(folder.name) && !/^readme\.md$/i.test(folder.name)) {
        const slug = folder.name.replace(/\.[^.]+$/, '');
        warn(
          `${formatPlace({ file: path.join(dir, folder.name) })}: not published: an essay is a folder with its index.md; ` +
            `move it to ${formatPlace({ file: path.join(dir, slug, 'index.md') })}.`,
        );
      }
      continue;
    }
    if (!existsSync(file)) {
      const markdown = readdirSync(path.join(dir, folder.name)).filter((name) => MARKDOWN.test(name));
      const index = markdown.find((name) => name.toLowerCase() === 'index.md');
      if (index !== undefined) {
        // On macOS and Windows, whose disks ignore case, it builds; on Linux (CI) the essay would vanish.
        problems.push(
          new EssayError(
            { file: path.join(dir, folder.name, index) },
            `the essay's file must be named index.md, in lower case: "${index}" is found on disks that ignore case (macOS, Windows), not on Linux, where the site is usually built; rename it.`,
          ),
        );
      } else if (markdown.length > 0) {
        warn(
          `${formatPlace({ file: path.join(dir, folder.name) })}: not published: the folder has no index.md ` +
            `(it has ${markdown.join(', ')}); an essay's Markdown is its folder's index.md.`,
        );
      }
      continue;
    }
    // In one normal form: a folder made on macOS, or unpacked from its archives, may name ü as u and a mark (NFD).
    const id = folder.name.normalize('NFC').toLowerCase();
    if (!SLUG.test(id)) {
      problems.push(
        new EssayError(
          { file },
          `the folder name "${folder.name}" is the essay's URL, so it may hold only letters, digits and single hyphens (for example "the-july-days").`,
        ),
      );
      continue;
    }
    const other = seen.get(id);
    if (other !== undefined) {
      problems.push(
        new EssayError(
          { file },
          `this essay and ${formatPlace({ file: other })} would both be published at /essays/${id}/; rename one of their folders.`,
        ),
      );
      continue;
    }
    seen.set(id, file);
    found.push({ id, file });
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The cache key of an essay: its inputs (index.md, each .bib's bytes, the
 * style and locale files), the pipeline's code, and the files its last rendering
 * read (images), which can change only if one of those did or the files did.
 */
async function digestOf(read: ReadEssay, code: string, existing: DataEntry | undefined, revised: string): Promise<string> {
  // The public address is in the essay's own reference ("Cite this essay"): a new SITE_URL or base renders it again.
  const hash = createHash('sha256').update(code).update('\0url\0').update(read.source.url).update('\0index.md\0').update(read.bytes);
  hash.update('\0revised\0').update(revised);
  // The site's author, licence and name are in the essay's reference and downloads: a new essays({ … }) renders it again.
  hash.update('\0site\0').update(process.env[SITE_CONFIG_ENV] ?? '');
  // Every .bib the essay lists: an edit to any of them renders it again.
  for (const bib of read.bibliographies) hash.update(`\0${bib.file}\0`).update(bib.bytes);
  for (const csl of Object.values(read.csl)) hash.update(`\0${csl.name}\0`).update(cslDigest(csl));
  const previous = existing?.rendered && !isRefused(existing) ? essayOutput(existing).files : [];
  for (const file of previous) {
    hash.update(`\0${file}\0`);
    // A missing file is part of the key too: the next rendering reports it.
    hash.update(await readFile(file).catch(() => 'missing'));
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * A CSL file's digest, made once a build: every essay names a style and two
 * locales, the same three files for most, 150 KB to hash for each of 1,000
 * essays (src/loader/csl.ts reads each file once, as one object).
 */
const cslDigests = new WeakMap<CslFile, string>();
function cslDigest(csl: CslFile): string {
  let digest = cslDigests.get(csl);
  if (digest === undefined) cslDigests.set(csl, (digest = createHash('sha256').update(csl.xml).digest('hex')));
  return digest;
}

/** When the essay was last revised, as the rendering kept it; none if it has not been. */
function revisedOf(entry: DataEntry): CalendarDate | undefined {
  return storedDate(entry.rendered!.metadata!['revised'] as StoredRevision | undefined);
}

/** The same, ISO 8601, as precisely as it is dated. */
function lastRevised(entry: DataEntry): string | undefined {
  const revised = revisedOf(entry);
  return revised && isoDate(revised.date, revised.precision);
}

/** An essay's "Cite this essay" files, with their contents. */
function downloadsOf(id: string, data: EssayData, entry: DataEntry, listed: CslItem[], url: URL): SharedEssay['downloads'] {
  const revised = revisedOf(entry);
  return essayDownloads(essayFactsOf(id, data, url, revised), listed, englishTitleCase).map(({ file, type, body }) => ({
    file,
    type,
    body: body(),
  }));
}

/** English title case as citeproc-js sets it, for the bibliography's .bib (src/lib/downloads.ts). */
function englishTitleCase(title: string): string {
  const place = { file: 'src/csl' };
  englishCsl ??= { style: loadStyle(DEFAULT_STYLE, place), locale: loadLocale('en-US', place), fallback: loadLocale('en-US', place) };
  return titleCase(title, englishCsl);
}
let englishCsl: CslFiles | undefined;

function essayOutput(entry: DataEntry): StoredEssayOutput {
  return (entry.rendered!.metadata as { essay: StoredEssayOutput }).essay;
}

let code: Promise<string> | undefined;

/**
 * A digest of the code that turns an essay into HTML: the loader, the
 * plugins, the helpers they use and the installed packages. Changing any of
 * them renders every essay again.
 */
function codeVersion(): Promise<string> {
  code ??= (async () => {
    const src = fileURLToPath(new URL('../', import.meta.url));
    const hash = createHash('sha256');
    // The CSL files are in each essay's key already, as read for it (src/loader/csl.ts reads each once).
    for (const folder of ['loader', 'plugins', 'lib']) {
      const files = (await readdir(path.join(src, folder), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
      for (const f of files) hash.update(`\0${folder}/${f}\0`).update(await readFile(path.join(src, folder, f)));
    }
    const lock = path.join(src, '../package-lock.json');
    if (existsSync(lock)) hash.update(await readFile(lock));
    return hash.digest('hex');
  })();
  return code;
}

/** The author-facing errors an essay raised, one per cause; anything else is ours and is rethrown. */
function authorErrors(error: unknown): EssayError[] {
  if (error instanceof EssayErrors) return error.errors;
  if (error instanceof EssayError) return [error];
  throw error;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
