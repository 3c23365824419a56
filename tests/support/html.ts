import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

/** Parses a built page into a DOM document. */
export function readPage(file: string): Document {
  return new JSDOM(readFileSync(file, 'utf8')).window.document;
}
