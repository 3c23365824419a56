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
    // The folder name is the essay's slug and its public URL.
    generateId: ({ entry }) => entry.split('/')[0]!,
  });
  return {
    name: 'essay-loader',
    async load(context: LoaderContext) {
      const errors: string[] = [];
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
        throw new Error(`${errors.length === 1 ? 'An essay' : `${errors.length} essays`} could not be published:\n  ${errors.join('\n  ')}`);
      }
    },
  };
}
