import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { EssayError, type Place } from '../lib/essay-error.ts';

/** An essay file split into its frontmatter (parsed, with where each value was written) and its Markdown. */
export interface SplitEssay {
  /** The frontmatter's values as YAML 1.2 reads them (dates stay strings: the schema reads them). */
  data: Record<string, unknown>;
  /**
   * The file with its frontmatter blanked out (lines kept), for the Markdown
   * pipeline: positions it reports are the file's own lines and columns.
   */
  markdown: string;
  /** Where the value at `path` (e.g. `['written', 'date']`) was written; else where a missing field would go. */
  placeOf(path: readonly PropertyKey[]): Place;
  /** The value at `path` as it was typed on its line (`1917`, `[a, b]`), for messages that show what to write instead. */
  textOf(path: readonly PropertyKey[]): string | undefined;
}

/** `---` on the first line, up to the next line that is `---` (or `...`, as YAML allows). */
const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits `index.md` into frontmatter and Markdown and parses the frontmatter
 * as YAML 1.2 (its core schema: `2013-10-01` is a string, never a Date in
 * the build machine's time zone). A YAML error fails with the file's own
 * 1-based line and column, not the frontmatter's.
 */
export function splitEssay(source: string, file: string): SplitEssay {
  const match = source.match(FRONTMATTER);
  if (!match) {
    throw new EssayError(
      { file, line: 1, column: 1 },
      'the essay has no frontmatter; start the file with a `---` line, the title, description and date (see README, "Adding an essay"), and another `---` line.',
    );
  }
  const [whole, , yamlText = ''] = match;
  /** The YAML starts on the file's second line. */
  const firstLine = 2;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + firstLine - 1, column: col };
  };
  const [error] = doc.errors;
  if (error) {
    const [start] = error.pos;
    throw new EssayError(at(start), `the frontmatter is not valid YAML: ${yamlMessage(error.message)}${YAML_HINTS[error.code] ?? ''}`);
  }
  const data = doc.toJS() as unknown;
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new EssayError(at(0), 'the frontmatter must be a list of `field: value` lines (title:, description:, written:, …).');
  }
  const closingLine = whole!.replace(/\r?\n$/, '').split('\n').length;
  const blank = whole!.replace(/[^\r\n]/g, ' ');
  return {
    data: (data ?? {}) as Record<string, unknown>,
    markdown: blank + source.slice(whole!.length),
    placeOf(path) {
      const node = nodeAt(doc.contents, path);
      if (node?.range) return at(node.range[0]);
      // A missing value: point at its parent's line, or at the closing `---`, where the author would add it.
      const parent = path.length > 1 ? nodeAt(doc.contents, path.slice(0, -1)) : undefined;
      return parent?.range ? at(parent.range[0]) : { file, line: closingLine, column: 1 };
    },
    textOf(path) {
      const node = nodeAt(doc.contents, path);
      // A block list or set of fields is lines of its own, not a value to show after `field: `.
      if (!node?.range || ((isSeq(node) || isMap(node)) && !node.flow)) return undefined;
      return yamlText.slice(node.range[0], node.range[1]);
    },
  };
}

/** The YAML node at a path of keys and indexes, if it was written. */
function nodeAt(node: unknown, path: readonly PropertyKey[]): Node | undefined {
  let current = node as Node | null | undefined;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && p.key.value === key);
      current = pair?.value as Node | undefined;
    } else if (isSeq(current) && typeof key === 'number') {
      current = current.items[key] as Node | undefined;
    } else {
      return undefined;
    }
  }
  return current ?? undefined;
}

/** What usually causes a YAML error in frontmatter, and its fix. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: ' A value holding ": " (or a line indented under a value) must be quoted: description: "A case: with a colon".',
  MULTILINE_IMPLICIT_KEY: ' A value that goes on over several lines must be quoted, or written after `>-` on lines of its own.',
  BAD_INDENT: ' Check the indentation, and that every [ has its ].',
  MISSING_CHAR: ' Check that every quote and bracket is closed.',
  DUPLICATE_KEY: ' Each field may be written once.',
};

/** yaml's message without its own position suffix ("at line 3, column 5"), which counts inside the frontmatter. */
function yamlMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').replace(/\.$/, '') + '.';
}
