import path from 'node:path';
import { buildSite } from './build.ts';
import { makeFixtureSite } from './fixture-site.ts';
import { fixtures } from './paths.ts';

/** The sub-path the fixture is built and served under, as a GitHub Pages project site is. */
export const SUB_PATH = '/essays-site/';
/** Its public address (without the sub-path), as SITE_URL gives it. */
export const SUB_SITE_URL = 'https://reader.example.net';

/**
 * The fixture site of tests/fixtures/sites/subpath (an English essay with a
 * bibliography, a Russian one) built under SUB_PATH through BASE_PATH and
 * SITE_URL, as the GitHub Pages workflow builds it. Returns its dist/.
 */
export function buildSubpathSite(name: string): string {
  const from = path.join(fixtures, 'sites/subpath');
  const site = makeFixtureSite(
    name,
    { 'july-days': path.join(from, 'july-days'), bolsheviki: path.join(from, 'bolsheviki') },
    { copySource: true },
  );
  const { status, output } = buildSite(site, { BASE_PATH: SUB_PATH, SITE_URL: SUB_SITE_URL });
  if (status !== 0) throw new Error(`astro build under ${SUB_PATH} failed (exit ${status}):\n${output}`);
  return path.join(site, 'dist');
}
