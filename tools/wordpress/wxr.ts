import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/**
 * Reading a WordPress export (WXR: RSS 2.0 with WordPress's own elements, from
 * Tools → Export). The format is documented only by the exporter's source,
 * wp-admin/includes/export.php; the elements read here are the ones it writes.
 */

export interface WxrComment {
  id: string;
  parent: string | undefined;
  author: string;
  /** Local time as WordPress stores it, `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  /** The same instant in UTC, when the export has it. */
  dateGmt: string | undefined;
  /** `1` approved, `0` pending, `spam`, `trash`. */
  approved: string;
  /** '' or `comment` for comments; `pingback`, `trackback` otherwise. */
  type: string;
  content: string;
}

export interface WxrTerm {
  /** `category` or `post_tag` (or a custom taxonomy). */
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  id: string;
  title: string;
  link: string;
  /** `post`, `page`, `attachment`, `nav_menu_item`, … */
  type: string;
  /** `publish`, `draft`, `private`, `pending`, `future`, `trash`, `inherit`. */
  status: string;
  /** The post's slug (`wp:post_name`), as WordPress stores it (non-ASCII percent-encoded). */
  name: string;
  /** Local time in the site's time zone, `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  dateGmt: string;
  creator: string;
  /** Set for password-protected posts. */
  password: string;
  content: string;
  excerpt: string;
  terms: WxrTerm[];
  meta: Map<string, string>;
  comments: WxrComment[];
  attachmentUrl: string | undefined;
}

export interface WxrExport {
  file: string;
  title: string;
  link: string;
  language: string | undefined;
  /** The uploads' site URL(s), to recognise the export's own links and images. */
  baseUrls: string[];
  /** Author login → display name. */
  authors: Map<string, string>;
  items: WxrItem[];
}

/** A malformed or unrecognised export, with where and why. */
export class WxrError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, file: string, line?: number, column?: number) {
    super(`${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: ${message}`);
    this.name = 'WxrError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

const REPEATED = new Set([
  'item',
  'category',
  'wp:postmeta',
  'wp:comment',
  'wp:author',
  'wp:commentmeta',
  'wp:category',
  'wp:tag',
  'wp:term',
]);

type Node = Record<string, unknown>;

/** Parses the text of an export; `file` names it in errors. */
export function parseWxr(xml: string, file: string): WxrExport {
  // The parser itself is forgiving; its validator says where the XML breaks.
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new WxrError(
      `${msg.replace(/\.$/, '')}: the export is not well-formed XML. Export it again from WordPress (Tools → Export), or mend that place.`,
      file,
      line,
      col,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Keep every value as written: "0001" is a slug, not a number.
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: false,
    isArray: (name) => REPEATED.has(name),
  });
  const document = parser.parse(xml) as Node;
  const channel = (document.rss as Node | undefined)?.channel as Node | undefined;
  if (channel === undefined || typeof channel !== 'object') {
    throw new WxrError(
      'not a WordPress export: expected <rss> holding a <channel> (export the site from WordPress with Tools → Export).',
      file,
    );
  }
  if (channel['wp:wxr_version'] === undefined) {
    throw new WxrError(
      'not a WordPress export: the <channel> has no <wp:wxr_version>; this looks like a plain RSS feed, which holds no full posts. Export the site from WordPress with Tools → Export.',
      file,
    );
  }

  const authors = new Map<string, string>();
  for (const author of list(channel['wp:author'])) {
    const login = text(author['wp:author_login']);
    if (login) authors.set(login, plain(text(author['wp:author_display_name'])) || login);
  }
  const link = text(channel.link);
  const baseUrls = [...new Set([text(channel['wp:base_site_url']), text(channel['wp:base_blog_url']), link].filter(Boolean))];

  return {
    file,
    title: plain(text(channel.title)),
    link,
    language: text(channel.language) || undefined,
    baseUrls,
    authors,
    items: list(channel.item).map(readItem),
  };
}

function readItem(item: Node): WxrItem {
  const meta = new Map<string, string>();
  for (const entry of list(item['wp:postmeta'])) meta.set(text(entry['wp:meta_key']), text(entry['wp:meta_value']));
  return {
    id: text(item['wp:post_id']),
    title: plain(text(item.title)),
    link: text(item.link),
    type: text(item['wp:post_type']) || 'post',
    status: text(item['wp:status']),
    name: text(item['wp:post_name']),
    date: text(item['wp:post_date']),
    dateGmt: text(item['wp:post_date_gmt']),
    creator: text(item['dc:creator']),
    password: text(item['wp:post_password']),
    content: text(item['content:encoded']),
    excerpt: text(item['excerpt:encoded']),
    terms: list(item.category).map((term) => ({
      domain: text(term['@_domain']),
      nicename: text(term['@_nicename']),
      name: plain(text(term)),
    })),
    meta,
    comments: list(item['wp:comment']).map((comment) => ({
      id: text(comment['wp:comment_id']),
      parent: text(comment['wp:comment_parent']).replace(/^0$/, '') || undefined,
      author: plain(text(comment['wp:comment_author'])),
      date: text(comment['wp:comment_date']),
      dateGmt: text(comment['wp:comment_date_gmt']) || undefined,
      approved: text(comment['wp:comment_approved']),
      type: text(comment['wp:comment_type']),
      content: text(comment['wp:comment_content']),
    })),
    attachmentUrl: text(item['wp:attachment_url']) || undefined,
  };
}

function list(value: unknown): Node[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as Node) : { '#text': v }));
}

/** An element's text: the parser gives a string, or an object with `#text` when it has attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Node)['#text']);
  return String(value).trim();
}

/**
 * WordPress writes titles and names with HTML entities (`D&#8217;état`) and
 * sometimes markup; the frontmatter wants the text.
 */
export function plain(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return toString(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}
