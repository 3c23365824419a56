import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { writeWhole } from './cache-files.ts';

/**
 * An essay's share folder (`<essay>/s/`: a share page and a card for each
 * section) carried from the last build's output into this one, unchanged.
 * A rebuild at N = 1,000 after one essay's edit spent 14 s of its ~50 s
 * deleting the last build's 13,000 share pages and cards and writing the same
 * bytes again, the disk busy and the build's thread idle; carrying a folder
 * is two renames.
 *
 * A folder is carried only when what this build would write into it is what
 * the last build wrote: the same pages, byte for byte, and the same cards (a
 * card's cache file is named by a hash of its text and of the drawer,
 * src/build/cards/cache.ts). That is the folder's digest, kept with the
 * warnings its cards gave (repeated every build, as the loader repeats its
 * proofreading) in the cache, for the output folder it was written to.
 */
export interface ShareFolder {
  /** The folder, relative to the output folder. */
  folder: string;
  /** A hash of the folder's pages and cards; see folderDigest(). */
  digest: string;
}

interface FolderRecord {
  outDir: string;
  folders: { [folder: string]: { digest: string; warnings: string[] } };
}

/** What a folder holds: each page's path and bytes, each card's path and cache file. */
export function folderDigest(pages: { path: string; html: string }[], cards: { path: string; file: string }[]): string {
  const hash = createHash('sha256');
  for (const page of pages) hash.update(`${page.path}\0${page.html}\0`);
  for (const card of cards) hash.update(`${card.path}\0${card.file}\0`);
  return hash.digest('base64url');
}

export class ShareFolders {
  private readonly recordFile: string;
  private readonly keptDir: string;
  private readonly outDir: string;
  /** The folders carried, by folder: where they wait, and their cards' warnings. */
  private readonly carried = new Map<string, { kept: string; warnings: string[] }>();

  /** `cacheDir`: Astro's cache folder, where the record and the carried folders are kept. */
  constructor(cacheDir: string, outDir: string) {
    this.outDir = outDir;
    this.recordFile = path.join(cacheDir, 'essay-publisher/share-folders.json');
    this.keptDir = path.join(cacheDir, 'essay-publisher/kept-shares');
  }

  /**
   * Before Astro empties the output folder: moves aside each folder whose
   * digest the last build recorded for it, and returns the folders moved.
   */
  async carry(folders: ShareFolder[]): Promise<Set<string>> {
    // A failed build may have left carried folders here: they are stale now.
    rmSync(this.keptDir, { recursive: true, force: true });
    const last = await this.read();
    if (last?.outDir !== this.outDir) return new Set();
    mkdirSync(this.keptDir, { recursive: true });
    folders.forEach(({ folder, digest }, i) => {
      const was = last.folders[folder];
      const from = path.join(this.outDir, folder);
      if (was?.digest !== digest || !existsSync(from)) return;
      const kept = path.join(this.keptDir, String(i));
      try {
        renameSync(from, kept);
        this.carried.set(folder, { kept, warnings: was.warnings });
      } catch {
        // Written again instead.
      }
    });
    return new Set(this.carried.keys());
  }

  /** Puts a carried folder back into the output folder, returning the warnings its cards gave. */
  async restore(folder: string): Promise<string[]> {
    const { kept, warnings } = this.carried.get(folder)!;
    await rename(kept, path.join(this.outDir, folder));
    return warnings;
  }

  /**
   * Records this build's folders, once they are all written: with the warnings
   * this build's cards gave for those it wrote, and the last build's for those
   * it carried.
   */
  async record(folders: (ShareFolder & { warnings: string[] })[]): Promise<void> {
    const record: FolderRecord = { outDir: this.outDir, folders: {} };
    for (const { folder, digest, warnings } of folders)
      record.folders[folder] = { digest, warnings: this.carried.get(folder)?.warnings ?? warnings };
    await writeWhole(this.recordFile, JSON.stringify(record));
    rmSync(this.keptDir, { recursive: true, force: true });
  }

  private async read(): Promise<FolderRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.recordFile, 'utf8')) as FolderRecord;
    } catch {
      return undefined;
    }
  }
}
