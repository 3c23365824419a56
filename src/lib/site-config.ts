import { z } from 'astro/zod';
import { didYouMean } from './suggest.ts';

/** The address a new site starts with: a production build that still has it warns. */

/** The licence of a site that names none: shown in each page's language (`layout.allRightsReserved`). */
export const ALL_RIGHTS_RESERVED = 'All rights reserved';
export const PLACEHOLDER_URL = 'https://essays.example.org';

const httpUrl = (what: string) =>
  z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: `must be ${what}, an address starting with https:// (or http://)`,
  });

/** An ORCID iD, bare (0000-0002-1825-0097) or as its URL; kept bare. */
const orcid = z
  .string()
  .transform((value) => value.trim().replace(/^https?:\/\/orcid\.org\//, ''))
  .refine((value) => /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value), {
    message: 'must be an ORCID iD such as 0000-0002-1825-0097 (or https://orcid.org/0000-0002-1825-0097)',
  });

/** A base path as Astro takes it: `/` at the root of the domain, `/essays-site/` for a project site. */
const basePath = z
  .string()
  .refine((value) => !/[?#\s\\]/.test(value) && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value), {
    message: 'must be a path such as /essays-site/ (no address, query or fragment: put the address in `url`)',
  })
  .transform(normaliseBase);

/**
 * The site's configuration: every field an author may set in `essays({ … })`
 * in astro.config.mjs, documented, with its default. README ("Configuring the
 * site") lists them too.
 */
export const siteConfigSchema = z
  .object({
    /** The site's name: the header, every page's title, the feed and the cards. */
    title: z.string().trim().min(1, 'is empty; give the site its name').default('Essays'),
    /** One sentence under the name on the home page; the description of pages that have none. */
    tagline: z
      .string()
      .trim()
      .min(1, 'is empty; say in one sentence what the site is')
      .default('Long-form essays with their sources: cited, linked and searchable.'),
    /**
     * Who writes here: named in the footer and, for an essay whose frontmatter
     * names no `author`, in "Cite this essay" and the page's metadata.
     */
    author: z
      .object({
        name: z.string().trim().min(1, 'is empty; give the author’s name as it should be cited'),
        /** The author's own page, linked from the footer and given in metadata. */
        url: httpUrl('the author’s page').optional(),
        /** The author's ORCID iD, given in metadata. */
        orcid: orcid.optional(),
      })
      .strict()
      .default({ name: 'The Essays editors' }),
    /** The public address of the site, without the base path (SITE_URL overrides it). */
    url: httpUrl('the site’s public address')
      .refine((value) => !URL.canParse(value) || new URL(value).pathname === '/', {
        message: 'must be the site’s address without a path: put the path (such as /essays-site/) in `base`, or BASE_PATH',
      })
      .default(PLACEHOLDER_URL),
    /** The path the site is served under, `/` at the root of its domain (BASE_PATH overrides it). */
    base: basePath.default('/'),
    /** BCP 47 language of the pages that are not an essay (home, search, 404) and of the feed. */
    lang: z
      .string()
      .refine((value) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value), { message: 'must be a BCP 47 language tag such as en-GB or ru' })
      .default('en-GB'),
    /**
     * The terms the essays' text is published under, shown in the footer and
     * in metadata: all rights reserved until the author chooses a licence
     * (then its name and URL, e.g. CC BY 4.0 and https://creativecommons.org/licenses/by/4.0/).
     */
    licence: z
      .object({
        name: z.string().trim().min(1, 'is empty; name the licence, such as CC BY 4.0'),
        url: httpUrl('the licence’s text').optional(),
      })
      .strict()
      .default({ name: ALL_RIGHTS_RESERVED }),
    /** The RSS feed (`rss.xml`). */
    feed: z
      .object({
        /** The feed's title (the site's title by default). */
        title: z.string().trim().min(1).optional(),
        /** The feed's description (the tagline by default). */
        description: z.string().trim().min(1).optional(),
        /** How many of the newest essays it lists (all of them by default). */
        limit: z.number().int().positive().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

/** What `essays({ … })` takes: every field optional. */
export type SiteOptions = z.input<typeof siteConfigSchema>;
/** The validated configuration, defaults filled in. */
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** `/`, `/essays-site/`: a leading and a trailing slash, no doubled ones. */
export function normaliseBase(base: string): string {
  const trimmed = base
    .trim()
    .replace(/\/{2,}/g, '/')
    .replace(/^\/|\/$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Thrown for a configuration that does not validate: its message names each bad field. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/**
 * Validates the options given to `essays()`, with the environment's SITE_URL
 * and BASE_PATH over `url` and `base` (a deploy sets them without editing the
 * config). A bad field throws a SiteConfigError naming it and what it takes.
 */
export function parseSiteConfig(options: unknown, env: Record<string, string | undefined> = {}): SiteConfig {
  const given = options === undefined ? {} : options;
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    throw new SiteConfigError('astro.config.mjs: essays() takes an object of settings, such as essays({ title: "My essays" }).');
  const withEnv: Record<string, unknown> = { ...given };
  const fromEnv = new Map<string, string>();
  if (env.SITE_URL) {
    withEnv.url = env.SITE_URL;
    fromEnv.set('url', 'SITE_URL');
  }
  if (env.BASE_PATH) {
    withEnv.base = env.BASE_PATH;
    fromEnv.set('base', 'BASE_PATH');
  }
  const result = siteConfigSchema.safeParse(withEnv);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    const field = issue.path.map(String).join('.');
    const where = fromEnv.has(field) ? `${fromEnv.get(field)} (for \`${field}\`)` : `\`${field}\``;
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(fieldsAt(issue.path));
      return issue.keys.map((key) => {
        const name = [...issue.path.map(String), key].join('.');
        const guess = didYouMean(key, known, '`').replace(/\?$/, '`?');
        const takes = issue.path.length === 0 ? `the settings are ${known.join(', ')}` : `\`${field}\` takes ${known.join(', ')}`;
        // "… — did you mean `title`? The settings are …", or "…; the settings are …".
        return `unknown setting \`${name}\`${guess ? `${guess} ${takes[0]!.toUpperCase()}${takes.slice(1)}` : `; ${takes}`}.`;
      });
    }
    if (issue.code === 'invalid_type') {
      const got = valueAt(withEnv, issue.path);
      return [`${where} must be ${typeName(issue.expected)}${got === undefined ? ' (it is missing)' : ` (got ${JSON.stringify(got)})`}.`];
    }
    const got = valueAt(withEnv, issue.path);
    return [`${where} ${issue.message}${typeof got === 'string' ? ` (got ${JSON.stringify(got)})` : ''}.`];
  });
  throw new SiteConfigError(
    `astro.config.mjs: essays() has ${problems.length === 1 ? 'a bad setting' : `${problems.length} bad settings`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}

function fieldsAt(path: readonly PropertyKey[]): Record<string, unknown> {
  let schema: unknown = siteConfigSchema;
  for (const key of path) {
    while (schema && typeof schema === 'object' && 'unwrap' in schema && typeof schema.unwrap === 'function') schema = schema.unwrap();
    if (schema && typeof schema === 'object' && 'def' in schema) {
      const def = (schema as { def: { innerType?: unknown } }).def;
      if (def.innerType) schema = def.innerType;
    }
    schema = (schema as { shape?: Record<string, unknown> }).shape?.[String(key)];
  }
  while (schema && typeof schema === 'object' && 'def' in schema && (schema as { def: { innerType?: unknown } }).def.innerType)
    schema = (schema as { def: { innerType: unknown } }).def.innerType;
  return (schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

function typeName(expected: string): string {
  return { string: 'text', number: 'a number', object: 'an object such as { name: "…" }', boolean: 'true or false' }[expected] ?? expected;
}
