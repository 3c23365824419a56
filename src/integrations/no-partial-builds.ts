import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';

/**
 * A failed build leaves no site behind: not the pages it wrote before it
 * failed, and not an older, complete-looking `dist/` that someone might
 * publish believing it new. Whatever fails (an essay the loader refuses, a
 * page that throws, a broken link, the search index), the output folder is
 * removed as the build exits with an error. Listed last, so that a build
 * counts as done only when every other integration's last hook has run.
 *
 * It also clears the last build's output off the build's path. Astro empties
 * the output folder on the build's own thread before it bundles; a site of
 * 1,000 essays leaves about 21,000 files there (a share page and a card a
 * section, the search index's fragments), seconds of a rebuild spent on
 * deleting them one by one. They are moved into the cache folder instead, one
 * rename per entry at the top of the folder (the folder itself stays, should
 * it be a link or a mount), and deleted in a worker thread while the build
 * goes on; the build waits for it before it ends.
 */
export default function noPartialBuilds(): AstroIntegration {
  let done = false;
  let outDir = '';
  let trash = '';
  let clearing: Promise<void> | undefined;
  return {
    name: 'essay-publisher:no-partial-builds',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir);
        trash = fileURLToPath(new URL('essay-publisher/old-output/', config.cacheDir));
        process.on('exit', (code) => {
          if (code !== 0 && !done) rmSync(outDir, { recursive: true, force: true });
        });
      },
      'astro:build:start': () => {
        moveAside(outDir, path.join(trash, `${process.pid}-${Date.now()}`));
        // With what an interrupted build left there.
        if (existsSync(trash)) clearing = removeInWorker(trash);
      },
      'astro:build:done': async () => {
        await clearing;
        done = true;
      },
    },
  };
}

/**
 * Moves the output folder's entries into `to`. Where a rename fails (the
 * cache folder on another file system, say), what is left stays for Astro.
 */
function moveAside(outDir: string, to: string): void {
  const entries = existsSync(outDir) ? readdirSync(outDir) : [];
  if (entries.length === 0) return;
  mkdirSync(to, { recursive: true });
  try {
    for (const entry of entries) renameSync(path.join(outDir, entry), path.join(to, entry));
  } catch {
    // Left for Astro.
  }
}

/** Deletes a folder in a worker thread (rmSync there: one thread's work, off the build's). */
function removeInWorker(dir: string): Promise<void> {
  const worker = new Worker(
    "require('node:fs').rmSync(require('node:worker_threads').workerData, { recursive: true, force: true, maxRetries: 3 });",
    { eval: true, workerData: dir },
  );
  return new Promise((resolve) => worker.once('exit', () => resolve()));
}
