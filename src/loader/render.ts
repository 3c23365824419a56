import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { MarkdownHeading, MarkdownRenderer } from '@astrojs/markdown-remark';
import { EssayError, EssayErrors } from '../lib/essay-error.ts';
import { didYouMean } from '../lib/suggest.ts';
import { uiStrings } from '../lib/ui-strings.ts';
import { type Bibliography, type EssayInput, type EssayOutput, type EssayRun, RUN_KEY } from '../plugins/contracts.ts';
import { readBibliography } from './bibliography.ts';
import { loadLocale, loadStyle } from './csl.ts';
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
}

/** An essay read and checked, ready to render: `index.md` and what it names are read once, here. */
export interface PreparedEssay {
  source: EssaySource;
  data: EssayData;
  /** Markdown with the frontmatter blanked out, so that positions are the file's own. */
  markdown: string;
  body: string;
  input: EssayInput;
  /** Every input the rendering depends on besides the code, by name, as bytes or text: the cache key is made of these. */
  dependencies: Record<string, Uint8Array | string>;
}

/** An essay's rendering, as the content store keeps it. */
export interface RenderedEssay {
  html: string;
  metadata: {
    headings: MarkdownHeading[];
    /** Images for Astro's asset pipeline (its glob() loader's name for them). */
    imagePaths: string[];
    localImagePaths: string[];
    essay: EssayOutput;
  };
  /** Worth the author's eye, not stopping the build. */
  warnings: EssayError[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an essay's `index.md` and validates its frontmatter, its citation
 * style and language and its `nocite` keys, and reads and parses its .bib:
 * everything that can be known before rendering, each problem at its line
 * and column. Throws EssayErrors with every problem found.
 */
export async function prepareEssay(source: EssaySource): Promise<PreparedEssay> {
  const bytes = await readFile(source.file);
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
    data = validateFrontmatter(split.data, split.placeOf);
  } catch (error) {
    throw error instanceof EssayErrors ? new EssayErrors(error.errors, { draft }) : error;
  }
  const problems: EssayError[] = [];
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (error instanceof EssayErrors) problems.push(...error.errors);
      else if (error instanceof EssayError) problems.push(error);
      else throw error;
      return undefined;
    }
  };
  const style = attempt(() => loadStyle(data.csl, split.placeOf(['csl'])));
  const locale = attempt(() => loadLocale(data.lang, split.placeOf(['lang'])));
  let bibliography: Bibliography | undefined;
  const dependencies: PreparedEssay['dependencies'] = { 'index.md': bytes };
  if (data.bibliography !== undefined) {
    const written = data.bibliography;
    const file = attempt(() => resolveEssayFile(written, 'bibliography', source.folders, split.placeOf(['bibliography'])));
    if (file !== undefined) {
      try {
        const read = await readBibliography(file);
        bibliography = read.bibliography;
        dependencies[file] = read.bytes;
      } catch (error) {
        attempt(() => {
          throw error;
        });
      }
    }
  }
  if (Array.isArray(data.nocite)) {
    if (data.bibliography === undefined) {
      problems.push(
        new EssayError(
          split.placeOf(['nocite']),
          'nocite lists works, but the essay names no bibliography; add "bibliography: references.bib".',
        ),
      );
    } else if (bibliography) {
      const keys = new Set(bibliography.keys);
      data.nocite.forEach((key, i) => {
        if (!keys.has(key))
          problems.push(
            new EssayError(split.placeOf(['nocite', i]), `nocite names unknown citation key @${key}${didYouMean(key, keys, '@')}`),
          );
      });
    }
  }
  if (problems.length > 0 || style === undefined || locale === undefined) throw new EssayErrors(problems, { draft });
  dependencies.style = style.xml;
  dependencies.locale = locale.xml;
  return {
    source,
    data,
    markdown: split.markdown,
    body: split.body,
    dependencies,
    input: {
      file: source.file,
      path: source.path,
      lang: data.lang,
      strings: uiStrings(data.lang),
      bibliography,
      csl: { style, locale, fallback: loadLocale('en-US', { file: source.file }) },
      nocite: data.nocite,
      folders: source.folders,
    },
  };
}

/**
 * Renders a prepared essay through the Markdown pipeline (Astro's configured
 * processor in a build, the same plugins in unit tests). The plugins read the
 * essay from, and write what they find to, the run passed as frontmatter.
 * Throws EssayErrors with every problem the plugins found.
 */
export async function renderEssay(renderer: MarkdownRenderer, prepared: PreparedEssay): Promise<RenderedEssay> {
  const run: EssayRun = { input: prepared.input, problems: [], warnings: [], output: {} };
  let result: Awaited<ReturnType<MarkdownRenderer['render']>>;
  try {
    result = await renderer.render(prepared.markdown, { frontmatter: { [RUN_KEY]: run }, fileURL: pathToFileURL(prepared.source.file) });
  } catch (error) {
    // A plugin's own failure (not the author's): say which essay, and keep the cause.
    if (run.problems.length > 0) throw new EssayErrors(run.problems);
    const message = (error as Error).message.replace(/^Failed to parse Markdown file "[^"]*":\n/, '');
    throw new EssayErrors([new EssayError({ file: prepared.source.file }, `could not be rendered: ${message}`, { cause: error })]);
  }
  if (run.problems.length > 0) throw new EssayErrors(run.problems);
  const { headings, localImagePaths, remoteImagePaths } = result.metadata;
  return {
    html: result.code,
    metadata: {
      headings,
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
        ...run.output,
      },
    },
    warnings: run.warnings,
  };
}
