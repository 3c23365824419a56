/**
 * Pandoc citation markers as rehype-citation reads them: a bracketed group
 * (`[@a; see @b, p. 4]`, `[-@a]`) or an in-text key (`@a`, `@a [p. 4]`).
 * Adapted from rehype-citation's own pattern so that both agree on what a
 * citation is. https://pandoc.org/MANUAL.html#citation-syntax
 */
const MARKER = /(?:\[([^[\]]*@[^[\]]+)\])|(?<=\s|^|(-))(?:@([\p{L}\d_][^\s]*[\p{L}\d_]|\{.+\})(?:\s+\[(.*?)\])?)/gu;
const KEY_IN_GROUP = /-?@([\p{L}\d_][^\s;,\]]*[\p{L}\d_]|[\p{L}\d_])/gu;

export interface Marker {
  /** The marker as written, e.g. `[@pipes1968; @figes1996]`. */
  text: string;
  /** Offset of the marker in the searched string. */
  index: number;
  /** Keys named by the marker, in order. */
  keys: string[];
  /** Whether it is a bracketed group, as opposed to a bare in-text `@key`. */
  bracketed: boolean;
}

/** Every citation marker in `text`. */
export function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(MARKER)) {
    if (match[1] !== undefined) {
      const keys = [...match[1].matchAll(KEY_IN_GROUP)].map((m) => m[1]!);
      markers.push({ text: match[0], index: match.index, keys, bracketed: true });
    } else if (match[3] !== undefined) {
      markers.push({ text: match[0], index: match.index, keys: [match[3].replace(/^\{(.+)\}$/, '$1')], bracketed: false });
    }
  }
  return markers;
}
