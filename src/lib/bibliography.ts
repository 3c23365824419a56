import { readFile, stat } from 'node:fs/promises';
import { Cite } from 'rehype-citation';
import { EssayError, formatPlace } from './essay-error.ts';

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
      `bibliography file ${formatPlace({ file })} does not exist; put the .bib beside the essay and name it in the frontmatter (bibliography: references.bib).`,
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
    throw new EssayError(
      { file },
      'the bibliography holds no entries; add BibTeX entries such as @book{key, …} or remove the `bibliography` field.',
    );
  }
  const lines = new Map<string, number>();
  for (const { key, line, balanced } of heads) {
    if (!balanced) {
      throw new EssayError(
        { file, line },
        `the entry "${key}" does not close its braces; check that every { has its }, and that the entry ends with }.`,
      );
    }
    if (key === '') throw new EssayError({ file, line }, 'a BibTeX entry has no citation key; write it as @book{key, …}.');
    const first = lines.get(key);
    if (first !== undefined) {
      throw new EssayError(
        { file, line },
        `duplicate citation key "${key}" (first defined on line ${first}); give each entry its own key.`,
      );
    }
    lines.set(key, line);
  }

  let items: CslItem[];
  try {
    items = (new Cite(text, { generateGraph: false }) as { data: CslItem[] }).data;
  } catch (error) {
    const message = (error as Error).message;
    const at = message.match(/at line (\d+) col (\d+)/);
    const place = at ? { file, line: Number(at[1]), column: Number(at[2]) } : { file };
    throw new EssayError(place, `could not parse the BibTeX: ${message.split('\n')[0]}`, { cause: error });
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
  /** Whether its braces close before the next entry starts. */
  balanced: boolean;
}

function scanEntries(text: string): EntryHead[] {
  const found: { type: string; key: string; line: number; start: number }[] = [];
  for (const match of text.matchAll(ENTRY_HEAD)) {
    const type = match[1]!.toLowerCase();
    if (NOT_ENTRIES.has(type)) continue;
    // Ignore "@" inside field values (emails, handles): an entry starts a line.
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (text.slice(lineStart, match.index).trim() !== '') continue;
    found.push({ type, key: match[2]!, line: text.slice(0, match.index).split('\n').length, start: match.index });
  }
  return found.map(({ start, ...head }, i) => ({
    ...head,
    balanced: bracesBalance(text.slice(start, found[i + 1]?.start ?? text.length)),
  }));
}

/** Whether every `{` in an entry's text (escaped `\{` aside) is closed. */
function bracesBalance(entry: string): boolean {
  let depth = 0;
  for (let i = 0; i < entry.length; i++) {
    const c = entry[i];
    if (entry[i - 1] === '\\') continue;
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}
