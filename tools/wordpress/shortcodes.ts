import type { Element, ElementContent, Parents, Root, Text } from 'hast';

/**
 * WordPress shortcodes (`[caption …]…[/caption]`, `[embed]url[/embed]`) are not
 * HTML: they sit in the text of the post, and WordPress expands them on
 * display. Here they are found in the hast tree's text nodes and turned into
 * `x-shortcode` elements that wrap what they enclose, so that the converter
 * handles them as nodes. The syntax follows WordPress's `get_shortcode_regex()`
 * (https://developer.wordpress.org/reference/functions/get_shortcode_regex/):
 * `[name attr="v" attr2=v2 positional]`, `[name /]`, `[name]…[/name]`, and
 * `[[name]]` for a literal `[name]`.
 */

export interface Shortcode {
  name: string;
  attributes: Record<string, string>;
  /** Positional (unnamed) attributes, in order. */
  positional: string[];
  /** The opening tag as written, to keep unknown shortcodes as text. */
  open: string;
  /** The closing tag as written, when it encloses content. */
  close: string | undefined;
}

/**
 * Shortcodes common enough on WordPress sites that a bare `[name]` is surely
 * one (core, Jetpack and the usual footnote plugins). Any other name counts as
 * a shortcode only when it has attributes or a closing tag, so that `[sic]` or
 * `[1]` in prose stay prose.
 */
const KNOWN = new Set([
  'audio',
  'caption',
  'code',
  'contact-form',
  'efn_note',
  'embed',
  'footnote',
  'gallery',
  'googlemaps',
  'instagram',
  'latex',
  'mfn',
  'playlist',
  'soundcloud',
  'sourcecode',
  'tweet',
  'video',
  'vimeo',
  'wp_caption',
  'youtube',
]);

interface Token {
  kind: 'open' | 'close' | 'self';
  name: string;
  raw: string;
  attributes: Record<string, string>;
  positional: string[];
}

// The shortcode syntax, matched in plain text (never in HTML).
const TAG = /\[(\[?)(\/?)([A-Za-z][\w-]*)(\s[^\]]*?)?(\/?)\](\]?)/g;
const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;

function parseAttributes(text: string): Pick<Token, 'attributes' | 'positional'> {
  const attributes: Record<string, string> = {};
  const positional: string[] = [];
  // WordPress first turns typographic quotes and no-break spaces back into plain ones.
  const plain = text
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/\u00a0/g, ' ');
  for (const m of plain.matchAll(ATTRIBUTE)) {
    if (m[1] !== undefined) attributes[m[1].toLowerCase()] = m[2]!;
    else if (m[3] !== undefined) attributes[m[3].toLowerCase()] = m[4]!;
    else if (m[5] !== undefined) attributes[m[5].toLowerCase()] = m[6]!;
    else positional.push(m[7] ?? m[8] ?? m[9]!);
  }
  return { attributes, positional };
}

/** Splits a text into plain strings and shortcode tokens. */
function tokenize(value: string): (string | Token)[] {
  const parts: (string | Token)[] = [];
  let last = 0;
  for (const m of value.matchAll(TAG)) {
    const [raw, escapeOpen, slash, name, rest = '', selfSlash, escapeClose] = m as unknown as string[];
    if (escapeOpen && escapeClose) {
      // `[[name]]` shows `[name]` literally.
      parts.push(value.slice(last, m.index), raw!.slice(1, -1));
      last = m.index + raw!.length;
      continue;
    }
    if (escapeOpen || escapeClose) continue;
    parts.push(value.slice(last, m.index));
    const kind = slash ? 'close' : selfSlash ? 'self' : 'open';
    parts.push({ kind, name: name!.toLowerCase(), raw: raw!, ...parseAttributes(rest) });
    last = m.index + raw!.length;
  }
  parts.push(value.slice(last));
  return parts.filter((p) => p !== '');
}

const TOKEN = 'x-shortcode-token';
export const SHORTCODE = 'x-shortcode';

/** The shortcode an `x-shortcode` element stands for. */
export function shortcodeOf(node: Element): Shortcode {
  return node.data as unknown as Shortcode;
}

/**
 * Replaces shortcodes in `tree` by `x-shortcode` elements (whose `data` is the
 * {@link Shortcode}) wrapping the nodes they enclose. Text that only looks like
 * a shortcode (an unknown name with no attributes and no closing tag) is left
 * as it is.
 */
export function wrapShortcodes(tree: Root): void {
  // First pass: split text nodes around tokens.
  splitTexts(tree);
  // Second pass: pair opening and closing tokens among siblings, innermost last.
  pairTokens(tree);
}

function splitTexts(parent: Parents): void {
  const children: (ElementContent | Root['children'][number])[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      for (const part of tokenize(child.value)) {
        children.push(typeof part === 'string' ? text(part) : tokenElement(part));
      }
    } else {
      if (child.type === 'element' && !['code', 'pre', 'script', 'style'].includes(child.tagName)) splitTexts(child);
      children.push(child);
    }
  }
  parent.children = children as Parents['children'];
}

function tokenElement(token: Token): Element {
  return { type: 'element', tagName: TOKEN, properties: {}, children: [], data: token as never };
}

function tokenOf(node: unknown): Token | undefined {
  const element = node as Element;
  return element.type === 'element' && element.tagName === TOKEN ? (element.data as unknown as Token) : undefined;
}

function pairTokens(parent: Parents): void {
  const children = parent.children as ElementContent[];
  const out: ElementContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const token = tokenOf(child);
    if (token === undefined) {
      if (child.type === 'element') pairTokens(child);
      out.push(child);
      continue;
    }
    if (token.kind === 'open') {
      const end = findClose(children, i, token.name);
      if (end !== -1) {
        const inner: Element = { type: 'element', tagName: 'x-inner', properties: {}, children: children.slice(i + 1, end) };
        pairTokens(inner);
        out.push(shortcode(token, (children[end] as Element).data as unknown as Token, inner.children));
        i = end;
        continue;
      }
    }
    if (token.kind === 'close' || (!KNOWN.has(token.name) && Object.keys(token.attributes).length === 0 && token.positional.length === 0)) {
      // A stray closing tag, or prose in brackets: the text as written.
      out.push(text(token.raw));
      continue;
    }
    out.push(shortcode(token, undefined, []));
  }
  parent.children = mergeTexts(out) as Parents['children'];
}

function findClose(children: ElementContent[], from: number, name: string): number {
  let depth = 0;
  for (let j = from + 1; j < children.length; j++) {
    const token = tokenOf(children[j]);
    if (token?.name !== name) continue;
    if (token.kind === 'open') depth++;
    else if (token.kind === 'close') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

function shortcode(open: Token, close: Token | undefined, children: ElementContent[]): Element {
  const data: Shortcode = {
    name: open.name,
    attributes: open.attributes,
    positional: open.positional,
    open: open.raw,
    close: close?.raw,
  };
  return { type: 'element', tagName: SHORTCODE, properties: {}, children, data: data as never };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function mergeTexts(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    const previous = out.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else out.push(node);
  }
  return out;
}
