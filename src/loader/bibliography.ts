import { readFile } from 'node:fs/promises';
import { decodeBibtex, parseBibtex } from '../lib/bibtex.ts';
import type { Bibliography } from '../plugins/contracts.ts';

/** A .bib file as read: its bytes (part of every citing essay's cache key) and its entries. */
export interface ReadBibliography {
  bytes: Uint8Array;
  bibliography: Bibliography;
}

const read = new Map<string, Promise<ReadBibliography>>();

/**
 * Reads and parses a .bib file once per build, however many essays cite it
 * (`forgetBibliographies()` starts over, as a dev server must after an edit).
 */
export function readBibliography(file: string): Promise<ReadBibliography> {
  let found = read.get(file);
  if (found === undefined) {
    found = readFile(file).then((bytes) => ({ bytes, bibliography: { file, ...parseBibtex(decodeBibtex(bytes, file), file) } }));
    read.set(file, found);
  }
  return found;
}

/** Forgets every file read, so that the next load reads them again. */
export function forgetBibliographies(): void {
  read.clear();
}
