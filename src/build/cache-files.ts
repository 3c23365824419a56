import { type BigIntStats, statSync } from 'node:fs';
import { copyFile, link, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A file of the cache into the site as a hard link (thousands of cards,
 * citation files and index chunks: copying would write the cache again), or a
 * copy where a link cannot be made (another file system). The cache never
 * writes into a file it has linked out: it writes a new file and renames it
 * (writeWhole()), so a published file never changes under a link.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Writes a file aside and renames it into place, its folder made first: a
 * build stopped half-way leaves the last whole file, never one cut short, and
 * a link to the old file keeps the old bytes.
 */
export async function writeWhole(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const written = `${file}.${process.pid}.tmp`;
  await writeFile(written, data);
  await rename(written, file);
}

/** The record a cache folder keeps beside it: `<folder>.json`. */
export function recordBeside(folder: string): string {
  return `${folder.replace(/[\\/]+$/, '')}.json`;
}

/**
 * A file's device, inode, size and time of last change to the nanosecond,
 * as Git's index knows a file: what says, without reading it, that nobody
 * wrote into it. A write in place (through a link in the site) changes it; a
 * file replaced by renaming is another inode.
 */
export function stampOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

/** A file's stampOf(); undefined when there is no file. */
export async function stamp(file: string): Promise<string | undefined> {
  return stat(file, { bigint: true }).then(stampOf, () => undefined);
}

/** stamp(), for code that cannot wait. */
export function stampSync(file: string): string | undefined {
  const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stats && stampOf(stats);
}
