/**
 * Pandoc's attribute syntax (https://pandoc.org/MANUAL.html#extension-header_attributes),
 * as Quarto writes it after headings, images, table captions and equations:
 * `{#fig-map .wide fig-alt="A map of Petrograd"}`.
 */
export interface Attributes {
  /** `#id`. */
  id?: string | undefined;
  /** `.class`es, in order (`-` stands for `.unnumbered`, as in Pandoc). */
  classes: string[];
  /** `key=value` and `key="value"` pairs. */
  values: Record<string, string>;
}

/** An attribute block at the end of a text: `{…}` and where it starts. */
export interface TrailingAttributes {
  attributes: Attributes;
  /** Offset of the `{` in the text; the text before it (trimmed) is what the attributes are for. */
  start: number;
  /** The block as written. */
  text: string;
}

const TOKEN = /\s*(?:#([^\s{}#.="']+)|\.([^\s{}#.="']+)|(-)(?=[\s}])|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'{}]+)))/y;

/** The attributes inside `{…}` (the braces included), or undefined when it is not an attribute block. */
export function parseAttributes(block: string): Attributes | undefined {
  if (!block.startsWith('{') || !block.endsWith('}')) return undefined;
  const inside = block.slice(1, -1);
  const attributes: Attributes = { classes: [], values: {} };
  let seen = false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < inside.length) {
    if (/^\s*$/.test(inside.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(inside);
    if (!match) return undefined;
    seen = true;
    const [, id, className, dash, key, double, single, bare] = match;
    if (id !== undefined) {
      if (attributes.id !== undefined) return undefined;
      attributes.id = id;
    } else if (className !== undefined) attributes.classes.push(className);
    else if (dash !== undefined) attributes.classes.push('unnumbered');
    else attributes.values[key!] = double ?? single ?? bare ?? '';
  }
  return seen ? attributes : undefined;
}

/** A `{…}` block that ends `text` (after optional spaces), with what it parses to; undefined when there is none. */
export function trailingAttributes(text: string): TrailingAttributes | undefined {
  const match = text.match(/\{[^{}]*\}\s*$/);
  if (!match || match.index === undefined) return undefined;
  const block = match[0].trimEnd();
  const attributes = parseAttributes(block);
  return attributes ? { attributes, start: match.index, text: block } : undefined;
}

/** Whether the text is a `{…}` that looks meant as attributes (`{#…}`, `{.…}`), though it may not parse. */
export function looksLikeAttributes(text: string): boolean {
  return /^\{\s*[#.][^{}]*\}$/.test(text.trim());
}
