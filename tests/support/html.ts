import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

/** Parses a built page into a DOM document. */
export function readPage(file: string): Document {
  // A real origin: an opaque one makes jsdom throw on storage access.
  return new JSDOM(readFileSync(file, 'utf8'), { url: 'https://essays.example.org/' }).window.document;
}
