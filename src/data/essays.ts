import { type CollectionEntry, getCollection } from 'astro:content';
import { type CalendarDate, storedDate } from '../lib/dates.ts';
import { type EssayFacts, essayFactsOf } from '../lib/essay-record.ts';
import type { CslItem } from '../lib/csl-item.ts';
import type { StoredProblem } from '../lib/essay-error.ts';
import { readEssayHtml, readEssayWorks } from '../loader/essay-html.ts';
import type { StoredRevision } from '../loader/loader.ts';
import { sharePath } from '../lib/share.ts';
import { newestFirst, tagSpellings } from '../lib/tags.ts';
import { withBase } from '../lib/site.ts';
import { IDS, type Section, type StoredEssayOutput } from '../plugins/contracts.ts';

/**
 * The essays as the pages see them: the collection, and what the Markdown
 * pipeline found in each (stored with its rendering by the loader). Nothing
 * here parses HTML; only `essayContent` reads a file (the essay's HTML).
 */

export type Essay = CollectionEntry<'essays'>;

/** Published essays, newest first (the loader leaves drafts out of builds; `astro dev` shows them). */
export async function getEssays(): Promise<Essay[]> {
  const essays = await getCollection('essays', (essay) => essayProblems(essay) === undefined);
  // By name where two share a date, as the share pages take them (src/integrations/sharing.ts).
  essays.sort((a, b) => newestFirst({ time: a.data.written.date.getTime(), id: a.id }, { time: b.data.written.date.getTime(), id: b.id }));
  // Each tag in the one spelling the site gives it (src/lib/tags.ts).
  const spelling = tagSpellings(essays.map((essay) => essay.data.tags));
  return essays.map((essay) => ({ ...essay, data: { ...essay.data, tags: essay.data.tags.map(spelling) } }));
}

/**
 * Under `astro dev`, the essays that could not be read or rendered: each
 * entry holds its problems and no data (src/loader/loader.ts), and its page
 * lists them. A build has none: it stops on the first.
 */
export function refusedEssays(): Promise<Essay[]> {
  return getCollection('essays', (essay) => essayProblems(essay) !== undefined);
}

/** A refused essay's problems, in reading order; undefined for an essay that was rendered. */
export function essayProblems(essay: Essay): StoredProblem[] | undefined {
  return (essay.rendered?.metadata as { problems?: StoredProblem[] } | undefined)?.problems;
}

/** An essay's public URL path, under the site's base. It is a share link: it must never change. */
export function essayPath(id: string): string {
  return withBase(`/essays/${id}/`);
}

/**
 * The essay as Astro's `render()` takes it: with its HTML, which the loader
 * keeps beside the data store rather than in it (src/loader/essay-html.ts).
 */
export async function essayContent(essay: Essay): Promise<Essay> {
  const html = await readEssayHtml(String(essay.digest), essay.filePath ?? essay.id);
  return { ...essay, rendered: { ...essay.rendered, html } };
}

/** The works an essay's bibliography lists, in its order, which the loader keeps beside its HTML. */
export function essayWorks(essay: Essay): Promise<CslItem[]> {
  return readEssayWorks(String(essay.digest), essay.filePath ?? essay.id);
}

/** What the pipeline found in an essay: sections, reading time, ids (the works listed: essayWorks()). */
export function essayOutput(essay: Essay): StoredEssayOutput {
  const output = (essay.rendered?.metadata as { essay?: StoredEssayOutput } | undefined)?.essay;
  if (output === undefined)
    throw new Error(`${essay.filePath ?? essay.id}: the essay was stored without its rendering; run the build again.`);
  return output;
}

/** Whether the essay has notes (GFM's notes section, or a note style's): only then does the page load sidenotes. */
export function essayHasNotes(essay: Essay): boolean {
  return essayOutput(essay).ids.includes(IDS.notes);
}

/** The essay's title with its emphasis as HTML (`Reading <em>Capital</em> Again`), when the author marked some. */
export function essayTitleHtml(essay: Essay): string | undefined {
  return (essay.rendered?.metadata as { titleHtml?: string } | undefined)?.titleHtml;
}

/** The essay's "Cite this essay" reference, formatted by the loader in the essay's style. */
export function essayRecord(essay: Essay): string {
  return String((essay.rendered?.metadata as { record?: string } | undefined)?.record ?? '');
}

/** When the essay was last revised, as the loader found it (its `updated`, or the repository's date), if it was. */
export function essayRevised(essay: Essay): CalendarDate | undefined {
  return storedDate((essay.rendered?.metadata as { revised?: StoredRevision } | undefined)?.revised);
}

/** What the essay's own citation record is made from. `site` is Astro's configured `site`. */
export function essayFacts(essay: Essay, site: URL | undefined): EssayFacts {
  return essayFactsOf(essay.id, essay.data, new URL(essayPath(essay.id), site), essayRevised(essay));
}

// A type, not an interface: getStaticPaths props must be assignable to a record.
export type SharedSection = {
  essay: Essay;
  section: Section;
  /** The section's share page. */
  path: string;
  /** Where the share page sends the reader: the section on the essay page. */
  target: string;
};

/** Every section of every published essay, each with its share page: one per heading link. */
export async function sharedSections(): Promise<SharedSection[]> {
  const essays = await getEssays();
  return essays.flatMap((essay) =>
    essayOutput(essay).sections.map((section) => ({
      essay,
      section,
      path: sharePath(essayPath(essay.id), section.id),
      target: `${essayPath(essay.id)}#${encodeURIComponent(section.id)}`,
    })),
  );
}
