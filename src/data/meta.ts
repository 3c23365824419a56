import { drawnAsSiteCard } from '../build/cards/fonts.ts';
import { SITE, siteCardAlt } from '../lib/site.ts';
import { isoDate } from '../lib/dates.ts';
import { siteAuthors } from '../lib/essay-record.ts';
import { type Essay, essayPath, essayRevised } from './essays.ts';
import { cardPath } from '../lib/share.ts';
import type { ArticleMeta } from '../lib/social-meta.ts';

export type { ArticleMeta };

/**
 * The link-preview card and Open Graph article tags of an essay page, as the
 * layout's props. A title in letters no card font has is drawn as the site's
 * card (src/integrations/sharing.ts), and its description says so.
 */
export function essayMeta(essay: Essay): { image: string; imageAlt: string | undefined; article: ArticleMeta } {
  const revised = essayRevised(essay);
  return {
    image: cardPath(essayPath(essay.id)),
    imageAlt: drawnAsSiteCard(essay.data.title, SITE.description) ? siteCardAlt() : undefined,
    article: {
      published: isoDate(essay.data.written.date, essay.data.written.precision),
      modified: revised && isoDate(revised.date, revised.precision),
      authors: (essay.data.author ?? siteAuthors()).map((a) => a.name),
      tags: essay.data.tags,
    },
  };
}
