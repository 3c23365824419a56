import { copyFile, mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import { linkOrCopy, recordBeside, stamp, writeWhole } from './cache-files.ts';

/**
 * Pagefind's output, kept in the cache from one build to the next, so that a
 * rebuild writes only the index files that changed.
 *
 * Pagefind names its fragments, word-index chunks, filter chunks and
 * metadata by a hash of their contents, and when it writes into a folder
 * that holds a file of that name already it leaves the file alone, and does
 * not compress it again (`WriteBehavior::Immutable` in its
 * pagefind/src/output/mod.rs). Compressing every file at gzip's best level is
 * most of what writing costs: at N = 1,000, 4.0 s into an empty folder,
 * 1.8 s over the last build's files. What it does not do is remove the files
 * of the last build that this one no longer has (an edited essay's old
 * fragment and chunks); prune() does, reading each language's metadata for
 * the files it names, so the folder ends as a write into an empty one would
 * leave it (tests/build/rebuild.test.ts compares the two byte for byte).
 *
 * The folder is trusted only when the record beside it says a build finished
 * writing it: the record is removed before Pagefind writes, so a build that
 * stops half-way leaves a folder the next one empties first, never a file
 * cut short that it would keep. Each file is trusted only as that build left
 * it, by its stamp() (the site's copies are links to these files, and
 * something may write into one there). If the last build's Pagefind was another
 * version, its files are not this one's: consistent() says so, and the
 * index is written again into an empty folder.
 *
 * The site gets the folder as hard links (publish()): a few milliseconds for
 * files that never change once written, where copying 1,100 files took
 * 0.4–0.8 s. The few files Pagefind writes again each build under the same
 * name (its scripts, the stemmers, `pagefind-entry.json`) are copied, so that
 * rewriting them in the cache never changes a site already built.
 */
export class SearchFiles {
  private readonly record: string;
  /** What the folder held before Pagefind wrote: its immutable files, and the version of Pagefind that wrote them. */
  private before = new Set<string>();
  private version: string | undefined;

  /** `folder`: where Pagefind writes, in Astro's cache folder; the record lies beside it. */
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
    this.record = recordBeside(folder);
  }

  /**
   * Before Pagefind writes: empties the folder unless a finished build wrote
   * it, then forgets that one did. A file not as that build left it (the site
   * holds links to these files: something may have written into one there) is
   * removed, for Pagefind to write again.
   */
  async prepare(): Promise<void> {
    let record: FolderRecord | undefined;
    try {
      record = JSON.parse(await readFile(this.record, 'utf8')) as FolderRecord;
    } catch {
      record = undefined;
    }
    this.version = record?.version;
    await rm(this.record, { force: true });
    if (record === undefined) await this.empty();
    const held = (await filesIn(this.folder)).filter(isImmutable);
    const changed = await Promise.all(held.map(async (file) => record?.files?.[file] !== (await stamp(path.join(this.folder, file)))));
    await Promise.all(held.filter((_, i) => changed[i]).map((file) => unlink(path.join(this.folder, file))));
    this.before = new Set(held.filter((_, i) => !changed[i]));
  }

  /**
   * After Pagefind wrote: whether the files it left alone are its own, that
   * is, the last build's were written by the same version of Pagefind. If not,
   * empty() the folder and write again.
   */
  async consistent(): Promise<boolean> {
    return this.before.size === 0 || this.version === (await this.entry()).version;
  }

  async empty(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
    this.before.clear();
  }

  /**
   * After Pagefind wrote: removes the files of languages and pages the index
   * no longer has, then records the folder as finished. Returns how many
   * index files there are, and how many of them were left as the last build
   * wrote them.
   */
  async prune(): Promise<{ files: number; kept: number }> {
    const entry = await this.entry();
    // The stemmer of pages in no language Pagefind knows: written every build.
    const live = new Set<string>(['wasm.unknown.pagefind']);
    for (const { hash, wasm } of Object.values(entry.languages)) {
      const meta = `pagefind.${hash}.pf_meta`;
      live.add(meta);
      if (wasm) live.add(`wasm.${wasm}.pagefind`);
      for (const file of namedBy(await readFile(path.join(this.folder, meta)))) live.add(file);
    }
    const all = await filesIn(this.folder);
    const stale = all.filter((file) => (isImmutable(file) || isStemmer(file)) && !live.has(file));
    await Promise.all(stale.map((file) => unlink(path.join(this.folder, file))));
    const index = all.filter((file) => isImmutable(file) && live.has(file));
    const record: FolderRecord = { version: entry.version, files: {} };
    const stamps = await Promise.all(index.map((file) => stamp(path.join(this.folder, file))));
    index.forEach((file, i) => (record.files[file] = stamps[i] ?? ''));
    await writeWhole(this.record, JSON.stringify(record));
    return { files: index.length, kept: index.filter((file) => this.before.has(file)).length };
  }

  /**
   * Puts the folder's files into `to`, emptied first: the immutable ones as
   * hard links (copies on another file system), the rest as copies.
   */
  async publish(to: string): Promise<void> {
    await rm(to, { recursive: true, force: true });
    const files = await filesIn(this.folder);
    await Promise.all([...new Set(files.map((file) => path.dirname(file)))].map((dir) => mkdir(path.join(to, dir), { recursive: true })));
    for (let i = 0; i < files.length; i += 64) {
      await Promise.all(
        files.slice(i, i + 64).map(async (file) => {
          const [from, into] = [path.join(this.folder, file), path.join(to, file)];
          await (isImmutable(file) ? linkOrCopy(from, into) : copyFile(from, into));
        }),
      );
    }
  }

  private async entry(): Promise<PagefindEntry> {
    return JSON.parse(await readFile(path.join(this.folder, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  }
}

/** What the record beside the folder says: the Pagefind that wrote it, and each immutable file's stamp() (cache-files.ts). */
interface FolderRecord {
  version: string;
  files: { [file: string]: string };
}

/** `pagefind-entry.json`: the version that wrote the index, and each language's metadata hash and stemmer. */
interface PagefindEntry {
  version: string;
  languages: { [language: string]: { hash: string; wasm: string | null } };
}

/**
 * The files a language's `.pf_meta` names. Its format (gzip, then
 * `pagefind_dcd` and CBOR: pagefind/src/index/index_metadata.rs) is an array
 * of the version, the pages (`[hash, words, …]`, each page's fragment), the
 * word-index chunks (`[from, to, hash]`), the filters (`[name, hash]`) and
 * the sort orders.
 */
export function namedBy(gzipped: Uint8Array): string[] {
  const [, pages, chunks, filters] = decode(pagefindData(gzipped)) as [string, [string][], [string, string, string][], [string, string][]];
  return [
    ...pages.map(([hash]) => `fragment/${hash}.pf_fragment`),
    ...chunks.map(([, , hash]) => `index/${hash}.pf_index`),
    ...filters.map(([, hash]) => `filter/${hash}.pf_filter`),
  ];
}

/** What a file Pagefind compressed holds: gzip, then `pagefind_dcd` before the data. */
function pagefindData(gzipped: Uint8Array): Buffer {
  const bytes = gunzipSync(gzipped);
  const signature = 'pagefind_dcd';
  if (bytes.subarray(0, signature.length).toString() !== signature) throw new Error('not a file Pagefind wrote');
  return bytes.subarray(signature.length);
}

/** Files Pagefind names by their contents and never writes again once there: the chunks in its subfolders, and the metadata. */
function isImmutable(file: string): boolean {
  return file.includes('/') || file.endsWith('.pf_meta');
}

/** A language's stemmer: written again every build, and left behind when the site's last page in that language goes. */
function isStemmer(file: string): boolean {
  return /^wasm\.[^/]+\.pagefind$/.test(file);
}

/** Every file under `dir`, relative and with `/` separators; none if it does not exist. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
