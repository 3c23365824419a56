import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { DEFAULT_LANG, DEFAULT_STYLE } from './lib/csl.ts';
import { essayLoader } from './lib/essay-loader.ts';

/** When an essay was written: a date, with an optional human note. */
const written = z.union([
  z.coerce.date().transform((date) => ({ date, note: undefined, precision: 'day' as const })),
  z.object({
    /** The date the essay was written (or first published), YYYY-MM-DD. */
    date: z.coerce.date(),
    /** How the author puts it, e.g. "Initially written around October 2013"; shown instead of the bare date. */
    note: z.string().min(1).optional(),
    /** How precise the date is: "month" for "around October 2013". Citations and metadata give no more. */
    precision: z.enum(['day', 'month', 'year']).default('day'),
  }),
]);

const essays = defineCollection({
  loader: essayLoader({ base: './content/essays' }),
  schema: z.object({
    /** The essay's title, as it should appear on the page and in listings. */
    title: z.string().min(1),
    /** An honest one- or two-sentence summary, for listings, search results and link previews. */
    description: z.string().min(1),
    /** The essay's author, when it should be named in metadata and "cite this essay". */
    author: z.string().min(1).optional(),
    written,
    /** The BibTeX file beside the essay, e.g. `references.bib`. Optional for essays without citations. */
    bibliography: z.string().min(1).optional(),
    /** Citation style: a file name from src/csl/styles without `.csl`. */
    csl: z.string().min(1).default(DEFAULT_STYLE),
    /** Language of the essay (BCP 47): sets the page's `lang` and the citation locale. */
    lang: z.string().min(2).default(DEFAULT_LANG),
    /** Works to list in the bibliography without citing them: "@*" for all, or a list of keys. */
    nocite: z.union([z.literal('@*'), z.array(z.string().min(1))]).optional(),
    /** Topics, for listings and search filters. */
    tags: z.array(z.string().min(1)).default([]),
    /** Drafts are shown by `astro dev` and left out of builds. */
    draft: z.boolean().default(false),
  }),
});

export const collections = { essays };
