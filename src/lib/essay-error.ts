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
  /** What is wrong, without the place. */
  readonly problem: string;

  constructor(place: Place, problem: string, options?: ErrorOptions) {
    super(`${formatPlace(place)}: ${problem}`, options);
    this.name = 'EssayError';
    this.place = place;
    this.problem = problem;
  }
}

/** Places in reading order: by file, then line, then column (a place without them first). */
export function comparePlaces(a: Place, b: Place): number {
  return a.file.localeCompare(b.file, 'en') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** `content/essays/x/index.md:12:5`, relative to the working directory. */
export function formatPlace({ file, line, column }: Place): string {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  const shown = relative.split(path.sep).join('/');
  if (line === undefined) return shown;
  return column === undefined ? `${shown}:${line}` : `${shown}:${line}:${column}`;
}

/**
 * The same problem at several places, as one message at the first: "(also on
 * lines 12, 40 and 3 more)", so that a slip repeated through a long essay is
 * one line of the build's output, not hundreds.
 */
export function oncePerProblem(places: Place[], problem: string): EssayError {
  return new EssayError(places[0]!, `${problem}${alsoOnLines(places)}`);
}

/** " (also on lines 12, 40 and 3 more)": the lines of the places after the first, other than its own. */
export function alsoOnLines([first, ...others]: Place[]): string {
  const lines = [...new Set(others.map((p) => p.line).filter((line) => line !== undefined && line !== first!.line))];
  const shown = lines.length > 6 ? `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more` : lines.join(', ');
  return lines.length === 0 ? '' : ` (also on line${lines.length > 1 ? 's' : ''} ${shown})`;
}

/** Several problems found at once, each its own EssayError: one line per cause. */
export class EssayErrors extends Error {
  readonly errors: EssayError[];
  /** Whether they are a draft's (which a build leaves out, warning of its problems instead). */
  readonly draft: boolean;

  constructor(errors: EssayError[], { draft = false }: { draft?: boolean } = {}) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'EssayErrors';
    this.errors = errors;
    this.draft = draft;
  }
}

/**
 * A problem as plain data, as the content store keeps it: under `astro dev`
 * an essay that cannot be published keeps its address, and its page lists
 * these where the essay would be.
 */
export interface StoredProblem {
  /** `content/essays/x/index.md:12:5`, as the terminal prints it. */
  place: string;
  /** What is wrong, without the place. */
  problem: string;
}

export function storedProblem(error: EssayError): StoredProblem {
  return { place: formatPlace(error.place), problem: error.problem };
}
