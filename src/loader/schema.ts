import { tagKey } from '../lib/tags.ts';
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
    const why = whyNotADate(String(value).trim());
    context.addIssue({
      code: 'custom',
      message: why
        ? `"${value}" is not a date: ${why}`
        : `"${value}" is not a date this site reads; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2013, 2013-10 or 2013-10-01).`,
    });
    return z.NEVER;
  }
  return date;
});

/**
 * Why text written as a date (`2021-02-30`, `2014-13-01`, `2014-3-1`) is
 * none, and what to write: a slip of a day or a digit deserves more than
 * "not a date".
 */
function whyNotADate(text: string): string | undefined {
  const match = text.match(/^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ].*)?$/);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  if (month < 1 || month > 12) {
    // 2014-13-01 is most likely the 13th of January written day first.
    const swapped =
      d !== undefined && Number(d) >= 1 && Number(d) <= 12 && month <= 31 ? ` — did you mean ${y}-${d.padStart(2, '0')}-${m}?` : '';
    return `there is no month ${m}; dates are written year, month, day (YYYY-MM-DD)${swapped || '.'}`;
  }
  const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (d !== undefined && (Number(d) < 1 || Number(d) > days)) {
    return `${name} ${year} has ${days} days; check the day.`;
  }
  if (m!.length === 2 && (d === undefined || d.length === 2)) return undefined;
  const padded = [y, m!.padStart(2, '0'), ...(d === undefined ? [] : [d.padStart(2, '0')])].join('-');
  return `write the month${d === undefined ? '' : ' and day'} with two digits: ${padded}.`;
}

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
    /**
     * The BibTeX file beside the essay, e.g. `references.bib`, or a list of them (as Pandoc takes it), whose
     * entries are read as one bibliography. Optional for essays without citations.
     */
    bibliography: z
      .union([z.string().min(1), z.array(z.string().min(1, 'is empty; name a .bib file')).min(1, 'is an empty list; name a .bib file')])
      .optional()
      .transform((value) => (typeof value === 'string' ? [value] : value)),
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
      .transform((tags) => uniqueTags(typeof tags === 'string' ? [tags] : tags)),
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

/** What a value is, as YAML read it, for "`x` is a list, not …". */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return 'text';
}

/** What each field takes, for "`tags` must be …" when it was given something else. */
const KINDS: Record<string, string> = {
  title: 'text',
  description: 'text',
  licence: 'a licence’s name (`licence: CC BY 4.0`), or its name and address (`licence: { name: CC BY 4.0, url: https://… }`)',
  updated: 'a date (YYYY, YYYY-MM or YYYY-MM-DD), or false when the essay has not been revised',
  revisions: 'a list of revisions, each written - { date: 2015-02-10, note: "Corrected …" }',
  bibliography:
    'the name of a .bib file beside the essay (`bibliography: references.bib`), or a list of them (`bibliography: [books.bib, articles.bib]`)',
  csl: 'the name of a citation style, such as `csl: chicago-author-date`',
  lang: 'a language tag, such as `lang: en-GB`',
  nocite: '"@*" (every work in the .bib) or a list of keys, such as `nocite: ["@pipes1968", "@figes1996"]`',
  tags: 'a list, such as `tags: [history, russia]`, or one tag (`tags: history`)',
  draft: 'true or false',
};

/** Zod's own words for text too short ("Too small: expected string to have >=1 characters"), which are not the author's. */
function isTooShort(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'too_small' && issue.origin === 'string' && issue.message.startsWith('Too small');
}

/** Fields written as a set of fields, and the fields each takes. */
const PARTS: Record<string, string[]> = {
  written: ['date', 'note', 'precision'],
  licence: ['name', 'url'],
};

/** The types a union's branches expected, however deeply nested (a date is text or a number). */
function expectedTypes(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'invalid_type' ? [issue.expected as string] : issue.code === 'invalid_union' ? expectedTypes(issue.errors.flat()) : [],
  );
}

/** Fields that are lists of text: what one item is, and the list written right. */
const LISTS: Record<string, { item: string; items: string; example: string }> = {
  tags: { item: 'a tag', items: 'the tags', example: 'tags: [history, russia]' },
  bibliography: { item: 'the name of a .bib file', items: 'the files', example: 'bibliography: [books.bib, articles.bib]' },
  nocite: { item: 'a citation key', items: 'the keys', example: 'nocite: ["@pipes1968", "@figes1996"]' },
};

/**
 * Other tools' names for this site's fields (Hugo's `date` and `lastmod`,
 * Jekyll's, Astro's blog's `pubDate`, Pandoc's `abstract` and `keywords`),
 * folded as `habitOf` folds them: an author who moves an essay over writes
 * them out of habit, and no edit distance leads from `date` to `written`.
 */
const HABITS: Record<string, keyof typeof essaySchema.shape> = {
  date: 'written',
  published: 'written',
  pubdate: 'written',
  publishdate: 'written',
  publishedat: 'written',
  created: 'written',
  createdat: 'written',
  datepublished: 'written',
  modified: 'updated',
  lastmod: 'updated',
  lastmodified: 'updated',
  updatedat: 'updated',
  updateddate: 'updated',
  datemodified: 'updated',
  summary: 'description',
  excerpt: 'description',
  abstract: 'description',
  authors: 'author',
  keywords: 'tags',
  categories: 'tags',
  category: 'tags',
  language: 'lang',
  locale: 'lang',
  license: 'licence',
  style: 'csl',
  citationstyle: 'csl',
};

/** This site's field for a field another tool's frontmatter has, if there is one. */
export function habitOf(key: string): keyof typeof essaySchema.shape | undefined {
  return HABITS[key.toLowerCase().replace(/[-_]/g, '')];
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

/** " — did you mean `x`? Rest." or "; rest.": a hint, and what follows it as its own sentence. */
function guessThen(key: string, known: readonly string[], rest: string): string {
  const guess = didYouMean(key, known, '`');
  return guess ? `${guess.replace(/\?$/, '`?')} ${rest[0]!.toUpperCase()}${rest.slice(1)}.` : `; ${rest}.`;
}

/**
 * Validates frontmatter against the schema: the data, or one EssayError per
 * problem, each at the line and column where the value was written (or where
 * a missing one would go), saying what to write instead. `textOf` gives a
 * value as it was typed (frontmatter.ts), for messages that show it quoted.
 */
export function validateFrontmatter(
  data: Record<string, unknown>,
  placeOf: (path: readonly PropertyKey[]) => Place,
  textOf: (path: readonly PropertyKey[]) => string | undefined = () => undefined,
): EssayData {
  const result = essaySchema.safeParse(data);
  if (result.success) return result.data;
  const valueAt = (path: readonly PropertyKey[]) =>
    path.reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
      data,
    );
  /** A value of the wrong kind: what the field takes, and, for a number or true where text goes, the quotes that make it text. */
  const wrongKind = (path: readonly PropertyKey[], expected: readonly string[]): EssayError => {
    const field = path.map(String).join('.');
    const value = valueAt(path);
    const list = path.length === 2 && typeof path[1] === 'number' ? LISTS[String(path[0])] : undefined;
    const kind = list ? `${list.item}, as text` : path.length === 1 && KINDS[field] ? KINDS[field] : article(expected[0] ?? 'string');
    // Quotes make text of a number or of true, where text is taken (not where a date is: it takes numbers already).
    if ((typeof value === 'number' || typeof value === 'boolean') && expected.includes('string') && !expected.includes('number')) {
      const typed = textOf(path) ?? String(value);
      const quoted = path.length === 1 ? `${field}: "${typed}"` : `"${typed}"`;
      const read = typeof value === 'number' ? 'a number' : 'a yes-or-no value';
      return new EssayError(placeOf(path), `\`${field}\` must be ${kind}; ${typed} is read as ${read}: put it in quotes, \`${quoted}\`.`);
    }
    if (value === null) {
      const example = EXAMPLES[field];
      return new EssayError(placeOf(path), `\`${field}\` has no value; ${example ? `write it as \`${example}\`` : `give ${kind}`}.`);
    }
    if (expected.includes('boolean') && (value === 'true' || value === 'false')) {
      return new EssayError(placeOf(path), `\`${field}\` must be true or false, without quotes: \`${field}: ${value}\`.`);
    }
    if (list) {
      return new EssayError(
        placeOf(path),
        `\`${field}\` is ${kindOf(value)}, not ${list.item}; write ${list.items} as one list: \`${list.example}\`.`,
      );
    }
    return new EssayError(placeOf(path), `\`${field}\` must be ${kind}.`);
  };
  /** Text too short (`csl: ""`, `lang: e`) where the schema gave no words of its own for it. */
  const tooShort = (path: readonly PropertyKey[]): EssayError => {
    const field = path.map(String).join('.');
    const list = path.length === 2 && typeof path[1] === 'number' ? LISTS[String(path[0])] : undefined;
    const kind = list?.item ?? KINDS[field] ?? 'text';
    return new EssayError(placeOf(path), valueAt(path) === '' ? `\`${field}\` is empty; give ${kind}.` : `\`${field}\` must be ${kind}.`);
  };
  /** A field that is not one of a set of fields' (`written.nope`, `licence.uri`). */
  const unknownPart = (path: readonly PropertyKey[], key: string): EssayError => {
    const field = path.map(String).join('.');
    const parts = PARTS[String(path[0])] ?? [];
    const takes =
      parts.length > 0 ? `\`${field}\` takes ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : `\`${field}\` has no such field`;
    return new EssayError(placeOf([...path, key]), `unknown field \`${field}.${key}\`${guessThen(key, parts, takes)}`);
  };
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
        (key) => new EssayError(placeOf([...path, key]), `unknown field \`${[...path, key].join('.')}\`${guessThen(key, fields, hint)}`),
      );
    }
    if (valueAt(path) === undefined && issue.code !== 'unrecognized_keys') {
      // `date: 2014-03-01` and no `written`: the message about `date` says what to write.
      if (path.length === 1 && Object.keys(data).some((key) => !(key in essaySchema.shape) && habitOf(key) === field)) return [];
      const example = EXAMPLES[field];
      return [
        new EssayError(
          placeOf(path),
          `the frontmatter has no \`${field}\`, which every essay needs${example ? `; add a line such as \`${example}\`` : ''}.`,
        ),
      ];
    }
    if (issue.code === 'unrecognized_keys' && path.length > 0) return issue.keys.map((key) => unknownPart(path, key));
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(essaySchema.shape);
      return issue.keys.map((key) => new EssayError(placeOf([...path, key]), unknownField(key, known, data, textOf)));
    }
    if (issue.code === 'invalid_union') {
      // A union (a date, or an object with a date) fails in each branch: say what the author most likely meant.
      const branches = issue.errors.flat();
      const custom = branches.find((b) => b.code === 'custom');
      if (custom)
        return [new EssayError(placeOf([...path, ...custom.path]), `\`${[...path, ...custom.path].join('.')}\`: ${custom.message}`)];
      const nested = branches.find((b) => b.code === 'unrecognized_keys' || b.path.length > 0);
      if (nested?.code === 'unrecognized_keys') return nested.keys.map((key) => unknownPart(path, key));
      if (nested?.code === 'invalid_type') return [wrongKind([...path, ...nested.path], [nested.expected])];
      if (nested && isTooShort(nested)) return [tooShort([...path, ...nested.path])];
      if (nested)
        return [new EssayError(placeOf([...path, ...nested.path]), `\`${[...path, ...nested.path].join('.')}\` ${nested.message}.`)];
      // A field whose schema says in its own words what it takes (`author`) is left to say it.
      if (path.length === 1 && KINDS[field] !== undefined) return [wrongKind(path, expectedTypes(branches))];
    }
    if (issue.code === 'invalid_type') return [wrongKind(path, [issue.expected])];
    if (isTooShort(issue)) return [tooShort(path)];
    // A date's message starts with the date as written: `revisions.0.date`: "2023-4-5" is not a date…
    const joint = issue.message.startsWith('"') ? ':' : '';
    return [new EssayError(placeOf(path), `\`${field}\`${joint} ${issue.message.replace(/\.$/, '')}.`)];
  });
  throw new EssayErrors(errors.sort((a, b) => comparePlaces(a.place, b.place)));
}

/**
 * An unknown field's message: the field meant, when it is another tool's
 * name for one (`date`) or a typo of one (`biblography`), and else the
 * fields there are.
 */
function unknownField(
  key: string,
  known: readonly string[],
  data: Record<string, unknown>,
  textOf: (path: readonly PropertyKey[]) => string | undefined,
): string {
  const start = `unknown frontmatter field \`${key}\``;
  const habit = habitOf(key);
  if (habit !== undefined && known.includes(habit)) {
    const value = data[key];
    // Jekyll's `published: false` is this site's draft.
    if (habit === 'written' && typeof value === 'boolean') {
      return value
        ? `${start}: every essay that is not a draft is published; remove this line.`
        : `${start} — did you mean \`draft\`? Write \`draft: true\` to keep the essay out of builds.`;
    }
    if (data[habit] !== undefined)
      return `${start} — did you mean \`${habit}\`? The frontmatter has a \`${habit}\` already: remove this line.`;
    const typed = textOf([key]);
    const write = typed !== undefined && typed !== '' && !typed.includes('\n') ? `Write \`${habit}: ${typed}\`` : `Rename the field`;
    return `${start} — did you mean \`${habit}\`? ${write}.`;
  }
  return `${start}${guessThen(key, known, `the fields are ${known.join(', ')}`)}`;
}

/**
 * Tags as a reader sees them: without the spaces around them or doubled
 * inside, each once (`[History, history, " spaced "]` is History and spaced,
 * the first spelling kept), since each is a search filter of its own.
 */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const clean = tag.trim().replace(/\s+/g, ' ');
    const key = tagKey(clean);
    if (clean && !seen.has(key)) seen.set(key, clean);
  }
  return [...seen.values()];
}
