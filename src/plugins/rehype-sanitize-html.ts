import type { Element, ElementData, Properties, Root } from 'hast';
import { find, html } from 'property-information';
import rehypeSanitize from 'rehype-sanitize';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { oncePerProblem, type Place } from '../lib/essay-error.ts';
import { essaySchema } from '../lib/sanitize-schema.ts';
import { runOf } from './contracts.ts';

declare module 'hast' {
  interface ElementData {
    /** The element's place in the tree before sanitising, by which it is found after (hast-util-sanitize keeps `data`). */
    sanitizeIndex?: number;
  }
}

const sanitize = rehypeSanitize(essaySchema);

const NO_SCRIPTS = 'essays run no scripts';
const OWN_STYLES = "the site's own styles apply";
const NO_EMBEDS = 'pages load nothing from other sites, so embeds are not published; link to the page instead';
const NO_INPUT = 'essays take no input from readers';
const OWN_HEAD = "the page's head is the site's";

/** Why the site removes an element an author may well write; any other is simply not among those essays use. */
const ELEMENT_REASONS: Readonly<Record<string, string>> = {
  script: NO_SCRIPTS,
  noscript: NO_SCRIPTS,
  canvas: NO_SCRIPTS,
  template: NO_SCRIPTS,
  style: OWN_STYLES,
  font: OWN_STYLES,
  center: OWN_STYLES,
  iframe: 'pages load nothing from other sites, so embeds are not published; link to the video or page instead',
  embed: NO_EMBEDS,
  object: NO_EMBEDS,
  frame: NO_EMBEDS,
  frameset: NO_EMBEDS,
  form: NO_INPUT,
  button: NO_INPUT,
  select: NO_INPUT,
  textarea: NO_INPUT,
  fieldset: NO_INPUT,
  input: NO_INPUT,
  link: OWN_HEAD,
  meta: OWN_HEAD,
  base: OWN_HEAD,
  title: OWN_HEAD,
  svg: 'save the drawing as an .svg file beside the essay and show it as an image (![A map](map.svg))',
  math: 'write formulas in TeX ($…$), which the site renders',
  // Media beside the essay would not be published (only its images are), and players from elsewhere load from elsewhere.
  video: 'essays have no video players; link to the clip instead (a file under public/, or its page elsewhere)',
  audio: 'essays have no audio players; link to the recording instead (a file under public/, or its page elsewhere)',
};

/** Why the site removes an attribute an author may well write. */
const ATTRIBUTE_REASONS: Readonly<Record<string, string>> = {
  style: OWN_STYLES,
  align: OWN_STYLES,
  bgcolor: OWN_STYLES,
  color: OWN_STYLES,
  face: OWN_STYLES,
  autoplay: 'nothing on the page plays by itself',
};

const LISTED = 'it is not among those essays may use (src/lib/sanitize-schema.ts)';

/** A removal as the author is told of it; `generic` when the rules simply do not list what was removed. */
interface Removal {
  problem: string;
  generic: boolean;
}

/** What the author wrote, as HTML names it (`className` is `class`, `onClick` is `onclick`). */
function attributeName(property: string): string {
  return find(html, property).attribute;
}

/** The values of a property, one per item of a list (`class="a b"`). */
function values(value: Properties[string]): string[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Why an attribute that hast-util-sanitize dropped was dropped, in the author's terms. */
function attributeRemoval(tagName: string, property: string, value: Properties[string]): Removal {
  const name = attributeName(property);
  const reason = /^on/i.test(name) ? NO_SCRIPTS : ATTRIBUTE_REASONS[name];
  if (reason) return { problem: `removed the ${name} attribute from <${tagName}>: ${reason}`, generic: false };
  const protocols = essaySchema.protocols?.[property];
  const scheme = typeof value === 'string' ? /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase() : undefined;
  if (protocols && scheme && !protocols.includes(scheme)) {
    const what = tagName === 'a' ? 'link' : `address from <${tagName}>`;
    if (scheme === 'javascript') return { problem: `removed a javascript: ${what}: ${NO_SCRIPTS}`, generic: false };
    const allowed = protocols.map((p) => `${p}:`).join(', ');
    return {
      problem: `removed the ${name} "${String(value)}" from <${tagName}>: addresses may start with ${allowed}, or be a path on this site`,
      generic: false,
    };
  }
  return { problem: `removed the ${name} attribute from <${tagName}>: ${LISTED}`, generic: true };
}

/** Whether an element is removed with its content (`<script>`), not replaced by it. */
function stripped(node: Element): boolean {
  return essaySchema.strip?.includes(node.tagName) ?? false;
}

/** Whether any of an element's text reaches the page once it is removed. */
function keepsText(node: Element): boolean {
  if (stripped(node)) return false;
  return node.children.some((child) => (child.type === 'text' ? child.value.trim() !== '' : child.type === 'element' && keepsText(child)));
}

/** Why an element that hast-util-sanitize dropped was dropped, and what became of its content. */
function elementRemoval(node: Element): Removal {
  const name = node.tagName;
  const ancestors = essaySchema.ancestors?.[name];
  const reason =
    ELEMENT_REASONS[name] ??
    (ancestors && essaySchema.tagNames?.includes(name) ? `it belongs inside ${ancestors.map((a) => `<${a}>`).join(' or ')}` : undefined);
  const kept = keepsText(node) ? '; its text stays' : '';
  return {
    problem: `removed <${name}>: ${reason ?? 'it is not among the elements essays may use (src/lib/sanitize-schema.ts)'}${kept}`,
    generic: !reason,
  };
}

/** Why a value of a list (a class) was dropped: the element takes only some. */
function valueRemoval(tagName: string, property: string, value: string): Removal {
  const definition = essaySchema.attributes?.[tagName]?.find((d) => Array.isArray(d) && d[0] === property);
  const allowed = Array.isArray(definition) ? definition.slice(1).map((a) => (a instanceof RegExp ? String(a) : `"${String(a)}"`)) : [];
  const name = attributeName(property);
  const reason = allowed.length ? `<${tagName}> takes only ${allowed.join(', ')}` : LISTED;
  return { problem: `removed the ${name} "${value}" from <${tagName}>: ${reason}`, generic: allowed.length === 0 };
}

/**
 * Sanitises the essay's HTML (src/lib/sanitize-schema.ts, by hast-util-sanitize
 * itself) and warns of every element and attribute it removes, where the
 * author wrote it and why: otherwise an embed, a style or a handler vanishes
 * from the page without a word. Each kind of removal is one warning, at its
 * first place, naming the lines of the others, so that a pasted block of
 * foreign markup does not bury the build's other warnings. Comments are
 * removed too, silently: they are the author's notes, meant to go unpublished.
 */
export default function rehypeSanitizeHtml() {
  return (tree: Root, file: VFile): Root => {
    const run = runOf(file);
    const before: { node: Element; place: Place; parent: number | undefined }[] = [];
    visitParents(tree, 'element', (node: Element, parents) => {
      // Elements the HTML parser adds (a table's <tbody>) have no place of their own: their parent's is the nearest.
      const placed = [node, ...parents.toReversed()].find((n) => n.position)?.position?.start;
      const parent = parents.at(-1);
      // The cast: hast-util-from-parse5's types give every element's data a `position`, which only its verbose mode writes.
      node.data = { ...node.data, sanitizeIndex: before.length } as ElementData;
      before.push({
        node,
        place: { file: file.path, line: placed?.line, column: placed?.column },
        parent: parent?.type === 'element' ? parent.data?.sanitizeIndex : undefined,
      });
    });

    const clean = sanitize(tree);
    const after = new Map<number, Element>();
    visitParents(clean, 'element', (node: Element) => {
      const index = node.data?.sanitizeIndex;
      if (index === undefined) return;
      after.set(index, node);
      delete node.data!.sanitizeIndex;
      if (Object.keys(node.data!).length === 0) delete node.data;
    });

    // One warning per kind of removal, at its first place, with the lines of the others.
    const found = new Map<string, Place[]>();
    // Inside a removed element, what the rules simply do not list goes with it (an <svg>'s paths, a <video>'s
    // sources); what is removed for a reason of its own is told of still (an unclosed tag may hold the rest of the essay).
    const within: boolean[] = [];
    const report = ({ problem, generic }: Removal, index: number) => {
      if (generic && within[index]) return;
      found.set(problem, [...(found.get(problem) ?? []), before[index]!.place]);
    };
    for (const [index, { node, parent }] of before.entries()) {
      const kept = after.get(index);
      within[index] = parent !== undefined && (within[parent]! || !after.has(parent));
      if (!kept) {
        report(elementRemoval(node), index);
        continue;
      }
      for (const [property, value] of Object.entries(node.properties)) {
        if (value === null || value === undefined || value === false) continue;
        const now = kept.properties[property];
        if (now === undefined || now === null) {
          report(attributeRemoval(node.tagName, property, value), index);
          continue;
        }
        const lost = values(value).filter((v) => !values(now).includes(v));
        for (const v of lost) report(valueRemoval(node.tagName, property, v), index);
      }
      // GitHub's rules keep <input> only as a task list's checkbox, and make any other one so.
      const required = essaySchema.required?.[node.tagName];
      if (required && Object.keys(required).some((key) => values(node.properties[key]).join() !== values(kept.properties[key]).join())) {
        report({ problem: `<${node.tagName}> is published as a disabled checkbox: ${NO_INPUT}`, generic: false }, index);
      }
    }
    for (const [problem, places] of found) run.warnings.push(oncePerProblem(places, problem));
    return clean;
  };
}
