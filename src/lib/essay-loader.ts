import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { authorMessage } from './essay-error.ts';

export interface EssayLoaderOptions {
  /** Folder of essays, relative to the project root: one folder per essay. */
  base: string;
}

/**
 * Astro's glob loader over `<base>/<slug>/index.md`, with one change: a
 * Markdown render error fails the build. The glob loader only *logs* it and
 * stores the entry without HTML, so a broken citation would publish an empty
 * essay with exit code 0 (and, worse, the cached empty entry would be reused by
 * later builds while the file is unchanged).
 */
export function essayLoader({ base }: EssayLoaderOptions): Loader {
  const inner = glob({
    pattern: '*/index.md',
    base,
    generateId: ({ entry }) => slugOf(entry.split('/')[0]!),
  });
  return {
    name: 'essay-loader',
    async load(context: LoaderContext) {
      const dir = path.resolve(fileURLToPath(context.config.root), base);
      const errors = [...checkSlugs(dir), ...checkDates(dir)];
      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.error = (message: string) => {
        errors.push(authorMessage(message));
        context.logger.error(message);
      };
      await inner.load({ ...context, logger });

      const unrendered = context.store.values().filter((entry) => !entry.rendered?.html);
      for (const entry of unrendered) {
        // Forget it so that the next build renders it again (a cached entry is
        // not re-rendered while its file is unchanged, so no error is logged).
        context.store.delete(entry.id);
        if (errors.length === 0) errors.push(`${entry.filePath ?? entry.id} rendered no HTML; build again to see why.`);
      }
      if (errors.length > 0 && !context.watcher) {
        // A failed build must not leave an earlier, complete-looking site behind.
        await rm(context.config.outDir, { recursive: true, force: true });
        throw new Error(
          `${errors.length === 1 ? 'An essay' : `${errors.length} essays`} could not be published:\n  ${errors.join('\n  ')}`,
        );
      }
    },
  };
}

/** The folder name is the essay's slug and its public URL; URLs are lower case. */
function slugOf(folder: string): string {
  return folder.toLowerCase();
}

const SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** Folder names that cannot be URLs, and folders that would share one. */
function checkSlugs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory() || !existsSync(path.join(dir, folder.name, 'index.md'))) continue;
    const where = path.relative(process.cwd(), path.join(dir, folder.name, 'index.md'));
    if (!SLUG.test(folder.name)) {
      errors.push(
        `${where}: the folder name "${folder.name}" is the essay's URL, so it may hold only letters, digits and single hyphens (for example "the-july-days").`,
      );
    }
    const slug = slugOf(folder.name);
    const other = seen.get(slug);
    if (other !== undefined) {
      errors.push(`${where}: this essay and ${other} would both be published at /essays/${slug}/; rename one of their folders.`);
    }
    seen.set(slug, where);
  }
  return errors;
}

/**
 * YAML reads `2020-13-45` as a date and quietly rolls it over to 14 February
 * 2021; an author who typed it meant something else. Dates in frontmatter
 * must be real calendar dates.
 */
function checkDates(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const errors: string[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, folder.name, 'index.md');
    if (!folder.isDirectory() || !existsSync(file)) continue;
    const [, frontmatter = ''] = readFileSync(file, 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/) ?? [];
    frontmatter.split(/\r?\n/).forEach((line, i) => {
      const date = line.match(/^\s*(?:written|date):\s*['"]?(\d{4})-(\d{2})-(\d{2})['"]?\s*$/);
      if (!date) return;
      const [, y, m, d] = date.map(Number) as [number, number, number, number];
      const real = new Date(Date.UTC(y, m - 1, d));
      if (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) {
        const where = path.relative(process.cwd(), file);
        errors.push(`${where}:${i + 2}: "${line.trim()}" is not a calendar date; write it as YYYY-MM-DD (for example 2013-10-01).`);
      }
    });
  }
  return errors;
}
