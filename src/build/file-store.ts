import { createHash } from 'node:crypto';
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { linkOrCopy, writeWhole } from './cache-files.ts';

/**
 * Files kept in the cache by a hash of their bytes, and put into the site as
 * hard links: the essays' "Cite this essay" files, five an essay, which a
 * build at N = 1,000 wrote anew every time. A rebuild that deletes the last
 * build's output and creates thousands of files spends seconds of system
 * time in the file system's inode allocator (ext4's `find_inode_bit` and
 * `recently_deleted` led a profile of a rebuild); a link allocates no inode,
 * and unlinking one frees none.
 *
 * A stored file is written once, whole (writeWhole()), and never written again: a published link never changes under the site.
 * It is read back before it is used, and written anew if it is not the bytes
 * its name says.
 */
export class FileStore {
  /** The files this build put, by name: each stored once, however many places it is put. */
  private readonly used = new Map<string, Promise<void>>();
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Puts `bytes` at `to`: a link to the stored copy (stored first if new), or a copy on another file system. */
  async put(bytes: string | Uint8Array, to: string): Promise<void> {
    const name = createHash('sha256').update(bytes).digest('base64url');
    const stored = path.join(this.dir, name);
    if (!this.used.has(name)) this.used.set(name, store(bytes, stored));
    await this.used.get(name);
    await linkOrCopy(stored, to);
  }

  /** Once the build's files are all put: forgets the stored files it did not use. */
  async prune(): Promise<void> {
    const held = await readdir(this.dir).catch(() => []);
    await Promise.all(held.filter((name) => !this.used.has(name)).map((name) => unlink(path.join(this.dir, name)).catch(() => {})));
  }
}

async function store(bytes: string | Uint8Array, file: string): Promise<void> {
  // The site's copies are links to the stored file, and something may have written into one there.
  const held = await readFile(file).catch(() => undefined);
  if (!held?.equals(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)) await writeWhole(file, bytes);
}
