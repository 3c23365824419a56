import { type Essay, essayPath, getEssays } from './essays.ts';
import { type Section, essaySections } from './sections.ts';
import { sharePath } from './share.ts';

// A type, not an interface: getStaticPaths props must be assignable to a record.
export type SharedSection = {
  essay: Essay;
  section: Section;
  /** The section's share page. */
  path: string;
  /** Where the share page sends the reader: the section on the essay page. */
  target: string;
};

let built: Promise<SharedSection[]> | undefined;

/**
 * Every section of every published essay, each with its share page: one per
 * heading link. Share pages and section cards both ask; a build parses each
 * essay's HTML for them once (`astro dev` every time, since essays change).
 */
export function sharedSections(): Promise<SharedSection[]> {
  if (import.meta.env.DEV) return findSections();
  return (built ??= findSections());
}

async function findSections(): Promise<SharedSection[]> {
  const essays = await getEssays();
  return essays.flatMap((essay) =>
    essaySections(essay.rendered?.html ?? '').map((section) => ({
      essay,
      section,
      path: sharePath(essayPath(essay.id), section.id),
      target: `${essayPath(essay.id)}#${encodeURIComponent(section.id)}`,
    })),
  );
}
