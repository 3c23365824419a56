import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from './build.ts';
import { makeFixtureSite } from './fixture-site.ts';
import { fixtures } from './paths.ts';

/** The sub-path the fixture is built and served under, as a GitHub Pages project site is. */
export const SUB_PATH = '/essays-site/';
/** Its public address (without the sub-path), as SITE_URL gives it. */
export const SUB_SITE_URL = 'https://reader.example.net';

/** What the fixture's author configures (its address and base come from SITE_URL and BASE_PATH, as on GitHub Pages). */
export const SUBPATH_SITE = {
  title: 'Notes on 1917',
  tagline: 'Essays on the Russian revolutions, with their sources.',
  author: { name: 'Ada Historian', url: 'https://historian.example.net/', orcid: '0000-0002-1825-0097' },
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  feed: { title: 'Notes on 1917: new essays', limit: 5 },
};

const SUBPATH_CONFIG = `// @ts-check
// The project's own configuration, with this site's essays({ … }) instead of the project's.
import project from '../../../astro.config.mjs';
import essays from './src/integrations/essays.ts';

export default {
  ...project,
  integrations: [essays(${JSON.stringify(SUBPATH_SITE)}), ...project.integrations.filter((i) => i.name !== 'essay-publisher:site')],
};
`;

/**
 * The fixture site of tests/fixtures/sites/subpath (an English essay with a
 * bibliography, a Russian one) configured with SUBPATH_SITE and built under SUB_PATH
 * through BASE_PATH and SITE_URL, as the GitHub Pages workflow builds it. Returns its dist/.
 */
export function buildSubpathSite(name: string): string {
  const from = path.join(fixtures, 'sites/subpath');
  const site = makeFixtureSite(
    name,
    { 'july-days': path.join(from, 'july-days'), bolsheviki: path.join(from, 'bolsheviki') },
    { copySource: true },
  );
  // The project's config with the site's own essays({ … }) in place of the project's.
  rmSync(path.join(site, 'astro.config.mjs'));
  writeFileSync(path.join(site, 'astro.config.mjs'), SUBPATH_CONFIG);
  const { status, output } = buildSite(site, { BASE_PATH: SUB_PATH, SITE_URL: SUB_SITE_URL });
  if (status !== 0) throw new Error(`astro build under ${SUB_PATH} failed (exit ${status}):\n${output}`);
  return path.join(site, 'dist');
}
