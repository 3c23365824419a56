import type { APIRoute } from 'astro';
import { essayDownloads } from '../../../lib/downloads.ts';
import { essayBibliography, essayFacts, getEssays } from '../../../lib/essays.ts';

/** The "Cite this essay" downloads: /essays/<slug>/cite.ris and the like. */
export async function getStaticPaths() {
  const paths = [];
  for (const essay of await getEssays()) {
    const downloads = essayDownloads(
      essayFacts(essay, import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined),
      await essayBibliography(essay),
    );
    for (const download of downloads) paths.push({ params: { slug: essay.id, file: download.file }, props: { download } });
  }
  return paths;
}

export const GET: APIRoute = ({ props }) => {
  const { download } = props as { download: ReturnType<typeof essayDownloads>[number] };
  return new Response(download.body(), { headers: { 'Content-Type': download.type } });
};
