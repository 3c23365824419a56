import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { renderCard } from '../../../../../build/cards/index.ts';
import { cardFooter } from '../../../../../lib/meta.ts';
import { sharedSections } from '../../../../../lib/shared-sections.ts';
import { SITE } from '../../../../../lib/site.ts';

/** A section's link-preview card: the section's title, its essay's and the site's name. */
export const getStaticPaths = (async () => {
  const shared = await sharedSections();
  return shared.map((props) => ({ params: { slug: props.essay.id, section: props.section.id }, props }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { essay, section }, site }) => {
  const png = await renderCard(
    { title: section.title, context: essay.data.title, footer: cardFooter(SITE.name, site), lang: essay.data.lang },
    `${essay.filePath ?? essay.id}, section "${section.title}"`,
  );
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
