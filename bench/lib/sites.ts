import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BibEntry, type Citation, citedKeys, type Essay, type Paragraph, type Person } from './corpus.ts';

/**
 * Writes a corpus twice: as this site (essay folders with Pandoc citations and a
 * .bib, the site's own src/ linked in) and as a Starlight docs site. Starlight
 * has no citation processor, so its pages get the same text with the citations
 * already formatted as links and the bibliography as a list: what a reader sees
 * is the same, and the work of formatting citations is ours alone.
 */

/** Project files a copy of this site links to (as tests/support/fixture-site.ts does). */
const SITE_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * This site over `essays`, at `dir` (inside the project, so that node_modules
 * resolves). `from` is where src/, public/ and the config come from: the
 * project itself, or a snapshot of a commit.
 */
export function writeOurSite(dir: string, from: string, essays: Essay[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'content/essays'), { recursive: true });
  for (const entry of SITE_FILES) symlinkSync(path.join(from, entry), path.join(dir, entry));
  for (const essay of essays) {
    const folder = path.join(dir, 'content/essays', essay.slug);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'index.md'), ourMarkdown(essay));
    writeFileSync(path.join(folder, 'references.bib'), bibtex(essay.bibliography));
  }
}

/**
 * A Starlight site over `essays`, at `dir`, which must lie below the folder
 * holding the peer's node_modules. `dependencies` are the peer's: Astro only
 * bundles integrations (rather than leaving Node to import Starlight's virtual
 * modules, which fails) when the site's package.json names them.
 */
export function writeStarlightSite(dir: string, essays: Essay[], dependencies: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  const docs = path.join(dir, 'src/content/docs');
  mkdirSync(path.join(docs, 'essays'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `// Starlight as its getting-started guide sets it up: the defaults, a title.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://essays.example.org',
  integrations: [starlight({ title: 'Essays' })],
});
`,
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const list = essays.map((e) => `- [${escapeMarkdown(e.title)}](/essays/${e.slug}/): ${escapeMarkdown(e.description)}`).join('\n');
  writeFileSync(path.join(docs, 'index.md'), `---\ntitle: Essays\ndescription: Long-form essays with their sources.\n---\n\n${list}\n`);
  for (const essay of essays) writeFileSync(path.join(docs, 'essays', `${essay.slug}.md`), starlightMarkdown(essay));
}

function frontmatter(fields: [string, unknown][]): string {
  // JSON strings are valid YAML double-quoted scalars.
  return `---\n${fields.map(([k, v]) => `${k}: ${typeof v === 'string' && !/^\d{4}-\d\d-\d\d$/.test(v) ? JSON.stringify(v) : Array.isArray(v) ? JSON.stringify(v) : v}`).join('\n')}\n---\n`;
}

function body(essay: Essay, citation: (c: Citation) => string): string {
  const text = (p: Paragraph) => p.map((part) => (typeof part === 'string' ? escapeMarkdown(part) : citation(part))).join('');
  return [...essay.intro.map(text), ...essay.sections.flatMap((s) => [`## ${escapeMarkdown(s.heading)}`, ...s.paragraphs.map(text)])].join(
    '\n\n',
  );
}

/** The essay as an author of this site writes it (see the README's "Adding an essay"). */
export function ourMarkdown(essay: Essay): string {
  const fields: [string, unknown][] = [
    ['title', essay.title],
    ['description', essay.description],
    ['written', essay.written],
    ['bibliography', 'references.bib'],
  ];
  if (essay.nocite) fields.push(['nocite', '@*']);
  if (essay.csl) fields.push(['csl', essay.csl]);
  fields.push(['lang', essay.lang], ['tags', essay.tags]);
  const cite = (c: Citation) =>
    c.kind === 'narrative' ? `[-@${c.keys[0]}]` : `[${c.keys.map((k) => `@${k}`).join('; ')}${c.locator ? `, ${c.locator}` : ''}]`;
  return `${frontmatter(fields)}\n${body(essay, cite)}\n`;
}

/** The same essay for Starlight: citations as author-date links, then the bibliography. */
export function starlightMarkdown(essay: Essay): string {
  const works = new Map(essay.bibliography.map((w) => [w.key, w]));
  const label = (key: string) => {
    const work = works.get(key)!;
    const people = work.author.length > 0 ? work.author : (work.editor ?? []);
    const names =
      people.length === 1
        ? people[0]!.family
        : people.length === 2
          ? `${people[0]!.family} and ${people[1]!.family}`
          : `${people[0]!.family} et al.`;
    return { names, year: String(work.year) };
  };
  const cite = (c: Citation) => {
    if (c.kind === 'narrative') return `([${label(c.keys[0]!).year}](#bib-${c.keys[0]}))`;
    const items = c.keys.map((k) => {
      const { names, year } = label(k);
      return `[${names} ${year}${c.locator ? `, ${c.locator}` : ''}](#bib-${k})`;
    });
    return `(${items.join('; ')})`;
  };
  const listed = essay.nocite ? essay.bibliography : citedKeys(essay).map((k) => works.get(k)!);
  const entries = [...listed].sort((a, b) => a.key.localeCompare(b.key)).map((w) => `- <span id="bib-${w.key}"></span>${formatEntry(w)}`);
  const fields: [string, unknown][] = [
    ['title', essay.title],
    ['description', essay.description],
  ];
  return `${frontmatter(fields)}\n${body(essay, cite)}\n\n## Bibliography\n\n${entries.join('\n')}\n`;
}

function names(people: Person[]): string {
  return people.map((p) => `${p.family}, ${p.given}`).join(', and ');
}

/** A bibliography entry in (roughly) Chicago author-date. */
function formatEntry(w: BibEntry): string {
  const who = w.author.length > 0 ? names(w.author) : `${names(w.editor ?? [])}, ed.`;
  const title = escapeMarkdown(w.title);
  switch (w.type) {
    case 'article':
      return `${who}. ${w.year}. “${title}.” *${escapeMarkdown(w.journal!)}* ${w.volume} (${w.number}): ${w.pages!.replace('--', '–')}.`;
    case 'incollection':
      return `${who}. ${w.year}. “${title}.” In *${escapeMarkdown(w.booktitle!)}*, edited by ${names(w.editor!)}, ${w.pages!.replace('--', '–')}. ${w.address}: ${w.publisher}.`;
    default:
      return `${who}. ${w.year}. *${title}*. ${w.address}: ${w.publisher}.`;
  }
}

/** BibTeX as an author would write it. */
export function bibtex(entries: BibEntry[]): string {
  const field = (name: string, value: unknown) =>
    value === undefined ? '' : `  ${name.padEnd(9)} = {${String(value).replace(/[&%$#_]/g, '\\$&')}},\n`;
  const people = (list: Person[] | undefined) =>
    list && list.length > 0 ? list.map((p) => `${p.family}, ${p.given}`).join(' and ') : undefined;
  return entries
    .map(
      (w) =>
        `@${w.type}{${w.key},\n` +
        field('author', people(w.author)) +
        field('editor', people(w.editor)) +
        field('title', w.title) +
        field('booktitle', w.booktitle) +
        field('journal', w.journal) +
        field('volume', w.volume) +
        field('number', w.number) +
        field('pages', w.pages) +
        field('publisher', w.publisher) +
        field('address', w.address) +
        field('year', w.year) +
        '}\n',
    )
    .join('\n');
}

/** Markov text is plain prose, but a stray `*`, `_`, `[` or `<` must stay text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
