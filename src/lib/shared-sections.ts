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

/** Every section of every published essay, each with its share page: one per heading link. */
export async function sharedSections(): Promise<SharedSection[]> {
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
