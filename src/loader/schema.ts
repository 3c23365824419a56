import { z } from 'astro/zod';
import { authorField } from '../lib/authors.ts';
import { DEFAULT_LANG, DEFAULT_STYLE } from '../lib/csl-names.ts';
import { type CalendarDate, isoDate, parseCalendarDate } from '../lib/dates.ts';
import { comparePlaces, EssayError, EssayErrors, type Place } from '../lib/essay-error.ts';
import { didYouMean } from '../lib/suggest.ts';

/**
 * A date as an author writes it: `2013`, `2013-10` or `2013-10-01` (quoted or
 * not), read as a calendar date with the precision written, never through the
 * build machine's time zone.
 */
const calendarDate = z.union([z.string(), z.number()]).transform((value, context): CalendarDate => {
  const date = parseCalendarDate(String(value));
  if (date === undefined) {
    context.addIssue({
      code: 'custom',
      message: `"${value}" is not a date this site reads; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2013, 2013-10 or 2013-10-01).`,
    });
    return z.NEVER;
  }
  return date;
});

/** How precise a date is: "month" for "around October 2013". Citations and metadata give no more. */
const precision = z.enum(['day', 'month', 'year']);

/** When the essay was written: a date, or a date with the author's own words for it. */
const written = z.union([
  calendarDate,
  z
    .object({
      /** The date the essay was written (or first published): YYYY, YYYY-MM or YYYY-MM-DD. */
      date: calendarDate,
      /** How the author puts it, e.g. "Initially written around October 2013"; shown instead of the bare date. */
      note: z.string().min(1).optional(),
      /** Less precise than written (a day given, "month" meant); by default, as precise as written. */
      precision: precision.optional(),
    })
    .strict()
    .transform(({ date, note, precision: wanted }, context): CalendarDate & { note?: string | undefined } => {
      const order = ['year', 'month', 'day'] as const;
      if (wanted !== undefined && order.indexOf(wanted) > order.indexOf(date.precision)) {
        context.addIssue({
          code: 'custom',
          path: ['precision'],
          message: `precision "${wanted}" is finer than the date written (${date.precision}); give the ${wanted} in the date, or leave precision out.`,
        });
        return z.NEVER;
      }
      return { ...date, precision: wanted ?? date.precision, note };
    }),
]);

/** An essay's frontmatter: every field an author may write, documented, with its default. */
export const essaySchema = z
  .object({
    /** The essay's title, as it should appear on the page and in listings. */
    title: z.string().min(1, 'is empty; give the essay its title'),
    /** An honest one- or two-sentence summary, for listings, search results and link previews. */
    description: z.string().min(1, 'is empty; say in one or two sentences what the essay argues'),
    /**
     * The essay's author or authors, when they should be named in the footer, metadata and "Cite this essay":
     * a name ("Le Guin, Ursula K." says which part is the family name), names joined by "and", or a list.
     */
    author: authorField.optional(),
    /**
     * The terms this essay is published under, when they are not the site's
     * (`essays({ licence })`): a name (`licence: CC BY 4.0`) or a name and its
     * text's URL (`licence: { name: CC BY 4.0, url: https://… }`).
     */
    licence: z
      .union([
        z.string().min(1),
        z
          .object({
            name: z.string().min(1, 'is empty; name the licence, such as CC BY 4.0'),
            url: z.url('must be the address of the licence’s text, starting with https://').optional(),
          })
          .strict(),
      ])
      .optional()
      .transform((value) => (typeof value === 'string' ? { name: value } : value)),
    written,
    /**
     * When the essay was last revised: YYYY, YYYY-MM or YYYY-MM-DD. Leave it out to take the date of the
     * last commit that changed the essay's folder (src/loader/git.ts); `false` when the essay has not been
     * revised, whatever its commits changed (its markup, a typo), so that no revision date is shown.
     */
    updated: z.union([z.literal(false), calendarDate]).optional(),
    /** Updates and corrections, listed at the end of the essay (Distill's "Updates and corrections"). */
    revisions: z
      .array(
        z
          .object({
            /** When: YYYY, YYYY-MM or YYYY-MM-DD. */
            date: calendarDate,
            /** What changed, in a sentence: "Corrected the date of the July Days." */
            note: z.string().min(1, 'is empty; say in a sentence what changed'),
          })
          .strict(),
      )
      .default([]),
    /** The BibTeX file beside the essay, e.g. `references.bib`. Optional for essays without citations. */
    bibliography: z.string().min(1).optional(),
    /** Citation style: one of src/csl/styles (without `.csl`), or a short name such as `chicago`. */
    csl: z.string().min(1).default(DEFAULT_STYLE),
    /** Language of the essay (BCP 47): sets the page's `lang`, its interface words and the citation locale. */
    lang: z.string().min(2).default(DEFAULT_LANG),
    /** Works to list in the bibliography without citing them: "@*" for all, or a list of keys. */
    nocite: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .transform((value) => {
        if (value === undefined) return undefined;
        const keys = (typeof value === 'string' ? value.split(/[\s,;]+/) : value).map((k) => k.trim().replace(/^@/, '')).filter(Boolean);
        return keys.includes('*') ? ('*' as const) : keys;
      }),
    /** Topics, for listings and search filters: a list (`[history, russia]`), or one tag. */
    tags: z
      .union([z.array(z.string().min(1, 'holds an empty tag')), z.string().min(1)])
      .default([])
      .transform((tags) => (typeof tags === 'string' ? [tags] : tags)),
    /** Drafts are shown by `astro dev` and left out of builds. */
    draft: z.boolean().default(false),
  })
  .strict()
  .superRefine((data, context) => {
    // A revision comes after the writing: a date before it is a slip (a year typed wrong, `written` and `updated` swapped).
    const before = (date: CalendarDate) => isoDate(date.date, data.written.precision) < isoDate(data.written.date, data.written.precision);
    const written = isoDate(data.written.date, data.written.precision);
    if (data.updated && before(data.updated)) {
      context.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `is ${isoDate(data.updated.date, data.updated.precision)}, before the essay was written (${written}); give the date of the revision`,
      });
    }
    data.revisions.forEach((revision, i) => {
      if (!before(revision.date)) return;
      context.addIssue({
        code: 'custom',
        path: ['revisions', i, 'date'],
        message: `is ${isoDate(revision.date.date, revision.date.precision)}, before the essay was written (${written}); give the date of the revision`,
      });
    });
  });

export type EssayData = z.output<typeof essaySchema>;

/** "a string", "a list" (zod names the type expected). */
function article(expected: string): string {
  return (
    { string: 'text', array: 'a list, such as [history, russia]', boolean: 'true or false', number: 'a number', object: 'a set of fields' }[
      expected
    ] ?? expected
  );
}

/** What to write, for fields an author may leave out by mistake. */
const EXAMPLES: Record<string, string> = {
  title: 'title: "The July Days"',
  description: 'description: One or two sentences saying what the essay argues.',
  written: 'written: 2014-03-01',
};

/** Lists of fields in the frontmatter: what each item takes, for messages about one. */
const NESTED: Record<string, { fields: string[]; hint: string }> = {
  revisions: { fields: ['date', 'note'], hint: 'each revision takes a date and a note: - { date: 2015-02-10, note: "Corrected …" }' },
};

/**
 * Validates frontmatter against the schema: the data, or one EssayError per
 * problem, each at the line and column where the value was written (or where
 * a missing one would go), saying what to write instead.
 */
export function validateFrontmatter(data: Record<string, unknown>, placeOf: (path: readonly PropertyKey[]) => Place): EssayData {
  const result = essaySchema.safeParse(data);
  if (result.success) return result.data;
  const valueAt = (path: readonly PropertyKey[]) =>
    path.reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
      data,
    );
  const errors = result.error.issues.flatMap((issue): EssayError[] => {
    const path = issue.path;
    const field = path.map(String).join('.');
    const parent = path.slice(0, -1).map(String).join('.');
    if (path.length > 1 && NESTED[String(path[0])] && valueAt(path) === undefined && issue.code !== 'unrecognized_keys') {
      return [new EssayError(placeOf(path), `\`${parent}\` has no \`${String(path.at(-1))}\`; ${NESTED[String(path[0])]!.hint}.`)];
    }
    if (issue.code === 'unrecognized_keys' && path.length > 0 && NESTED[String(path[0])]) {
      const { fields, hint } = NESTED[String(path[0])]!;
      return issue.keys.map(
        (key) =>
          new EssayError(
            placeOf([...path, key]),
            `unknown field \`${[...path, key].join('.')}\`${didYouMean(key, fields, '`').replace(/\?$/, '`?')} ${hint[0]!.toUpperCase()}${hint.slice(1)}.`,
          ),
      );
    }
    if (valueAt(path) === undefined && issue.code !== 'unrecognized_keys') {
      const example = EXAMPLES[field];
      return [
        new EssayError(
          placeOf(path),
          `the frontmatter has no \`${field}\`, which every essay needs${example ? `; add a line such as \`${example}\`` : ''}.`,
        ),
      ];
    }
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(essaySchema.shape);
      return issue.keys.map(
        (key) =>
          new EssayError(
            placeOf([...path, key]),
            `unknown frontmatter field \`${[...path, key].join('.')}\`${didYouMean(key, known, '`').replace(/\?$/, '`?')} The fields are ${known.join(', ')}.`,
          ),
      );
    }
    if (issue.code === 'invalid_union') {
      // A union (a date, or an object with a date) fails in each branch: say what the author most likely meant.
      const branches = issue.errors.flat();
      const custom = branches.find((b) => b.code === 'custom');
      if (custom)
        return [new EssayError(placeOf([...path, ...custom.path]), `\`${[...path, ...custom.path].join('.')}\`: ${custom.message}`)];
      const nested = branches.find((b) => b.code === 'unrecognized_keys' || b.path.length > 0);
      if (nested?.code === 'unrecognized_keys') {
        return nested.keys.map(
          (key) =>
            new EssayError(placeOf([...path, key]), `unknown field \`${field}.${key}\`; \`${field}\` takes date, note and precision.`),
        );
      }
      if (nested)
        return [new EssayError(placeOf([...path, ...nested.path]), `\`${[...path, ...nested.path].join('.')}\`: ${nested.message}`)];
    }
    if (issue.code === 'invalid_type') return [new EssayError(placeOf(path), `\`${field}\` must be ${article(issue.expected)}.`)];
    return [new EssayError(placeOf(path), `\`${field}\` ${issue.message}.`)];
  });
  throw new EssayErrors(errors.sort((a, b) => comparePlaces(a.place, b.place)));
}
