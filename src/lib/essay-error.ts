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
