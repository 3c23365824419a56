import type { APIRoute } from 'astro';
import { essayFacts, essayOutput, getEssays } from '../../../data/essays.ts';
import { type Download, essayDownloads } from '../../../lib/downloads.ts';

/** The "Cite this essay" downloads: /essays/<slug>/cite.ris and the like. */
export async function getStaticPaths() {
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  return (await getEssays()).flatMap((essay) =>
    essayDownloads(essayFacts(essay, site), essayOutput(essay).listed).map((download) => ({
      params: { slug: essay.id, file: download.file },
      props: { download },
      cacheKey: String(essay.digest),
    })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { download } = props as { download: Download };
  return new Response(download.body(), { headers: { 'Content-Type': download.type } });
};
