import { defineCollection } from 'astro:content';
import { essayLoader } from './loader/loader.ts';
import { essaySchema } from './loader/schema.ts';

/**
 * One folder per essay under content/essays: `index.md` and its .bib. The
 * loader reads, validates and renders them (src/loader/loader.ts); the
 * schema documents every frontmatter field (src/loader/schema.ts).
 */
const essays = defineCollection({
  loader: essayLoader({ base: './content/essays' }),
  schema: essaySchema,
});

export const collections = { essays };
