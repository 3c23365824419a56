import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { renderCard } from '../../../build/cards/index.ts';
import { getEssays } from '../../../lib/essays.ts';
import { cardFooter } from '../../../lib/meta.ts';
import { SITE } from '../../../lib/site.ts';

/** The essay's link-preview card. */
export const getStaticPaths = (async () => {
  const essays = await getEssays();
  return essays.map((essay) => ({ params: { slug: essay.id }, props: { essay } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { essay }, site }) => {
  const png = await renderCard(
    { title: essay.data.title, footer: cardFooter(SITE.name, site), lang: essay.data.lang },
    essay.filePath ?? essay.id,
  );
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
