import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Bibliography } from '../plugins/contracts.ts';
import type { CslItem } from './csl-item.ts';
import { EssayError } from './essay-error.ts';

/** BibTeX entry heads (`@book{key,`), skipping the non-entry commands. */
const ENTRY_HEAD = /@([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)\s*,?/g;
const NOT_ENTRIES = new Set(['comment', 'string', 'preamble']);

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
    items = (new Cite(text, { generateGraph: false }) as unknown as { data: CslItem[] }).data;
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
  return { file, items, keys: heads.map((h) => h.key), lines };
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
