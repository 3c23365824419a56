import path from 'node:path';
import type { Root, Text } from 'hast';
import { Cite, rehypeCitationGenerator } from 'rehype-citation';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type Bibliography, type CslItem, loadBibliography } from '../lib/bibliography.ts';
import { findMarkers } from '../lib/citation-markers.ts';
import { DEFAULT_LANG, DEFAULT_STYLE, loadLocale, loadStyle } from '../lib/csl.ts';
import { EssayError } from '../lib/essay-error.ts';
import { didYouMean } from '../lib/suggest.ts';

/** What later plugins (the citation check, the bibliography section) learn from this one. */
export interface CitationData {
  bibliography?: Bibliography;
}

declare module 'vfile' {
  interface DataMap {
    citations: CitationData;
  }
}

interface Frontmatter {
  bibliography?: unknown;
  csl?: unknown;
  lang?: unknown;
  nocite?: unknown;
}

/**
 * rehype-citation, driven per essay and with its known traps closed:
 *
 * - the .bib is resolved beside the Markdown file, not against the working
 *   directory, and parsed once (src/lib/bibliography.ts);
 * - styles and locales are the vendored files, registered once by name, so
 *   nothing is fetched and nothing piles up per render;
 * - a `noCite` list only keeps the last cited work (rehype-citation overwrites
 *   its list of cited entries per citation), so we pass every cited key along
 *   with the listed ones;
 * - a citation group holding an editor-only work crashes its `isSameAuthor`
 *   (it reads `author.length`), so such works get an empty author list, which
 *   CSL treats as absent and replaces with the editor as usual;
 * - its errors do not name the file; ours do.
 */
export default function rehypeEssayCitations() {
  return async (tree: Root, file: VFile) => {
    const frontmatter = (file.data.astro?.frontmatter ?? {}) as Frontmatter;
    const essay = file.path;
    file.data.citations = {};
    if (typeof frontmatter.bibliography !== 'string' || frontmatter.bibliography === '') return;

    const bibliography = await loadBibliography(path.resolve(path.dirname(essay), frontmatter.bibliography), essay);
    file.data.citations.bibliography = bibliography;

    const style = loadStyle(typeof frontmatter.csl === 'string' ? frontmatter.csl : DEFAULT_STYLE, { file: essay });
    const locale = loadLocale(typeof frontmatter.lang === 'string' ? frontmatter.lang : DEFAULT_LANG, { file: essay });
    register(style.name, style.xml, locale.lang, locale.xml);

    const known = new Set(bibliography.keys);
    const cited = citedKeys(tree, known);
    const noCite = uncitedWorks(frontmatter.nocite, known, essay, cited);

    parsed.set(bibliography.text, bibliography.items);
    const transform = citationPlugin({
      bibliography: path.basename(bibliography.file),
      path: path.dirname(bibliography.file),
      csl: style.name,
      lang: locale.lang,
      linkCitations: true,
      inlineClass: ['citation'],
      ...(noCite ? { noCite } : {}),
    });
    try {
      await transform(tree, file);
    } catch (error) {
      throw new EssayError({ file: essay }, `could not format the citations: ${(error as Error).message}`, { cause: error });
    }
  };
}

/** Items parsed by src/lib/bibliography.ts, by .bib text, for the Cite below. */
const parsed = new Map<string, CslItem[]>();

/**
 * The citation-js constructor rehype-citation calls with the .bib texts it read:
 * it reuses our parse and gives editor-only works an empty author list.
 */
function EssayCite(this: unknown, texts: string[]) {
  const items = texts.flatMap((text) => parsed.get(text) ?? (new Cite(text, { generateGraph: false }) as { data: CslItem[] }).data);
  return { data: items.map((item) => (item.author ? item : { ...item, author: [] })) };
}
EssayCite.plugins = (Cite as unknown as { plugins: unknown }).plugins;

const citationPlugin = rehypeCitationGenerator(EssayCite) as (
  options: Record<string, unknown>,
) => (tree: Root, file: VFile) => Promise<void>;

interface CslConfig {
  templates: { has(name: string): boolean; add(name: string, xml: string): void };
  locales: { has(name: string): boolean; add(name: string, xml: string): void };
}
const cslConfig = (Cite as unknown as { plugins: { config: { get(name: string): CslConfig } } }).plugins.config.get('@csl');

function register(styleName: string, styleXml: string, lang: string, localeXml: string) {
  if (!cslConfig.templates.has(styleName)) cslConfig.templates.add(styleName, styleXml);
  if (!cslConfig.locales.has(lang)) cslConfig.locales.add(lang, localeXml);
}

/** Keys the essay cites that the bibliography holds (unknown ones are the check's to report). */
function citedKeys(tree: Root, known: Set<string>): string[] {
  const keys = new Set<string>();
  visit(tree, 'text', (node: Text) => {
    for (const marker of findMarkers(node.value)) for (const key of marker.keys) if (known.has(key)) keys.add(key);
  });
  return [...keys];
}

/**
 * rehype-citation's `noCite`: `['@*']` for "list every work", else the listed
 * keys plus every cited key (see above), or nothing when no `nocite` is given.
 */
function uncitedWorks(nocite: unknown, known: Set<string>, essay: string, cited: string[]): string[] | undefined {
  if (nocite === undefined || nocite === null) return undefined;
  const list = typeof nocite === 'string' ? [nocite] : nocite;
  if (!Array.isArray(list) || list.some((k) => typeof k !== 'string')) {
    throw new EssayError({ file: essay }, 'nocite must be "@*" (list every work) or a list of keys such as ["@carr1960"].');
  }
  const keys = (list as string[]).map((k) => k.trim().replace(/^@/, ''));
  if (keys.includes('*')) return ['@*'];
  for (const key of keys) {
    if (!known.has(key)) {
      throw new EssayError({ file: essay }, `nocite names unknown citation key @${key}${didYouMean(key, known, '@')}`);
    }
  }
  return [...new Set([...keys, ...cited])].map((k) => `@${k}`);
}
