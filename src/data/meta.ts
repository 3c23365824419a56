import { SITE } from '../lib/site.ts';
import { isoDate } from '../lib/dates.ts';
import { type Essay, essayPath } from './essays.ts';
import { cardPath } from '../lib/share.ts';

/** What Open Graph says about an essay, beyond its title and description. */
export interface ArticleMeta {
  /** When it was written (ISO 8601), only as precisely as the author dated it. */
  published: string;
  author?: string | undefined;
  tags: readonly string[];
  /** Share pages: the section they stand for (`article:section`). */
  section?: string | undefined;
}

/** The link-preview card and Open Graph article tags of an essay page, as the layout's props. */
export function essayMeta(essay: Essay): { image: string; article: ArticleMeta } {
  return {
    image: cardPath(essayPath(essay.id)),
    article: {
      published: isoDate(essay.data.written.date, essay.data.written.precision),
      author: essay.data.author ?? SITE.author.name,
      tags: essay.data.tags,
    },
  };
}

/** "Essays · essays.example.org": the foot of every card. */
export function cardFooter(siteName: string, site: URL | undefined): string {
  return site ? `${siteName} · ${site.host}` : siteName;
}
