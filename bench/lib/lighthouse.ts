import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../tests/support/server.ts';
import { launchChromium } from '../../tools/chromium.ts';
import { installBenchPackage, toolsDir } from './install.ts';

export interface LighthouseScores {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

const PORT = 9333;

/** The part of Lighthouse's Node API used here (it is installed apart from the site, without types). */
type Lighthouse = (
  url: string,
  flags: { port: number; logLevel: string; onlyCategories: string[] },
) => Promise<{ lhr: { categories: Record<string, { score: number | null } | undefined> } } | undefined>;

/**
 * Lighthouse's category scores (0–100, mobile preset: its default) for pages of
 * a built site served on loopback, in Debian's Chromium.
 */
export async function runLighthouse(dir: string, pages: string[]): Promise<LighthouseScores[]> {
  installBenchPackage('tools', toolsDir);
  const entry = pathToFileURL(path.join(toolsDir, 'node_modules/lighthouse/core/index.js')).href;
  const { default: lighthouse } = (await import(entry)) as { default: Lighthouse };
  const server = await serve(dir);
  const browser = await launchChromium([`--remote-debugging-port=${PORT}`]);
  try {
    const scores: LighthouseScores[] = [];
    for (const page of pages) {
      const result = await lighthouse(`${server.url}${page}`, {
        port: PORT,
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
      const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
      scores.push({
        page,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      });
    }
    return scores;
  } finally {
    await browser.close();
    await server.close();
  }
}
