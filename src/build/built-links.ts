import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { stampOf, writeWhole } from './cache-files.ts';

export interface BrokenLink {
  /** The page the link is on, relative to the site root. */
  page: string;
  href: string;
  problem: string;
}

interface Page {
  ids: Set<string>;
  hrefs: string[];
}

/** The elements and attributes whose URLs the check follows: links, and what a page loads. */
const URL_ATTRIBUTES: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  script: 'src',
  img: 'src',
  source: 'src',
  form: 'action',
};

/**
 * A page's ids and link targets (links, and the stylesheets, scripts, images
 * and icons it loads, its meta refresh and its Open Graph URLs). Read with
 * htmlparser2's tokenizer, which builds no tree: on a site of a thousand
 * essays it reads the pages in a tenth of the time a full HTML parser takes,
 * and the pages are the build's own well-formed output.
 */
function scanPage(html: string): Page {
  const page: Page = { ids: new Set(), hrefs: [] };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id !== undefined) page.ids.add(attributes.id);
        const attribute = URL_ATTRIBUTES[name];
        if (attribute !== undefined && attributes[attribute] !== undefined && attributes.rel !== 'preconnect')
          page.hrefs.push(attributes[attribute]);
        if (name === 'meta' && attributes.content !== undefined) {
          if (attributes['http-equiv']?.toLowerCase() === 'refresh') {
            const url = /url=(.*)$/i.exec(attributes.content)?.[1];
            if (url) page.hrefs.push(url.trim());
          } else if (/^(og:(url|image)|twitter:image)$/.test(attributes.property ?? attributes.name ?? '')) {
            page.hrefs.push(attributes.content);
          }
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return page;
}

/**
 * What a scan cache holds: a page's ids and link targets by the SHA-1 of its
 * bytes, and the digest of each file by what stat() says of it (device,
 * inode, size and modification time, to the nanosecond), as Git's index
 * knows an unchanged file without reading it.
 */
interface ScanCache {
  version: number;
  pages: Record<string, { ids: string[]; hrefs: string[] }>;
  files: Record<string, string>;
}

/** Bumped when scanPage() reads pages differently, so that no scan of the old kind is used. */
const SCAN_VERSION = 2;

/**
 * A file changed in the same tick of the file system's clock as it was last
 * recorded could keep its size and time: a file is known by its stat() only
 * once it is older than this when recorded (Git's "racily clean" entries).
 */
const SETTLED_MS = 2000;

/**
 * Every page's ids and link targets. With a cache file, a page whose bytes
 * were scanned by an earlier build is not parsed again: a rebuild after one
 * essay's edit writes every page anew, but all of them but a few are the same
 * bytes (parsing them was 6 s of a 37 s rebuild at 1,000 essays). A file the
 * last build recorded, unchanged since (the share pages a rebuild carries
 * over: src/build/share-folders.ts), is not even read. The file keeps the
 * scans of this build's pages only.
 */
async function readPages(dir: string, files: string[], cacheFile?: string): Promise<Map<string, Page>> {
  const cached = cacheFile ? await readScanCache(cacheFile) : { pages: {}, files: {} };
  const kept: ScanCache = { version: SCAN_VERSION, pages: {}, files: {} };
  const pages = new Map<string, Page>();
  const now = Date.now();
  // A few pages at a time: reading thousands at once holds them all in memory.
  for (let i = 0; i < files.length; i += 16) {
    await Promise.all(
      files.slice(i, i + 16).map(async (file) => {
        const where = path.join(dir, file);
        const stats = await stat(where, { bigint: true });
        const known = stampOf(stats);
        let digest = cached.files[known];
        let scan = digest === undefined ? undefined : cached.pages[digest];
        if (digest === undefined || scan === undefined) {
          const bytes = await readFile(where);
          digest = createHash('sha1').update(bytes).digest('base64url');
          scan = cached.pages[digest] ?? toScan(scanPage(bytes.toString('utf8')));
        }
        kept.pages[digest] = scan;
        if (now - Number(stats.mtimeMs) > SETTLED_MS) kept.files[known] = digest;
        pages.set(where, { ids: new Set(scan.ids), hrefs: scan.hrefs });
      }),
    );
  }
  // Whole, so that a build stopped halfway leaves the last whole cache.
  if (cacheFile) await writeWhole(cacheFile, JSON.stringify(kept));
  return pages;
}

function toScan(page: Page): ScanCache['pages'][string] {
  return { ids: [...page.ids], hrefs: page.hrefs };
}

/** The scans an earlier build kept; none if there is no cache, or one of another version, or one cut short. */
async function readScanCache(file: string): Promise<Pick<ScanCache, 'pages' | 'files'>> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as ScanCache;
    if (cache.version === SCAN_VERSION) return cache;
  } catch {
    // Started afresh.
  }
  return { pages: {}, files: {} };
}

/**
 * The file a path of the site (under its base, decoded) reaches, as a static
 * host serves it, or undefined if none: looked up in the site's files, listed
 * once (thousands of lookups, each a few calls into the file system).
 */
function target(dir: string, files: Set<string>, sitePath: string): string | undefined {
  const resolved = path.join(dir, sitePath);
  if (!resolved.startsWith(dir)) return undefined;
  const candidates = [resolved, path.join(resolved, 'index.html'), `${resolved}.html`];
  return candidates.find((c) => files.has(c));
}

/** Every file under `dir`, by its absolute path (links followed, as a host serves them). */
async function filesUnder(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Set<string>();
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() || (entry.isSymbolicLink() && existsSync(file) && statSync(file).isFile())) files.add(file);
  }
  return files;
}

export interface LinkCheckOptions {
  /** The path the site is served under (`/`, `/essays-site/`): a link outside it leaves the site. */
  base?: string;
  /** The site's public address: absolute links to it are checked as internal ones. */
  site?: URL | string | undefined;
  /** A file where the pages' scans are kept between builds (see readPages()); none by default. */
  cacheFile?: string;
}

/** A link to a fragment of its own page, which the URL parser would take as it is (no spaces, controls or `%`). */
const OWN_FRAGMENT = /^#[^\s\p{Cc}%]+$/u;

/** Where pages are addressed while they are checked, when the site has no address of its own. */
const NOWHERE = 'https://site.invalid';

/**
 * Internal links (and their #fragments) of a built site that lead nowhere, or
 * out of the site's base: the site in `dir` is served under `base`, so
 * `/essays/x/` on a site under `/essays-site/` is a link to another site on
 * the same host. Links to other sites, `mailto:` and text fragments
 * (`#:~:text=`) are not checked.
 */
export async function findBrokenLinks(dir: string, options: LinkCheckOptions = {}): Promise<BrokenLink[]> {
  const root = path.resolve(dir);
  const base = options.base ?? '/';
  const origin = options.site ? new URL(options.site).origin : NOWHERE;
  const files = await filesUnder(root);
  const html = [...files].map((file) => path.relative(root, file)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
  const pages = await readPages(root, html, options.cacheFile);
  // Thousands of pages link to the same few (their essay, its card, the stylesheet): each is looked up once.
  const reached = new Map<string, string | undefined>();
  const reach = (sitePath: string) => {
    if (!reached.has(sitePath)) reached.set(sitePath, target(root, files, sitePath));
    return reached.get(sitePath);
  };
  const broken: BrokenLink[] = [];
  for (const [file, page] of pages) {
    const where = path.relative(root, file);
    // The page's own address, as the host serves it: `essays/x/index.html` at `<base>essays/x/`.
    const here = new URL(`${base}${where.split(path.sep).map(encodeURIComponent).join('/')}`.replace(/(^|\/)index\.html$/, '$1'), origin);
    for (const href of page.hrefs) {
      // Most links on an essay page are to its own sections and notes: no URL to make, the page's own ids.
      if (OWN_FRAGMENT.test(href)) {
        const fragment = decodeURIComponent(href.slice(1));
        if (!fragment.startsWith(':~:') && !page.ids.has(fragment))
          broken.push({ page: where, href, problem: `no element with id "${fragment}"` });
        continue;
      }
      if (href.startsWith('//') || (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith(`${origin}/`))) continue;
      const url = new URL(href, here);
      const pathname = decodeURIComponent(url.pathname);
      if (!pathname.startsWith(base)) {
        broken.push({ page: where, href, problem: `outside the site's base ${base}` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      const file = reach(pathname.slice(base.length));
      if (file === undefined) {
        broken.push({ page: where, href, problem: 'no such page or file' });
      } else if (fragment && !fragment.startsWith(':~:') && file.endsWith('.html')) {
        const ids = pages.get(file)?.ids;
        if (ids && !ids.has(fragment)) broken.push({ page: where, href, problem: `no element with id "${fragment}"` });
      }
    }
  }
  return broken.sort((a, b) => a.page.localeCompare(b.page) || a.href.localeCompare(b.href));
}
