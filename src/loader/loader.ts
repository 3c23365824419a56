import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatCitations } from '../lib/citeproc.ts';
import { EssayError, EssayErrors, formatPlace } from '../lib/essay-error.ts';
import { essayItem, linkUrl } from '../lib/essay-record.ts';
import { SITE } from '../lib/site.ts';
import type { EssayOutput } from '../plugins/contracts.ts';
import { forgetBibliographies } from './bibliography.ts';
import { essayFolders } from './files.ts';
import { checkLinks } from './links.ts';
import { type EssaySource, type PreparedEssay, prepareEssay, type RenderedEssay, renderEssay } from './render.ts';
import { essaySchema } from './schema.ts';

type DataEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;

export interface EssayLoaderOptions {
  /** Folder of essays, relative to the project root: one folder per essay, `<slug>/index.md`. */
  base: string;
}

/** The folder name is the essay's slug and its public URL; URLs are lower case. */
const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/**
 * The essays collection. For each `<base>/<slug>/index.md` it reads the
 * Markdown and everything it names once (frontmatter, .bib, CSL style and
 * locale), validates it all once, renders it through Astro's Markdown
 * processor, and stores the HTML with what the plugins found (sections,
 * reading time, the works listed) for the pages to read.
 *
 * An entry is rendered again exactly when something it depends on changed:
 * its cache key covers index.md, the .bib's bytes, the style and locale
 * files, the images it shows and the pipeline's code, where Astro's glob()
 * loader would look at index.md alone and serve a stale page after a .bib
 * edit.
 *
 * Every problem in every essay is collected and the build fails once with
 * all of them, one line per cause, each naming the file, line and column;
 * `astro dev` logs them and keeps serving. Drafts are left out of builds
 * (their problems are warnings there).
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
      // Any edit under the essays folder (Markdown, .bib, an image) syncs again; unchanged essays are not rendered again.
      const dir = path.resolve(fileURLToPath(context.config.root), base);
      context.watcher.add(dir);
      let pending: Promise<void> = Promise.resolve();
      const resync = (changed: string) => {
        if (!changed.startsWith(dir)) return;
        forgetBibliographies();
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
  const sources = findEssays(dir, problems);
  const renderer = await markdownRenderer(config);
  const code = await codeVersion();
  const basePath = config.base.endsWith('/') ? config.base : `${config.base}/`;

  const outputs = new Map<string, EssayOutput>();
  const seen = new Set<string>();
  let rendered = 0;
  await inBatches(sources, 4, async ({ id, file }) => {
    const source: EssaySource = {
      id,
      file,
      folders: essayFolders(path.dirname(file), contentDir, publicDir),
      path: `${basePath}essays/${id}/`,
    };
    let prepared: PreparedEssay;
    try {
      prepared = await prepareEssay(source);
    } catch (error) {
      const errors = authorErrors(error);
      if (!dev && error instanceof EssayErrors && error.draft) for (const e of errors) logger.warn(`${e.message} (a draft, so not built)`);
      else problems.push(...errors);
      return;
    }
    if (prepared.data.draft && !dev) return;
    seen.add(id);
    const existing = store.get(id);
    const digest = await digestOf(prepared, code, existing);
    if (existing?.digest === digest && existing.rendered) {
      outputs.set(id, essayOutput(existing));
      // The proofreading report is the essay's, not the render's: every build repeats it.
      for (const warning of (existing.rendered.metadata?.['warnings'] as string[] | undefined) ?? []) logger.warn(warning);
      // As Astro's glob() loader does for an unchanged entry: its images stay in the build (a method its type leaves out).
      const withAssets = store as unknown as { addAssetImports?(assets: string[], file: string): void };
      if (existing.assetImports?.length) withAssets.addAssetImports?.(existing.assetImports, existing.filePath!);
      return;
    }
    let result: RenderedEssay;
    try {
      result = await renderEssay(renderer, prepared);
    } catch (error) {
      problems.push(...authorErrors(error));
      store.delete(id);
      return;
    }
    rendered += 1;
    for (const warning of result.warnings) logger.warn(warning.message);
    outputs.set(id, result.metadata.essay);
    const record = essayRecord(prepared, new URL(source.path, config.site ?? 'https://site.invalid'));
    const filePath = path.relative(root, file).split(path.sep).join('/');
    store.set({
      id,
      data: prepared.data,
      body: prepared.body,
      filePath,
      digest,
      rendered: { html: result.html, metadata: { ...result.metadata, record, warnings: result.warnings.map((w) => w.message) } },
      assetImports: result.metadata.imagePaths,
    });
  });

  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  problems.push(...checkLinks(outputs, sources, basePath, publicDir));
  logger.info(
    `Rendered ${rendered} of ${seen.size} essay${seen.size === 1 ? '' : 's'}; ${seen.size - rendered} unchanged since the last build.`,
  );

  if (problems.length === 0) return;
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  const message = `The essays have ${count} to fix before they can be published:\n  ${problems.map((p) => p.message).join('\n  ')}`;
  if (dev) {
    logger.error(message);
    return;
  }
  throw new EssaysRefused(message);
}

/**
 * The build's failure: Astro prints its message and hint, and no stack trace
 * (it is about the author's files, not our code).
 */
class EssaysRefused extends AstroError {
  override name = 'essays';

  constructor(message: string) {
    super(
      message,
      'Fix each problem at the file, line and column it names, then build again. README, "When the build refuses an essay", explains every message.',
    );
    this.stack = '';
  }
}

/** Every `<slug>/index.md` under the essays folder, with the folders whose names cannot be URLs reported. */
function findEssays(dir: string, problems: EssayError[]): { id: string; file: string }[] {
  if (!existsSync(dir)) return [];
  const found: { id: string; file: string }[] = [];
  const seen = new Map<string, string>();
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, folder.name, 'index.md');
    if (!folder.isDirectory() || !existsSync(file)) continue;
    const id = folder.name.toLowerCase();
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
 * The cache key of an essay: its inputs (index.md, the .bib's bytes, the
 * style and locale), the pipeline's code, and the files its last rendering
 * read (images), which can change only if one of those did or the files did.
 */
async function digestOf(prepared: PreparedEssay, code: string, existing: DataEntry | undefined): Promise<string> {
  const hash = createHash('sha256').update(code);
  for (const [name, value] of Object.entries(prepared.dependencies)) hash.update(`\0${name}\0`).update(value);
  const previous = existing?.rendered ? essayOutput(existing).files : [];
  for (const file of previous) {
    hash.update(`\0${file}\0`);
    // A missing file is part of the key too: the next rendering reports it.
    hash.update(await readFile(file).catch(() => 'missing'));
  }
  return hash.digest('hex').slice(0, 32);
}

function essayOutput(entry: DataEntry): EssayOutput {
  return (entry.rendered!.metadata as { essay: EssayOutput }).essay;
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
    for (const folder of ['loader', 'plugins', 'lib', 'csl']) {
      const files = (await readdir(path.join(src, folder), { recursive: true })).filter((f) => /\.(ts|csl|xml)$/.test(f)).sort();
      for (const f of files) hash.update(`\0${folder}/${f}\0`).update(await readFile(path.join(src, folder, f)));
    }
    const lock = path.join(src, '../package-lock.json');
    if (existsSync(lock)) hash.update(await readFile(lock));
    return hash.digest('hex');
  })();
  return code;
}

/** The essay's own reference for "Cite this essay", in its style and language, by the engine that formats its citations. */
function essayRecord(prepared: PreparedEssay, url: URL): string {
  const { data, input, source } = prepared;
  const item = essayItem({ ...data, author: data.author ?? SITE.author.name, slug: source.id, url, siteName: SITE.name });
  // Shown as a post of the site: styles date a 'webpage' twice ("2013. … October 2013."), a post once.
  const html = formatCitations([{ ...item, type: 'post' }], input.csl, [], '*').bibliography[0]?.html ?? '';
  return linkUrl(html, url.href);
}

/** The Markdown processor astro.config.mjs sets up, as Astro's own content layer builds it. */
async function markdownRenderer(config: AstroConfig): Promise<MarkdownRenderer> {
  const { markdown, image } = config;
  return markdown.processor.createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  } as Parameters<typeof markdown.processor.createRenderer>[0]);
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
