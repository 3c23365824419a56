import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where in an author's file a problem is, as precisely as it is known. */
export interface Place {
  /** Absolute or working-directory-relative path of the file. */
  file: string;
  line?: number | undefined;
  column?: number | undefined;
}

/**
 * An error an author can act on: it names the file (and line where known), says
 * what is wrong and, where we can tell, what would fix it. Plugins throw it; the
 * essay loader collects it and fails the build with it.
 */
export class EssayError extends Error {
  readonly place: Place;

  constructor(place: Place, problem: string, options?: ErrorOptions) {
    super(`${formatPlace(place)}: ${problem}`, options);
    this.name = 'EssayError';
    this.place = place;
  }
}

/** `content/essays/x/index.md:12:5`, relative to the working directory. */
export function formatPlace({ file, line, column }: Place): string {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  const shown = relative.split(path.sep).join('/');
  if (line === undefined) return shown;
  return column === undefined ? `${shown}:${line}` : `${shown}:${line}:${column}`;
}

/**
 * The part of a logged render error an author needs: Astro prefixes the
 * entry ("Error rendering x/index.md: ") and the Markdown processor the file
 * URL ("Failed to parse Markdown file "…":\n"); ours already name the file.
 */
export function authorMessage(message: string): string {
  return message.replace(/^Error rendering [^\n]*?: (?=Failed to parse)/, '').replace(/^Failed to parse Markdown file "[^"]*":\n/, '');
}

/**
 * The place of a line of the Markdown body in its file. The content loader
 * renders the body without its frontmatter, so positions count from the body's
 * first line; the author's editor counts from the file's.
 */
export function placeInFile(file: { path: string; value: unknown }, bodyLine: number | undefined): Place {
  if (bodyLine === undefined) return { file: file.path };
  return { file: file.path, line: bodyLine + frontmatterLines(file.path, String(file.value)) };
}

function frontmatterLines(path: string, body: string): number {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return 0;
  }
  // Astro trims the body, so find where it starts rather than assume it ends the file.
  const start = body.trim() === '' ? -1 : raw.indexOf(body.trim());
  return start === -1 ? 0 : raw.slice(0, start).split('\n').length - 1;
}
