import { readFile, stat } from 'node:fs/promises';
import { Cite } from 'rehype-citation';
import { EssayError } from './essay-error.ts';

/** A CSL-JSON item, as citation-js produces it from BibTeX. */
export interface CslItem {
  id: string;
  'citation-key'?: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][] };
  [field: string]: unknown;
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface Bibliography {
  /** Absolute path of the .bib file. */
  file: string;
  /** The file's text, exactly as read. */
  text: string;
  items: CslItem[];
  /** Citation keys in file order. */
  keys: string[];
  /** Line of each key's entry, for error messages. */
  lines: Map<string, number>;
}

/** BibTeX entry heads (`@book{key,`), skipping the non-entry commands. */
const ENTRY_HEAD = /@([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)\s*,?/g;
const NOT_ENTRIES = new Set(['comment', 'string', 'preamble']);

const cache = new Map<string, { stamp: string; bibliography: Promise<Bibliography> }>();

/**
 * Reads, parses and checks a .bib file once per change: every essay render asks
 * for it, and parsing BibTeX is the slowest step of citation formatting.
 *
 * `citedFrom` is the essay that names the file, for the "missing file" message.
 */
export async function loadBibliography(file: string, citedFrom: string): Promise<Bibliography> {
  let stamp: string;
  try {
    const info = await stat(file);
    stamp = `${info.mtimeMs}:${info.size}`;
  } catch {
    throw new EssayError(
      { file: citedFrom },
      `bibliography file "${file}" does not exist; put the .bib beside the essay and name it in the frontmatter (bibliography: references.bib).`,
    );
  }
  const cached = cache.get(file);
  if (cached?.stamp === stamp) return cached.bibliography;
  const bibliography = readFile(file, 'utf8').then((text) => parseBibliography(file, text));
  cache.set(file, { stamp, bibliography });
  bibliography.catch(() => cache.delete(file));
  return bibliography;
}

/** Parses BibTeX text, failing with the .bib's name and line on anything suspect. */
export function parseBibliography(file: string, text: string): Bibliography {
  const heads = scanEntries(text);
  if (heads.length === 0) {
    throw new EssayError({ file }, 'the bibliography holds no entries; add BibTeX entries such as @book{key, …} or remove the `bibliography` field.');
  }
  const lines = new Map<string, number>();
  for (const { key, line } of heads) {
    if (key === '') throw new EssayError({ file, line }, 'a BibTeX entry has no citation key; write it as @book{key, …}.');
    const first = lines.get(key);
    if (first !== undefined) {
      throw new EssayError({ file, line }, `duplicate citation key "${key}" (first defined on line ${first}); give each entry its own key.`);
    }
    lines.set(key, line);
  }

  let items: CslItem[];
  try {
    items = (new Cite(text, { generateGraph: false }) as { data: CslItem[] }).data;
  } catch (error) {
    throw new EssayError({ file }, `could not parse the BibTeX: ${(error as Error).message}`, { cause: error });
  }
  const parsed = new Set(items.map((item) => item.id));
  const lost = heads.find(({ key }) => !parsed.has(key));
  if (lost !== undefined || items.length !== heads.length) {
    const where = lost ?? heads[0]!;
    throw new EssayError(
      { file, line: where.line },
      `malformed BibTeX entry "${where.key}": it could not be read (check its braces, quotes and the commas between fields).`,
    );
  }
  return { file, text, items, keys: heads.map((h) => h.key), lines };
}

interface EntryHead {
  type: string;
  key: string;
  line: number;
}

function scanEntries(text: string): EntryHead[] {
  const heads: EntryHead[] = [];
  for (const match of text.matchAll(ENTRY_HEAD)) {
    const type = match[1]!.toLowerCase();
    if (NOT_ENTRIES.has(type)) continue;
    // Ignore "@" inside field values (emails, handles): an entry starts a line.
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (text.slice(lineStart, match.index).trim() !== '') continue;
    const line = text.slice(0, match.index).split('\n').length;
    heads.push({ type, key: match[2]!, line });
  }
  return heads;
}
