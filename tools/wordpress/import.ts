import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { localeName } from '../../src/lib/csl-names.ts';
import { findCitations } from '../../src/lib/pandoc-citations.ts';
import { vendoredLocales } from '../../src/loader/csl.ts';
import { RESERVED_IDS } from '../../src/plugins/contracts.ts';
import { didYouMean } from '../../src/lib/suggest.ts';
import { htmlToMarkdown, htmlToMdast, mdastToMarkdown, type Note } from './html-to-markdown.ts';
import { citationKeys, extractReferenceList, parseReference, toBibtex } from './references.ts';
import type { Check, EssayReport, KeptAside, Report } from './report.ts';
import { parseWxr, WxrError, type WxrExport, type WxrItem } from './wxr.ts';

export interface ImportOptions {
  /** The WordPress export (WXR) file. */
  file: string;
  /** The essays folder to write into (default content/essays). */
  out?: string;
  /** A copy of the site's wp-content/uploads folder, to copy images from. */
  uploads?: string | undefined;
  /** Import only these slugs. */
  only?: string[] | undefined;
  /** Report what would be written, write nothing. */
  dryRun?: boolean;
  /** Overwrite essays that are already there. */
  force?: boolean;
}

/** A problem with the command's input that the author can fix; the CLI prints it without a stack. */
export class ImportError extends Error {
  override name = 'ImportError';
}

interface Planned {
  item: WxrItem;
  slug: string;
  files: Map<string, string | Buffer>;
  report: EssayReport;
}

/** A comment kept beside the essay (approved ones only; no e-mail or IP address). */
export interface KeptComment {
  id: string;
  parent: string | null;
  author: string;
  /** ISO 8601, UTC when the export has it. */
  date: string;
  /** The comment as Markdown. */
  text: string;
}

/** Imports the published posts and pages of a WordPress export; returns what it did. */
export function importWordpress(options: ImportOptions): Report {
  const out = options.out ?? 'content/essays';
  const wxr = readExport(options.file);
  const { publishable, keptAside } = sort(wxr);
  const slugs = assignSlugs(publishable);
  let selected = publishable;
  if (options.only && options.only.length > 0) selected = choose(publishable, slugs, keptAside, options.only, wxr);

  // Links between imported essays become site links; so do links to essays already in `out`.
  const targets = new Map<string, string>();
  for (const item of publishable) {
    const slug = slugs.get(item)!.slug;
    if (selected.includes(item) || existsSync(path.join(out, slug, 'index.md'))) {
      for (const key of permalinkKeys(item, wxr)) targets.set(key, slug);
    }
  }

  const planned = selected.map((item) => plan(item, slugs.get(item)!, wxr, { ...options, out }, targets));
  for (const essay of planned) write(essay, { ...options, out });
  return {
    source: options.file,
    site: [wxr.title && `“${wxr.title}”`, wxr.link].filter(Boolean).join(', '),
    essays: planned.map((p) => p.report),
    keptAside,
    dryRun: options.dryRun ?? false,
  };
}

function readExport(file: string): WxrExport {
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ImportError(
      `${file}: cannot read the export (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give the path of the .xml file from WordPress’s Tools → Export.`,
      { cause: error },
    );
  }
  try {
    return parseWxr(xml, file);
  } catch (error) {
    if (error instanceof WxrError) throw new ImportError(error.message, { cause: error });
    throw error;
  }
}

/** Published posts and pages are essays; everything else is kept aside, saying why. */
function sort(wxr: WxrExport): { publishable: WxrItem[]; keptAside: KeptAside[] } {
  const publishable: WxrItem[] = [];
  const keptAside: KeptAside[] = [];
  for (const item of wxr.items) {
    const aside = (reason: string) => keptAside.push({ id: item.id, title: item.title, type: item.type, status: item.status, reason });
    if (item.type === 'attachment') aside('uploaded files; the images a post shows are copied with it (--uploads)');
    else if (item.type === 'nav_menu_item') aside('menu entries: the site makes its own navigation');
    else if (item.type !== 'post' && item.type !== 'page') aside(`WordPress “${item.type}” items are not essays`);
    else if (item.status !== 'publish') aside(STATUS_REASONS[item.status] ?? `status “${item.status}”, not published`);
    else if (item.password) aside('password-protected: publish it by hand if it should be public');
    else publishable.push(item);
  }
  return { publishable, keptAside };
}

const STATUS_REASONS: Record<string, string> = {
  draft: 'a draft',
  private: 'private',
  pending: 'pending review',
  future: 'scheduled, not yet published',
  trash: 'in the trash',
  'auto-draft': 'an automatic draft',
};

interface Slug {
  slug: string;
  note: string | undefined;
}

/**
 * The folder name is the essay's URL: lower-case letters (with their marks),
 * digits and single hyphens. WordPress's slug is kept when it already is one:
 * a Russian or Hindi post's slug is its title's words, percent-encoded
 * (`%d0%bc%d0%b0…`), and stays in its own letters, `й` and `निबंध` whole. Only
 * a Latin letter loses its accents (`café` → `cafe`), as WordPress's own slugs do.
 */
export function slugify(text: string): string {
  return decodedSlug(text)
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+\p{M}*/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
}

function decodedSlug(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // A lone % is text.
  }
}

function assignSlugs(items: WxrItem[]): Map<WxrItem, Slug> {
  const result = new Map<WxrItem, Slug>();
  const taken = new Set<string>();
  for (const item of items) {
    const from = item.name || item.title;
    let slug = slugify(from) || `post-${item.id}`;
    let note: string | undefined;
    if (!item.name) note = `the post has no slug; the folder name "${slug}" was made from its title`;
    // A slug WordPress percent-encoded (a Cyrillic title's) is the same slug, decoded: nothing to check.
    else if (slug !== decodedSlug(item.name))
      note = `WordPress’s slug "${item.name}" became "${slug}" (the site’s URLs are lower-case letters, digits and hyphens)`;
    if (taken.has(slug)) {
      let n = 2;
      while (taken.has(`${slug}-${n}`)) n++;
      note = `another post already has the slug "${slug}"; this one became "${slug}-${n}"`;
      slug = `${slug}-${n}`;
    }
    taken.add(slug);
    result.set(item, { slug, note });
  }
  return result;
}

function choose(publishable: WxrItem[], slugs: Map<WxrItem, Slug>, keptAside: KeptAside[], only: string[], wxr: WxrExport): WxrItem[] {
  const known = publishable.map((item) => slugs.get(item)!.slug);
  const unknown = only.filter((slug) => !known.includes(slug));
  if (unknown.length > 0) {
    const why = unknown.map((slug) => {
      const aside = keptAside.find((k) => slugify(k.title) === slug || (wxr.items.find((i) => i.id === k.id)?.name ?? '') === slug);
      if (aside) return `"${slug}" is ${aside.reason}`;
      return `no published post or page has the slug "${slug}"${didYouMean(slug, known)}`;
    });
    throw new ImportError(`${wxr.file}: --only: ${why.join('; ')} (the slugs in this export: ${known.join(', ')})`);
  }
  return publishable.filter((item) => only.includes(slugs.get(item)!.slug));
}

/** The addresses by which WordPress served a post: its permalink, ?p=ID and ?page_id=ID. */
function permalinkKeys(item: WxrItem, wxr: WxrExport): string[] {
  const keys = [item.link].filter(Boolean).map(urlKey);
  for (const base of wxr.baseUrls) {
    keys.push(urlKey(`${base}/?p=${item.id}`), urlKey(`${base}/?page_id=${item.id}`));
  }
  return keys.filter((k): k is string => k !== undefined);
}

function urlKey(href: string): string | undefined {
  try {
    const url = new URL(href);
    const search = url.searchParams.get('p') ?? url.searchParams.get('page_id');
    const host = url.hostname.replace(/^www\./, '').toLowerCase();
    return search ? `${host}/?${search}` : `${host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

function onSite(url: URL, wxr: WxrExport): boolean {
  return wxr.baseUrls.some((base) => {
    try {
      return new URL(base).hostname.replace(/^www\./, '') === url.hostname.replace(/^www\./, '');
    } catch {
      return false;
    }
  });
}

interface PlanOptions extends ImportOptions {
  out: string;
}

function plan(item: WxrItem, { slug, note: slugNote }: Slug, wxr: WxrExport, options: PlanOptions, targets: Map<string, string>): Planned {
  const dir = path.join(options.out, slug);
  const indexFile = path.join(dir, 'index.md');
  const bibFile = path.join(dir, 'references.bib');
  const notes: Note[] = [];
  const checks: Check[] = [];
  if (slugNote) checks.push({ file: indexFile, kind: 'guess', message: slugNote });
  const files = new Map<string, string | Buffer>();
  const copied = new Map<string, string>();

  const image = (src: string, alt: string): string => {
    if (alt.trim() === '')
      notes.push({ kind: 'warning', message: `an image has no alt text (${src}); describe it for readers who cannot see it`, find: src });
    const found = options.uploads ? findUpload(src, options.uploads, wxr) : undefined;
    if (found === undefined) {
      const why = options.uploads ? `is not in ${options.uploads}` : 'was not copied (no --uploads folder given)';
      notes.push({
        kind: 'warning',
        message: `image ${src} ${why}, so it is left at its URL, which the site’s Content-Security-Policy will not load: put the file in ${dir}/ and point to it`,
        find: src,
      });
      return src;
    }
    if (found.resized) {
      notes.push({
        kind: 'guess',
        message: `${src}: that size is not in the uploads folder, so the full-size ${path.basename(found.file)} is used`,
      });
    }
    const existing = [...copied].find(([, from]) => from === found.file)?.[0];
    if (existing) return `./${existing}`;
    let name = path.basename(found.file).replace(/[^\w.-]+/g, '-');
    if (copied.has(name) || ['index.md', 'references.bib', 'comments.json'].includes(name)) {
      name = path
        .relative(options.uploads!, found.file)
        .replace(/[\\/]/g, '-')
        .replace(/[^\w.-]+/g, '-');
    }
    copied.set(name, found.file);
    files.set(name, readFileSync(found.file));
    return `./${name}`;
  };

  const link = (href: string): string => {
    let url: URL;
    try {
      url = new URL(href, wxr.link || undefined);
    } catch {
      return href;
    }
    if (!/^https?:$/.test(url.protocol) || !onSite(url, wxr)) return href;
    const target = targets.get(urlKey(url.href) ?? '');
    if (target !== undefined) {
      if (url.hash)
        notes.push({
          kind: 'guess',
          message: `the link to ${href} now opens /essays/${target}/ at its top (section ids differ on this site)`,
        });
      return `/essays/${target}/`;
    }
    notes.push({
      kind: 'warning',
      message: `a link points at the old site (${href}), at something not imported; it breaks when the old site goes`,
      find: href,
    });
    return href;
  };

  const tree = htmlToMdast(item.content, { footnotes: item.meta.get('footnotes'), image, link, notes });

  // The bibliography: the closing list, parsed; the site prints it itself.
  const list = extractReferenceList(tree);
  const references = (list?.sources ?? []).map(parseReference);
  const keys = citationKeys(references);
  const cited = citations(tree);
  if (list) {
    notes.push({
      kind: 'guess',
      message: `${list.heading ? `the list under “${list.heading}”` : 'the closing run of reference-like paragraphs'} was taken for the bibliography: ${references.length} works moved to references.bib; the site prints the bibliography`,
    });
  }
  for (const marker of cited) {
    notes.push({
      kind: 'warning',
      message: `"${marker}" reads as a citation to the site, which will stop the build; reword it (WordPress had no citations)`,
      find: marker,
    });
  }

  const description = describe(item, tree);
  if (description.guessed) {
    notes.push({
      kind: 'guess',
      message:
        'description: taken from the opening sentences (the post has no excerpt); make it one or two honest sentences about the essay',
      find: 'description:',
    });
  }
  const written = writtenDate(item);
  if (written.note) checks.push({ file: indexFile, kind: 'guess', message: written.note });
  const aside = tree.children
    .slice(0, 3)
    .map((node) => toString(node))
    .find((text) => text.length < 120 && /\bwritten\b/i.test(text));
  if (aside) {
    notes.push({
      kind: 'guess',
      message: `the essay says "${aside}": \`written:\` is the WordPress publication date; set its date, note and precision by hand if they differ`,
      find: 'written:',
    });
  }

  const author = wxr.authors.get(item.creator) ?? item.creator;
  if (item.creator && !wxr.authors.has(item.creator)) {
    notes.push({
      kind: 'warning',
      message: `the author "${item.creator}" has no display name in the export; check \`author:\``,
      find: 'author:',
    });
  }
  const lang = language(wxr.language);
  if (wxr.language && !lang) {
    notes.push({
      kind: 'warning',
      message: `the site’s language is "${wxr.language}", which has no citation locale here (${vendoredLocales().available.join(', ')}); \`lang\` was left at the default`,
    });
  }
  for (const heading of reservedHeadings(tree)) {
    notes.push({
      kind: 'warning',
      message: `the heading "${heading.text}" would get the id "${heading.id}", which ${RESERVED_IDS.get(heading.id)} uses; rename it or the build will refuse the essay`,
      find: `## ${heading.text}`,
    });
  }

  const frontmatter = [
    '---',
    `title: ${quote(item.title || slug)}`,
    `description: ${quote(description.text)}`,
    ...(author ? [`author: ${quote(author)}`] : []),
    `written: ${written.date}`,
    ...(references.length > 0 ? ['bibliography: references.bib', ...(cited.length === 0 ? ['nocite: "@*"'] : [])] : []),
    ...(lang ? [`lang: ${lang}`] : []),
    `tags: [${tags(item).map(quote).join(', ')}]`,
    '---',
    '',
  ].join('\n');
  const markdown = `${frontmatter}\n${mdastToMarkdown(tree)}`;
  files.set('index.md', markdown);

  if (references.length > 0) {
    const bib = toBibtex(references, keys);
    files.set('references.bib', bib);
    references.forEach((ref, i) => {
      if (ref.doubts.length === 0) return;
      checks.push({
        file: bibFile,
        line: lineOf(bib, `{${keys[i]},`),
        kind: 'guess',
        message: `@${keys[i]} (“${ref.source.length > 70 ? `${ref.source.slice(0, 67)}…` : ref.source}”): ${ref.doubts.join('; ')}`,
      });
    });
  }

  const comments = keptComments(item, link);
  if (comments.length > 0) files.set('comments.json', `${JSON.stringify(comments, null, 2)}\n`);

  for (const note of notes) {
    checks.push({ file: indexFile, line: note.find ? lineOf(markdown, note.find) : undefined, kind: note.kind, message: note.message });
  }
  checks.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));

  return {
    item,
    slug,
    files,
    report: {
      slug,
      title: item.title,
      dir,
      status: 'made',
      files: [...files.keys()],
      references: references.length,
      comments: comments.length,
      images: copied.size,
      checks,
    },
  };
}

/** The upload a URL points at, in a local copy of wp-content/uploads (the full-size file when that size is missing). */
function findUpload(src: string, uploads: string, wxr: WxrExport): { file: string; resized: boolean } | undefined {
  let url: URL;
  try {
    url = new URL(src, wxr.link || undefined);
  } catch {
    return undefined;
  }
  let relative: string | undefined;
  const pathname = decodeURIComponent(url.pathname);
  const at = pathname.indexOf('/wp-content/uploads/');
  if (at !== -1) relative = pathname.slice(at + '/wp-content/uploads/'.length);
  else if (url.hostname.endsWith('.files.wordpress.com')) relative = pathname.slice(1);
  if (!relative || relative.split('/').includes('..')) return undefined;
  const exact = path.join(uploads, relative);
  if (isFile(exact)) return { file: exact, resized: false };
  // WordPress serves sizes as name-300x200.jpg and big originals as name-scaled.jpg.
  const original = relative.replace(/-(?:\d+x\d+|scaled)(?=\.\w+$)/, '');
  if (original !== relative && isFile(path.join(uploads, original))) return { file: path.join(uploads, original), resized: true };
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Bracketed `[…@…]` text: the site reads it as a Pandoc citation. */
function citations(tree: Root): string[] {
  const found: string[] = [];
  const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'text') {
      for (const marker of findCitations((node as Text).value)) if (marker.kind === 'group') found.push(marker.text);
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(tree);
  return found;
}

export function describe(item: Pick<WxrItem, 'excerpt' | 'title'>, tree: Root): { text: string; guessed: boolean } {
  const excerpt = item.excerpt
    ? toString(htmlToMdast(item.excerpt, { headings: false }))
        .replace(/\s+/g, ' ')
        .trim()
    : '';
  if (excerpt) return { text: excerpt, guessed: false };
  // The opening words: the first paragraphs, as many as make a dozen words (short ones together, in order).
  let paragraph = '';
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const words = toString(node).replace(/\s+/g, ' ').trim();
    if (!words || words.startsWith('(')) continue;
    paragraph = paragraph ? `${paragraph} ${words}` : words;
    if (paragraph.split(' ').length >= 12) break;
  }
  if (!paragraph) return { text: item.title, guessed: true };
  const sentences = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(paragraph)].map((s) => s.segment.trim());
  let text = '';
  for (const sentence of sentences) {
    text = text ? `${text} ${sentence}` : sentence;
    if (text.length >= 100 || text === `${sentences[0]} ${sentences[1]}`) break;
  }
  return { text, guessed: true };
}

/** `written:` is the post's date in the site's own time zone (`wp:post_date`), as the author saw it. */
function writtenDate(item: WxrItem): { date: string; note?: string } {
  const local = /^(\d{4}-\d{2}-\d{2})/.exec(item.date)?.[1];
  if (local && local !== '0000-00-00') return { date: local };
  const gmt = /^(\d{4}-\d{2}-\d{2})/.exec(item.dateGmt)?.[1];
  if (gmt && gmt !== '0000-00-00') return { date: gmt, note: `the post has no local date; \`written: ${gmt}\` is its UTC date` };
  const today = new Date().toISOString().slice(0, 10);
  return { date: today, note: `the post has no date; \`written:\` was set to today (${today}): correct it` };
}

function language(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const locales = vendoredLocales();
  const exact = locales.available.find((l) => l.toLowerCase() === lang.toLowerCase());
  if (exact) return exact;
  return typeof localeName(lang, locales) === 'string' ? lang : undefined;
}

function tags(item: WxrItem): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const domain of ['category', 'post_tag']) {
    for (const term of item.terms.filter((t) => t.domain === domain)) {
      if (term.nicename === 'uncategorized' || term.name.toLowerCase() === 'uncategorized' || !term.name) continue;
      if (seen.has(term.name.toLowerCase())) continue;
      seen.add(term.name.toLowerCase());
      result.push(term.name);
    }
  }
  return result;
}

function reservedHeadings(tree: Root): { text: string; id: string }[] {
  const slugger = new GithubSlugger();
  return tree.children
    .filter((node) => node.type === 'heading')
    .map((node) => {
      const text = toString(node).trim();
      return { text, id: slugger.slug(text) };
    })
    .filter(({ id }) => RESERVED_IDS.has(id));
}

function keptComments(item: WxrItem, link: (href: string) => string): KeptComment[] {
  const kept = item.comments.filter((c) => c.approved === '1' && (c.type === '' || c.type === 'comment'));
  const ids = new Set(kept.map((c) => c.id));
  return kept
    .map((c) => ({
      id: c.id,
      parent: c.parent && ids.has(c.parent) ? c.parent : null,
      author: c.author,
      date: c.dateGmt && !c.dateGmt.startsWith('0000') ? `${c.dateGmt.replace(' ', 'T')}Z` : c.date.replace(' ', 'T'),
      text: htmlToMarkdown(c.content, { classic: true, headings: false, link }),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
}

/** A YAML double-quoted string (JSON's escapes are YAML's). */
function quote(value: string): string {
  return JSON.stringify(value);
}

function lineOf(text: string, find: string): number | undefined {
  const at = text.indexOf(find);
  return at === -1 ? undefined : text.slice(0, at).split('\n').length;
}

const OWN_FILES = ['index.md', 'references.bib', 'comments.json'];

/** Writes an essay's files, unless it is already there (then only says whether it differs). */
function write(essay: Planned, options: PlanOptions): void {
  const dir = path.join(options.out, essay.slug);
  const exists = existsSync(dir);
  if (exists && !options.force) {
    const same =
      [...essay.files].every(([name, content]) => {
        const file = path.join(dir, name);
        return isFile(file) && readFileSync(file).equals(Buffer.from(content));
      }) && OWN_FILES.every((name) => essay.files.has(name) || !existsSync(path.join(dir, name)));
    essay.report.status = same ? 'unchanged' : 'differs';
    return;
  }
  essay.report.status = options.dryRun ? 'would make' : exists ? 'replaced' : 'made';
  if (options.dryRun) return;
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of essay.files) writeFileSync(path.join(dir, name), content);
  // With --force, what this import no longer produces goes, so that the folder is what a fresh import makes.
  for (const name of OWN_FILES) if (!essay.files.has(name)) rmSync(path.join(dir, name), { force: true });
}
